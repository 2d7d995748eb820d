import { describe, expect, it } from 'vitest';
import { findLeaks, formatLeak, leakTargets } from './find-leaks.ts';
import { ContactSchema, ResultSchema, SettingsSchema } from '../model/index.ts';

const TODAY = Temporal.PlainDate.from('2026-11-10');

const contact = (id: string, fields: Record<string, unknown>) => ({
  id,
  data: ContactSchema.parse({ segment: 'past-client', ...fields }),
});

const CONTACTS = [
  contact('ana-ruiz', { name: 'Ana Ruiz', emails: ['ana@example.com', 'ana.ruiz@work.example'], phone: '07700 900123' }),
  contact('tom-harris', {
    name: 'Tom Harris',
    emails: ['tom@example.com'],
    phone: '+1 (415) 555-0100',
    consent: { publish: { basis: 'consent', source: 'Signed form', date: '2026-01-05' } },
  }),
  contact('maya-okafor', { name: 'Maya Okafor', emails: ['hello@harbourhill.example'], phone: '0117 496 0000' }),
  contact('cher', { name: 'Cher', emails: [] }),
];

const SETTINGS = SettingsSchema.parse({
  business: {
    name: 'Harbour & Hill',
    email: 'hello@harbourhill.example',
    phone: '+44 117 496 0000',
    address: { street: '4 Quay Street', locality: 'Bristol', postalCode: 'BS1 4DJ', country: 'United Kingdom' },
    people: [{ name: 'Maya Okafor', role: 'Founder' }],
  },
  sender: { name: 'Maya Okafor', email: 'maya@harbourhill.example' },
  timeZone: 'Europe/London',
  site: { url: 'https://harbourhill.example' },
  unsubscribe: { mailto: 'unsubscribe@harbourhill.example' },
});

describe('leakTargets', () => {
  it('lists every email and phone, and the names of contacts not consenting to be named', () => {
    expect(leakTargets({ contacts: CONTACTS, settings: SETTINGS }, TODAY)).toEqual([
      { contact: 'ana-ruiz', kind: 'email', value: 'ana@example.com' },
      { contact: 'ana-ruiz', kind: 'email', value: 'ana.ruiz@work.example' },
      { contact: 'ana-ruiz', kind: 'phone', value: '07700 900123' },
      { contact: 'ana-ruiz', kind: 'name', value: 'Ana Ruiz' },
      { contact: 'tom-harris', kind: 'email', value: 'tom@example.com' },
      { contact: 'tom-harris', kind: 'phone', value: '+1 (415) 555-0100' },
    ]);
  });

  it('lets a result whose client consented to the website name that client', () => {
    const result = ResultSchema.parse({
      title: 'Sold',
      date: '2026-01-01',
      summary: 'Sold.',
      client: { contact: 'ana-ruiz', display: 'Ana Ruiz', consent: { scope: ['website'], date: '2026-01-01', evidence: 'Email' } },
    });
    const kinds = leakTargets({ contacts: CONTACTS.slice(0, 1), results: [{ data: result }] }, TODAY).map((t) => t.kind);
    expect(kinds).toEqual(['email', 'email', 'phone']);
  });
});

describe('findLeaks', () => {
  const targets = leakTargets({ contacts: CONTACTS, settings: SETTINGS }, TODAY);
  const scan = (text: string) => findLeaks([{ path: 'dist/page/index.html', text }], targets).map(formatLeak);

  it("finds nothing in a clean page, nor the business's own public details", () => {
    expect(scan('<p>Call Harbour &amp; Hill on +44 117 496 0000, hello@harbourhill.example. Tom Harris says hi.</p>')).toEqual([]);
  });

  it('finds an email however it is encoded, naming the file, line and contact', () => {
    expect(scan('<html>\n<p>Write to ANA@example.com</p>')).toEqual(['dist/page/index.html:2 email of contact ana-ruiz (a…@example.com)']);
    expect(scan('<a href="mailto:ana&#64;example.com">x</a>')).toHaveLength(1);
    expect(scan('{"quote":"ana\\u0040example.com"}')).toHaveLength(1);
    expect(scan('<a href="mailto:ana.ruiz%40work.example">')).toHaveLength(1);
    expect(scan('<p>diana@example.com is someone else</p>')).toEqual([]);
  });

  it('finds a phone number written nationally or internationally', () => {
    expect(scan('<p>07700 900 123</p>')).toEqual(['dist/page/index.html:1 phone of contact ana-ruiz (…123)']);
    expect(scan('<a href="tel:+447700900123">')).toHaveLength(1);
    expect(scan('<p>(415) 555 0100</p>')).toEqual(['dist/page/index.html:1 phone of contact tom-harris (…100)']);
    expect(scan('<p>Sold for 777,009,001 23 days ago on 2026-11-03</p>')).toEqual([]);
  });

  it('finds an unconsented name as words, across tags or in a slug, but not inside other words', () => {
    expect(scan('<p>Thanks to ana   ruiz</p>')).toEqual(['dist/page/index.html:1 name of contact ana-ruiz']);
    expect(scan('<p><em>Ana</em> Ruiz</p>')).toHaveLength(1);
    expect(scan('<a href="/testimonials/ana-ruiz/">')).toHaveLength(1);
    expect(scan('<p>Ana Ruizton; Susana Ruiz; Ana R.</p>')).toEqual([]);
  });

  it('reports each leak once per file, in file and line order', () => {
    const leaks = findLeaks(
      [
        { path: 'dist/b.html', text: 'ana@example.com ana@example.com' },
        { path: 'dist/a.html', text: '\n\nTom tom@example.com\nAna Ruiz' },
      ],
      targets,
    ).map(formatLeak);
    expect(leaks).toEqual([
      'dist/a.html:3 email of contact tom-harris (t…@example.com)',
      'dist/a.html:4 name of contact ana-ruiz',
      'dist/b.html:1 email of contact ana-ruiz (a…@example.com)',
    ]);
  });
});
