import { describe, expect, it } from 'vitest';
import { linkByClient } from './client-links.ts';
import { ResultSchema, TestimonialSchema } from '../model/index.ts';

const CONSENT = { scope: ['website', 'email'], date: '2026-01-05', evidence: 'Email reply, 5 Jan 2026' };

const result = (id: string, client?: Record<string, unknown>) => ({
  id,
  data: ResultSchema.parse({ title: id, date: '2026-01-04', summary: 'Sold.', ...(client ? { client } : {}) }),
});
const testimonial = (id: string, contact: string | undefined, fields: Record<string, unknown> = {}) => ({
  id,
  data: TestimonialSchema.parse({
    kind: 'consumer',
    author: { name: 'Ana R.', ...(contact ? { contact } : {}) },
    quote: 'They sold our flat in nine days.',
    date: '2026-01-04',
    source: { name: 'Email' },
    consent: CONSENT,
    ...fields,
  }),
});

describe('linkByClient', () => {
  it('links each public testimonial to the named results of the same contact, both ways', () => {
    const links = linkByClient(
      [
        result('ruiz-first-home', { contact: 'ana-ruiz', display: 'Ana R.', consent: CONSENT }),
        result('ruiz-second-home', { contact: 'ana-ruiz', display: 'Ana R.', consent: CONSENT }),
        result('grant-chain', { contact: 'oliver-grant', display: 'Oliver G.', consent: CONSENT }),
        result('no-client'),
      ],
      [testimonial('ana-first-home', 'ana-ruiz'), testimonial('ana-again', 'ana-ruiz'), testimonial('katie', undefined)],
    );
    expect(links).toEqual({
      testimonialsOf: new Map([
        ['ruiz-first-home', ['ana-first-home', 'ana-again']],
        ['ruiz-second-home', ['ana-first-home', 'ana-again']],
      ]),
      resultsOf: new Map([
        ['ana-first-home', ['ruiz-first-home', 'ruiz-second-home']],
        ['ana-again', ['ruiz-first-home', 'ruiz-second-home']],
      ]),
    });
  });

  it('never links an anonymous result, a draft, or a testimonial not consented for the website', () => {
    const links = linkByClient(
      [
        result('whitlock-anonymous', { contact: 'james-whitlock', display: 'James W.' }),
        result('whitlock-email-only', { contact: 'james-whitlock', display: 'James W.', consent: { ...CONSENT, scope: ['email'] } }),
        result('ruiz', { contact: 'ana-ruiz', display: 'Ana R.', consent: CONSENT }),
      ],
      [
        testimonial('james', 'james-whitlock'),
        testimonial('ana-draft', 'ana-ruiz', { status: 'draft' }),
        testimonial('ana-email-only', 'ana-ruiz', { consent: { ...CONSENT, scope: ['email'] } }),
      ],
    );
    expect(links).toEqual({ testimonialsOf: new Map(), resultsOf: new Map() });
  });
});
