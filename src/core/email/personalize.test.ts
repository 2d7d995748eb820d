import { describe, expect, it } from 'vitest';
import { cleanHeader, createPersonalizer, featuredTestimonial } from './personalize.ts';
import { renderBody } from '../markup/index.ts';
import {
  ContactSchema,
  NewsletterSchema,
  ResultSchema,
  SettingsSchema,
  TestimonialSchema,
  type ContactInput,
  emptyContent,
  type Content,
} from '../model/index.ts';
import type { DueTouch } from '../touches/index.ts';

const today = Temporal.PlainDate.from('2026-11-03');
const settings = SettingsSchema.parse({
  business: {
    name: 'Harbour & Hill',
    email: 'hello@hh.example',
    address: { street: '12 Wapping Road', locality: 'Bristol', postalCode: 'BS1 4RW', country: 'United Kingdom' },
  },
  sender: { name: 'Maya Brennan', email: 'maya@hh.example', replyTo: 'hello@hh.example' },
  timeZone: 'Europe/London',
  site: { url: 'https://hh.example' },
  unsubscribe: { mailto: 'unsubscribe@hh.example', url: 'https://hh.example/unsubscribe' },
});
const consent = { email: { basis: 'consent', source: 'Form', date: '2025-01-01' } } as const;
const contact = (id: string, data: Partial<ContactInput>) => ({
  id,
  file: `contacts/${id}.yaml`,
  data: ContactSchema.parse({ name: 'Ana Ruiz', emails: ['ana@mail.example'], segment: 'past-client', consent, ...data }),
});
const result = (id: string, data: Record<string, unknown>) => ({
  id,
  file: `results/${id}.mdx`,
  body: '',
  data: ResultSchema.parse({ title: id, date: '2026-01-01', summary: `Summary of ${id}.`, ...data }),
});
const testimonial = (id: string, data: Record<string, unknown>) => ({
  id,
  file: `testimonials/${id}.mdx`,
  body: '',
  data: TestimonialSchema.parse({
    kind: 'consumer',
    author: { name: id },
    quote: `Quote by ${id}`,
    date: '2026-01-01',
    source: { name: 'Email' },
    consent: { scope: ['website', 'email'], date: '2026-01-01', evidence: 'Reply' },
    featured: true,
    ...data,
  }),
});

function content(): Content {
  return {
    ...emptyContent(),
    settings,
    contacts: [
      contact('ana-ruiz', { area: 'Clifton', household: [{ name: 'Luis Ruiz', relation: 'husband' }] }),
      contact('tom-harris', { name: 'Tom Harris', emails: ['tom@mail.example'], segment: 'sphere', area: 'clifton' }),
    ],
    newsletters: [
      {
        id: 'winter',
        file: 'newsletters/winter.mdx',
        body: '## Bleed the radiators\n\nFive minutes.',
        data: NewsletterSchema.parse({ subject: '{{firstName}}, cut your bill', preheader: 'Small changes', sendDate: '2026-11-03' }),
      },
    ],
    results: [
      result('ana-sale', { area: 'Clifton', date: '2026-06-01', client: { contact: 'ana-ruiz', display: 'The Ruiz family' } }),
      result('clifton-flat', { area: 'Clifton', date: '2026-03-01' }),
      result('bath-house', { area: 'Bath', date: '2026-02-01' }),
      result('future', { area: 'Clifton', date: '2026-12-01' }),
    ],
    testimonials: [
      testimonial('website-only', { date: '2026-10-01', consent: { scope: ['website'], date: '2026-01-01', evidence: 'Reply' } }),
      testimonial('newest-email', { date: '2026-09-01', disclosures: { materialConnection: 'Received a £20 voucher.' } }),
      testimonial('older-email', { date: '2026-05-01' }),
    ],
  };
}

function touch(contactId: string, extra: Partial<DueTouch>): DueTouch {
  return {
    id: `${contactId}.p.s.2026-11-03`,
    contact: contactId,
    plan: 'p',
    step: 's',
    channel: 'email',
    due: today,
    date: today,
    priority: 50,
    reason: 'test',
    ...extra,
  };
}

describe('createPersonalizer', () => {
  it('gives a newsletter its advice, the results that may be shown, a nearby result and the featured testimonial', () => {
    const p = createPersonalizer(content(), settings, today, { renderBody });
    const out = p.personalize(touch('tom-harris', { template: 'newsletter', newsletter: 'winter' }));
    if (!out.ok) throw new Error(out.reason);
    const { draft } = out;
    expect(draft.to).toEqual([{ name: 'Tom Harris', address: 'tom@mail.example' }]);
    expect(draft.subject).toBe('Tom, cut your bill');
    // Without the secret nothing can be signed: the mailto alone, even with a one-click endpoint set.
    expect(draft.unsubscribe).toEqual({ mailto: 'mailto:unsubscribe@hh.example?subject=Unsubscribe%20tom-harris' });
    expect(draft.fields.unsubscribeUrl).toBe('mailto:unsubscribe@hh.example?subject=Unsubscribe%20tom-harris');
    const f = draft.fields;
    expect(f.preheader).toBe('Small changes');
    expect(f.greeting).toBe('Hi Tom,');
    expect(f.footerReason).toBe('You receive this because you know Maya Brennan and agreed to hear from Harbour & Hill.');
    expect(f.postalAddress).toBe('12 Wapping Road, Bristol, BS1 4RW, United Kingdom');
    const text = (name: string) => (f[name] as { text: string }).text;
    expect(text('body')).toBe('Bleed the radiators\n\nFive minutes.\n\n');
    // The Ruiz sale names a client who gave no consent: only unnamed results are shown to others,
    // and the one near Tom is not listed again under the recent ones.
    expect(text('nearbyResult')).toBe('Near you in Clifton: clifton-flat. Summary of clifton-flat.\n\n');
    expect(text('results')).toBe('Recent results\n\nbath-house\nFebruary 2026 · Bath\nSummary of bath-house.\n\n');
    expect(text('testimonial')).toBe('In their words\n\n“Quote by newest-email”\n— newest-email\n\nReceived a £20 voucher.\n\n');

    // A reader in no result's area is shown the latest results, all of them.
    const c = content();
    c.contacts.push(contact('lea-roy', { name: 'Lea Roy', emails: ['lea@mail.example'], area: 'Totnes' }));
    const elsewhere = createPersonalizer(c, settings, today, { renderBody }).personalize(
      touch('lea-roy', { template: 'newsletter', newsletter: 'winter' }),
    );
    if (!elsewhere.ok) throw new Error(elsewhere.reason);
    const shown = (name: string) => (elsewhere.draft.fields[name] as { text: string }).text;
    expect(shown('nearbyResult')).toBe('');
    expect(shown('results')).toBe(
      'Recent results\n\nclifton-flat\nMarch 2026 · Clifton\nSummary of clifton-flat.\n\nbath-house\nFebruary 2026 · Bath\nSummary of bath-house.\n\n',
    );
  });

  it('sends a household’s touch once, to each member who may be emailed, greeting them all', () => {
    const c = content();
    c.contacts.push(
      contact('luis-ruiz', { name: 'Luis Ruiz', emails: ['luis@mail.example'] }),
      contact('rosa-ruiz', {
        name: 'Rosa Ruiz',
        emails: ['rosa@mail.example'],
        bounced: [{ email: 'rosa@mail.example', date: '2026-10-01', reason: '550 5.1.1 no such user' }],
      }),
    );
    const p = createPersonalizer(c, settings, today, { renderBody });
    const household = [touch('luis-ruiz', { template: 'note' }), touch('rosa-ruiz', { template: 'note' })];
    const out = p.personalize(touch('ana-ruiz', { template: 'note', subject: 'A note for you, {{firstName}}', household }));
    if (!out.ok) throw new Error(out.reason);
    // Rosa's only address bounced: she is left off, and the others still get it.
    expect(out.draft.to).toEqual([
      { name: 'Ana Ruiz', address: 'ana@mail.example' },
      { name: 'Luis Ruiz', address: 'luis@mail.example' },
    ]);
    expect(out.draft.fields.greeting).toBe('Hi Ana and Luis,');
    expect(out.draft.subject).toBe('A note for you, Ana and Luis');
    // One email, one unsubscribe link, which stands for everyone it reached (not Rosa).
    expect(out.draft.unsubscribe).toEqual({ mailto: 'mailto:unsubscribe@hh.example?subject=Unsubscribe%20ana-ruiz%20luis-ruiz' });
  });

  it('greets the household and recaps the contact’s own result', () => {
    const p = createPersonalizer(content(), settings, today, { renderBody });
    const out = p.personalize(touch('ana-ruiz', { template: 'above-and-beyond', subject: 'For {{household}}' }));
    if (!out.ok) throw new Error(out.reason);
    expect(out.draft.subject).toBe('For Ana and Luis');
    expect((out.draft.fields.recap as { text: string }).text).toBe('ana-sale\nSummary of ana-sale.\n\n');
  });

  it('gives the reply button the subject intake matches a reply by', () => {
    const out = createPersonalizer(content(), settings, today, { renderBody }).personalize(
      touch('ana-ruiz', { template: 'testimonial-request', subject: 'A small favour, {{firstName}}?' }),
    );
    if (!out.ok) throw new Error(out.reason);
    expect(out.draft.fields.replyMailto).toBe('mailto:hello@hh.example?subject=Re%3A%20A%20small%20favour%2C%20Ana%3F');
  });

  it('offers the Google review page from settings beside the reply button, and nothing without one', () => {
    const ask = touch('ana-ruiz', { template: 'testimonial-request', subject: 'A small favour, {{firstName}}?' });
    const url = 'https://g.page/r/harbour-hill/review';
    const withReview = { ...settings, business: { ...settings.business, googleReviewUrl: url } };
    const offered = createPersonalizer(content(), withReview, today, { renderBody }).personalize(ask);
    const without = createPersonalizer(content(), settings, today, { renderBody }).personalize(ask);
    if (!offered.ok || !without.ok) throw new Error('not personalised');
    expect((offered.draft.fields.reviewLink as { text: string }).text).toBe(
      `If you would rather, you can also leave a review on Google: ${url}\n\n`,
    );
    expect((offered.draft.fields.reviewLink as { html: string }).html).toContain(`<a href="${url}"`);
    expect(without.draft.fields.reviewLink).toEqual({ html: '', text: '' });
  });

  // The words are the planner's (`mayEmailOn`): one catalogue entry per case.
  it.each([
    [{ unsubscribed: { date: '2026-09-01', evidence: 'One-click' } }, { code: 'Unsubscribed', reason: 'unsubscribed on 2026-09-01' }],
    [{ consent: {} }, { code: 'NoEmailConsent', reason: 'has no email consent on record' }],
    [
      { consent: { email: { ...consent.email, withdrawn: '2026-11-03' } } },
      { code: 'ConsentWithdrawn', reason: 'withdrew email consent on 2026-11-03' },
    ],
    [
      { consent: { email: { ...consent.email, expires: '2026-11-02' } } },
      { code: 'ConsentExpired', reason: 'email consent expired on 2026-11-02' },
    ],
    [
      { bounced: [{ email: 'ana@mail.example', date: '2026-01-01', reason: '550 no such user' }] },
      { code: 'EveryAddressBounced', reason: 'every email address bounced (the last, ana@mail.example, on 2026-01-01: 550 no such user)' },
    ],
  ])("holds back an email with the consent rule's code and words: %j", (data, why) => {
    const c = content();
    c.contacts[0] = contact('ana-ruiz', data as Partial<ContactInput>);
    expect(
      createPersonalizer(c, settings, today, { renderBody }).personalize(touch('ana-ruiz', { template: 'note', subject: 'Hi' })),
    ).toEqual({
      ok: false,
      ...why,
    });
  });

  it('holds back a draft newsletter and a subject naming an unknown field', () => {
    const c = content();
    c.newsletters[0].data.draft = true;
    const p = createPersonalizer(c, settings, today, { renderBody });
    expect(p.personalize(touch('ana-ruiz', { template: 'newsletter', newsletter: 'winter' }))).toEqual({
      ok: false,
      code: 'NewsletterDraft',
      reason: 'newsletter "winter" is a draft',
    });
    expect(p.personalize(touch('ana-ruiz', { template: 'note', subject: 'Hi {{nickname}}' }))).toEqual({
      ok: false,
      code: 'SubjectUnfilled',
      reason: 'the subject "Hi {{nickname}}" names a field no email fills',
    });
  });
});

describe('featuredTestimonial', () => {
  it('picks the newest featured testimonial published with consent for email', () => {
    expect(featuredTestimonial(content().testimonials, today)?.author.name).toBe('newest-email');
  });
});

describe('cleanHeader', () => {
  it('removes CR, LF and other control characters', () => {
    expect(cleanHeader('Ana\r\nBcc: x@y.z\t ')).toBe('Ana Bcc: x@y.z');
  });
});
