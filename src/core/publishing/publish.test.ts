import { describe, expect, it } from 'vitest';
import {
  describeEndorsement,
  disclosures,
  featuredTestimonials,
  hasPublishConsent,
  isPublicTestimonial,
  publicTestimonials,
  resultClientName,
  sentNewsletters,
} from './publish.ts';
import { ContactSchema, NewsletterSchema, ResultSchema, TestimonialSchema, type Testimonial } from '../model/index.ts';

const TODAY = Temporal.PlainDate.from('2026-11-10');
const WEBSITE = { scope: ['website', 'email'], date: '2026-01-05', evidence: 'Email reply, 5 Jan 2026' };

function testimonial(fields: Record<string, unknown> = {}): Testimonial {
  return TestimonialSchema.parse({
    kind: 'consumer',
    author: { name: 'Ana R.' },
    quote: 'They sold our flat in nine days.',
    date: '2026-01-04',
    source: { name: 'Email' },
    consent: WEBSITE,
    ...fields,
  });
}

describe('isPublicTestimonial', () => {
  it('needs status published and consent whose scope names the website', () => {
    expect(isPublicTestimonial(testimonial())).toBe(true);
    expect(isPublicTestimonial(testimonial({ status: 'draft' }))).toBe(false);
    expect(isPublicTestimonial(testimonial({ consent: { ...WEBSITE, scope: ['email', 'social'] } }))).toBe(false);
    expect(isPublicTestimonial(testimonial({ status: 'draft', consent: undefined }))).toBe(false);
  });
});

describe('publicTestimonials and featuredTestimonials', () => {
  const entries = [
    { id: 'a', data: testimonial({ date: '2025-03-01' }) },
    { id: 'b', data: testimonial({ date: '2026-02-01', featured: true }) },
    { id: 'c', data: testimonial({ date: '2026-05-01', status: 'draft' }) },
    { id: 'd', data: testimonial({ date: '2026-04-01', consent: { ...WEBSITE, scope: ['email'] } }) },
    { id: 'e', data: testimonial({ date: '2026-03-01' }) },
    { id: 'f', data: testimonial({ date: '2024-01-01', featured: true, tags: ['landlord', 'investor'] }) },
  ];

  it('keeps only what may be public, newest first', () => {
    expect(publicTestimonials(entries).map((e) => e.id)).toEqual(['e', 'b', 'a', 'f']);
  });

  it('puts featured ones first and stops at the count', () => {
    expect(featuredTestimonials(entries, 3).map((e) => e.id)).toEqual(['b', 'f', 'e']);
  });
});

describe('describeEndorsement and disclosures', () => {
  it("names the kind with an expert's qualification or an organization's process", () => {
    expect(describeEndorsement(testimonial())).toEqual({ kind: 'consumer', label: 'Client' });
    expect(describeEndorsement(testimonial({ kind: 'expert', qualification: 'Chartered surveyor (MRICS)' }))).toEqual({
      kind: 'expert',
      label: 'Expert',
      detail: 'Chartered surveyor (MRICS)',
    });
    expect(
      describeEndorsement(testimonial({ kind: 'organization', organization: 'Harbour Relocation', process: 'Survey of 40 staff in 2025' })),
    ).toEqual({ kind: 'organization', label: 'Organization', detail: 'Harbour Relocation: Survey of 40 staff in 2025' });
    const speaking = testimonial({
      kind: 'organization',
      author: { name: 'Harbour Relocation' },
      organization: 'Harbour Relocation',
      process: 'Survey',
    });
    expect(describeEndorsement(speaking).detail).toBe('Survey');
  });

  it('lists the material connection and typical results, when given', () => {
    expect(disclosures(testimonial())).toEqual([]);
    expect(
      disclosures(
        testimonial({ disclosures: { materialConnection: 'Received a £50 gift card.', typicalResults: 'Most homes sell in 6 weeks.' } }),
      ),
    ).toEqual([
      { label: 'Material connection', text: 'Received a £50 gift card.' },
      { label: 'Typical results', text: 'Most homes sell in 6 weeks.' },
    ]);
  });
});

describe('resultClientName', () => {
  const result = (client: unknown, area?: string) =>
    ResultSchema.parse({ title: 'Sold in 9 days', date: '2026-03-01', summary: 'Above asking.', client, area });

  it('names the client only with consent covering the website', () => {
    expect(resultClientName(result({ display: 'The Okafor family', consent: WEBSITE }))).toBe('The Okafor family');
    expect(resultClientName(result({ display: 'The Okafor family', consent: { ...WEBSITE, scope: ['email'] } }, 'Clifton'))).toBe(
      'A client in Clifton',
    );
    expect(resultClientName(result({ display: 'The Okafor family' }))).toBe('A client');
    expect(resultClientName(result(undefined, 'Redland'))).toBe('A client in Redland');
  });
});

describe('sentNewsletters', () => {
  const newsletter = (sendDate: string, draft = false) => NewsletterSchema.parse({ subject: 'Advice', preheader: 'Tips', sendDate, draft });

  it('keeps those sent on or before the day, not drafts, newest first', () => {
    const entries = [
      { id: 'october', data: newsletter('2026-10-06') },
      { id: 'today', data: newsletter('2026-11-10') },
      { id: 'tomorrow', data: newsletter('2026-11-11') },
      { id: 'draft', data: newsletter('2026-09-01', true) },
    ];
    expect(sentNewsletters(entries, TODAY).map((e) => e.id)).toEqual(['today', 'october']);
  });
});

describe('hasPublishConsent', () => {
  const contact = (publish?: Record<string, unknown>) =>
    ContactSchema.parse({
      name: 'Ana Ruiz',
      segment: 'past-client',
      consent: publish ? { publish: { basis: 'consent', source: 'Signed form', date: '2026-01-05', ...publish } } : {},
    });

  it('holds from the consent until it is withdrawn or expires', () => {
    expect(hasPublishConsent(contact(), TODAY)).toBe(false);
    expect(hasPublishConsent(contact({}), TODAY)).toBe(true);
    expect(hasPublishConsent(contact({ withdrawn: '2026-11-10' }), TODAY)).toBe(false);
    expect(hasPublishConsent(contact({ withdrawn: '2026-11-11' }), TODAY)).toBe(true);
    expect(hasPublishConsent(contact({ expires: '2026-11-10' }), TODAY)).toBe(true);
    expect(hasPublishConsent(contact({ expires: '2026-11-09' }), TODAY)).toBe(false);
  });

  it('does not hold before the day it was given', () => {
    // Issue 13: this copy of the consent rule forgot the consent's own date.
    expect(hasPublishConsent(contact({ date: '2026-11-11' }), TODAY)).toBe(false);
    expect(hasPublishConsent(contact({ date: '2026-11-10' }), TODAY)).toBe(true);
  });
});
