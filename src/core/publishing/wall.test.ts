import { describe, expect, it } from 'vitest';
import { authorInitials, ratingSummary, shownPhoto, topicsOf, wallTopics } from './wall.ts';
import { findPhotoLeaks, photoLeakTargets } from './photo-leaks.ts';
import { endorsementLabel } from './publish.ts';
import { ContactSchema, SettingsSchema, TestimonialSchema, type Testimonial } from '../model/index.ts';

const TODAY = Temporal.PlainDate.from('2026-11-10');

function testimonial(fields: Record<string, unknown> = {}): Testimonial {
  return TestimonialSchema.parse({
    kind: 'consumer',
    author: { name: 'Ana R.' },
    quote: 'They sold our flat in nine days.',
    date: '2026-01-04',
    source: { name: 'Email' },
    consent: { scope: ['website'], date: '2026-01-05', evidence: 'Email reply' },
    ...fields,
  });
}

const rated = (...ratings: (number | undefined)[]) => ratings.map((rating) => testimonial({ rating }));

describe('ratingSummary', () => {
  it('is undefined when no testimonial carries a rating', () => {
    expect(ratingSummary(rated(undefined, undefined))).toBeUndefined();
  });

  it('says all gave the top mark, counting only the testimonials with a rating', () => {
    expect(ratingSummary(rated(5, 5, undefined, 5))).toEqual({
      rated: 3,
      top: 3,
      average: 5,
      scale: 5,
      sentence: 'All 3 who rated us gave five out of five.',
    });
    expect(ratingSummary(rated(5))?.sentence).toBe('The one review with a rating gives us five out of five.');
  });

  it('counts the top marks and tells the rest when none is below four', () => {
    expect(ratingSummary([...rated(...Array(18).fill(5)), ...rated(4)])).toEqual({
      rated: 19,
      top: 18,
      average: 4.9,
      scale: 5,
      sentence: '18 of 19 rated us five out of five; the other gave four.',
    });
    expect(ratingSummary(rated(5, 4, 5, 4))?.sentence).toBe('2 of 4 rated us five out of five; the other 2 gave four.');
  });

  it('gives the average with its count when any rating is lower, never a flattering count', () => {
    expect(ratingSummary([...rated(...Array(17).fill(5)), ...rated(4, 1)])).toEqual({
      rated: 19,
      top: 17,
      average: 4.7,
      scale: 5,
      sentence: 'Average 4.7 out of 5 from 19 rated reviews.',
    });
    expect(ratingSummary(rated(3))?.sentence).toBe('Average 3.0 out of 5 from 1 rated review.');
  });

  it('writes numbers as the locale does', () => {
    const many = [...rated(...Array(1200).fill(5)), ...rated(2)];
    expect(ratingSummary(many, 'en-GB')?.sentence).toBe('Average 5.0 out of 5 from 1,201 rated reviews.');
    expect(ratingSummary(rated(5, 4, 3), 'de-DE')?.sentence).toBe('Average 4,0 out of 5 from 3 rated reviews.');
  });
});

describe('topics', () => {
  const settings = SettingsSchema.parse({
    business: {
      name: 'Harbour & Hill',
      email: 'hello@harbourhill.example',
      address: { street: '4 Quay Street', locality: 'Bristol', postalCode: 'BS1 4DJ', country: 'United Kingdom' },
    },
    sender: { name: 'Maya', email: 'maya@harbourhill.example' },
    timeZone: 'Europe/London',
    site: {
      url: 'https://harbourhill.example',
      topics: [
        { id: 'moving-home', label: 'Moving home', tags: ['relocating', 'Relocation'] },
        { id: 'landlords', label: 'Landlords', tags: ['landlord'] },
        { id: 'selling', label: 'Selling', tags: ['seller'] },
      ],
    },
    unsubscribe: { mailto: 'unsubscribe@harbourhill.example' },
  });
  const { topics } = settings.site;
  const entries = [
    { id: 'a', data: testimonial({ tags: ['relocating', 'seller'] }) },
    { id: 'b', data: testimonial({ tags: ['relocation'] }) },
    { id: 'c', data: testimonial({ tags: ['cliffe'] }) },
  ];

  it('gathers near-duplicate tags under one label, in the settings order, leaving out empty topics', () => {
    expect(wallTopics(entries, topics).map((t) => [t.topic.label, t.entries.map((e) => e.id)])).toEqual([
      ['Moving home', ['a', 'b']],
      ['Selling', ['a']],
    ]);
  });

  it("names a testimonial's topics, never its raw tags", () => {
    expect(topicsOf(entries[0].data, topics).map((t) => t.label)).toEqual(['Moving home', 'Selling']);
    expect(topicsOf(entries[2].data, topics)).toEqual([]);
  });

  it('refuses two topics with one id', () => {
    const result = SettingsSchema.shape.site.safeParse({
      url: 'https://harbourhill.example',
      topics: [
        { id: 'selling', label: 'Selling', tags: ['seller'] },
        { id: 'selling', label: 'Sellers', tags: ['vendor'] },
      ],
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['topics.1.id', '"selling" names another topic already: each needs its own id'],
    ]);
  });
});

describe('endorsementLabel', () => {
  it('spells the kinds as the locale does', () => {
    expect(endorsementLabel('organization', 'en-GB')).toBe('Organisation');
    expect(endorsementLabel('organization', 'en-US')).toBe('Organization');
    expect(endorsementLabel('expert', 'en-GB')).toBe('Expert');
  });
});

describe('photos', () => {
  it('shows a photo only for an author who is a contact', () => {
    expect(shownPhoto(testimonial({ photo: 'photos/ana.jpg', author: { name: 'Ana R.', contact: 'ana-ruiz' } }))).toBe('photos/ana.jpg');
    expect(shownPhoto(testimonial({ photo: 'photos/ana.jpg' }))).toBeUndefined();
  });

  it('refuses a photo path that leaves the content folder or is not an image', () => {
    for (const photo of ['../secrets/ana.jpg', '/etc/ana.jpg', 'photos/../../ana.jpg', 'photos/ana.pdf']) {
      expect(TestimonialSchema.safeParse({ ...testimonial(), photo }).success, photo).toBe(false);
    }
  });

  it('makes initials for an avatar', () => {
    expect(['Ana R.', 'Oliver and Hana G.', 'The Okafor family', 'Martin Greaves', 'élodie'].map(authorInitials)).toEqual([
      'AR',
      'OG',
      'O',
      'MG',
      '',
    ]);
  });

  it('finds every built copy of the photo of a contact who has not agreed to be published', () => {
    const contact = (id: string, publish?: Record<string, unknown>) => ({
      id,
      data: ContactSchema.parse({ name: id, segment: 'past-client', consent: publish ? { publish } : {} }),
    });
    const contacts = [
      contact('ana-ruiz', { basis: 'consent', source: 'Form', date: '2026-01-01' }),
      contact('tom-harris'),
      contact('lena-fox', { basis: 'consent', source: 'Form', date: '2025-01-01', withdrawn: '2026-02-01' }),
    ];
    const by = (id: string, contactId: string | undefined, photo: string) => ({
      id,
      data: testimonial({ photo, author: { name: 'X Y.', ...(contactId ? { contact: contactId } : {}) } }),
    });
    const targets = photoLeakTargets(
      {
        contacts,
        testimonials: [
          by('ana', 'ana-ruiz', 'photos/ana-r.jpg'),
          by('tom', 'tom-harris', 'photos/tom-h.png'),
          by('lena', 'lena-fox', 'lena.jpg'),
          by('katie', undefined, 'photos/katie-d.jpg'),
        ],
      },
      TODAY,
    );
    expect(targets).toEqual([
      { contact: 'tom-harris', testimonial: 'tom', photo: 'photos/tom-h.png' },
      { contact: 'lena-fox', testimonial: 'lena', photo: 'lena.jpg' },
      { contact: '(none)', testimonial: 'katie', photo: 'photos/katie-d.jpg' },
    ]);
    const dist = [
      'dist/_astro/ana-r.Bx3f9a_Z1kq.webp',
      'dist/_astro/tom-h.Bx3f9a.png',
      'dist/_astro/tom-h.Bx3f9a_1aBc.webp',
      'dist/_astro/lena.jpg',
      'dist/_astro/tom-harris.Cd.webp',
      'dist/testimonials/tom/index.html',
    ];
    expect(findPhotoLeaks(dist, targets)).toEqual([
      'dist/_astro/lena.jpg photo of contact lena-fox (testimonial lena), who has not agreed to be published',
      'dist/_astro/tom-h.Bx3f9a.png photo of contact tom-harris (testimonial tom), who has not agreed to be published',
      'dist/_astro/tom-h.Bx3f9a_1aBc.webp photo of contact tom-harris (testimonial tom), who has not agreed to be published',
    ]);
  });

  it("finds a photo from the site's images where the build copies public/ as it is, and its resized copies (issue 19)", () => {
    const tom = { id: 'tom-harris', data: ContactSchema.parse({ name: 'Tom Harris', segment: 'past-client' }) };
    const picked = { id: 'tom', data: testimonial({ photo: '/images/tom-garden.jpg', author: { name: 'Tom H.', contact: 'tom-harris' } }) };
    const targets = photoLeakTargets({ contacts: [tom], testimonials: [picked] }, TODAY);
    expect(targets).toEqual([{ contact: 'tom-harris', testimonial: 'tom', photo: '/images/tom-garden.jpg' }]);
    expect(
      findPhotoLeaks(['dist/images/tom-garden.jpg', 'dist/_astro/tom-garden.Bx3f9a_1aBc.webp', 'dist/images/office.jpg'], targets),
    ).toEqual([
      'dist/_astro/tom-garden.Bx3f9a_1aBc.webp photo of contact tom-harris (testimonial tom), who has not agreed to be published',
      'dist/images/tom-garden.jpg photo of contact tom-harris (testimonial tom), who has not agreed to be published',
    ]);
  });
});
