import { describe, expect, it } from 'vitest';
import { BirthdaySchema, DateSchema, EmailSchema } from './common.ts';
import { ContactSchema } from './contact.ts';
import { PersonSchema } from './business.ts';
import { plainFileName } from './photo-path.ts';
import { SettingsSchema } from './settings.ts';
import { TestimonialSchema } from './testimonial.ts';

describe('dates', () => {
  it('keeps YAML text dates and turns the Date objects Astro makes into the same text', () => {
    expect(DateSchema.parse('2026-11-03')).toBe('2026-11-03');
    expect(DateSchema.parse(new Date('2026-11-03T00:00:00Z'))).toBe('2026-11-03');
  });

  it('rejects days that do not exist and forms that are not dates', () => {
    for (const bad of ['2025-02-30', '2026-13-01', '2026-1-3', '03/11/2026', 20261103]) {
      expect(DateSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(DateSchema.safeParse('2024-02-29').success).toBe(true);
  });

  it('takes birthdays with or without a year, 29 February included', () => {
    expect(['02-29', '1984-07-14', '12-31'].map((b) => BirthdaySchema.safeParse(b).success)).toEqual([true, true, true]);
    expect(['02-30', '2023-02-29', '13-01', '7-14'].map((b) => BirthdaySchema.safeParse(b).success)).toEqual([false, false, false, false]);
  });
});

describe('contacts', () => {
  it('normalises addresses where they enter and fills the defaults', () => {
    expect(EmailSchema.parse('  Ana.Ruiz@Example.COM ')).toBe('ana.ruiz@example.com');
    const contact = ContactSchema.parse({ name: 'Ana Ruiz', segment: 'sphere', emails: ['ANA@example.com'], tags: ['Golf'] });
    expect(contact).toEqual({
      name: 'Ana Ruiz',
      segment: 'sphere',
      emails: ['ana@example.com'],
      tier: 'standard',
      tags: ['golf'],
      communities: [],
      dates: {},
      household: [],
      consent: {},
      bounced: [],
      gifts: { likes: [], dislikes: [] },
    });
  });
});

describe('settings', () => {
  it('checks the time zone and fills limits', () => {
    const base = {
      business: { name: 'B', email: 'b@example.com', address: { street: 's', locality: 'l', postalCode: 'p', country: 'c' } },
      sender: { name: 'S', email: 's@example.com' },
      site: { url: 'https://b.example' },
      unsubscribe: { mailto: 'u@example.com' },
    };
    expect(SettingsSchema.safeParse({ ...base, timeZone: 'Mars/Olympus' }).error?.issues[0].message).toBe(
      '"Mars/Olympus" is not a time zone (use a name like Europe/London)',
    );
    const settings = SettingsSchema.parse({ ...base, timeZone: 'America/Los_Angeles' });
    expect(settings.limits).toEqual({ perDay: 2000, perSecond: 10, perContactPerWeek: 2, daysBetweenAsks: 120 });
    expect(settings.graceDays).toBe(5);
  });

  it('takes the site pages’ business facts, and names what is wrong with them', () => {
    const base = {
      business: { name: 'B', email: 'b@example.com', address: { street: 's', locality: 'l', postalCode: 'p', country: 'c' } },
      sender: { name: 'S', email: 's@example.com' },
      site: { url: 'https://b.example' },
      unsubscribe: { mailto: 'u@example.com' },
      timeZone: 'Europe/London',
    };
    const parsed = SettingsSchema.parse(base);
    expect([parsed.business.people, parsed.business.memberships, parsed.site.cta]).toEqual([[], [], undefined]);
    const issues = (business: Record<string, unknown>, site: Record<string, unknown> = {}) =>
      SettingsSchema.safeParse({ ...base, business: { ...base.business, ...business }, site: { ...base.site, ...site } }).error?.issues.map(
        (i) => `${i.path.join('.')}: ${i.message}`,
      );
    expect(
      issues(
        {
          people: [{ name: 'H', role: 'R', photo: 'https://elsewhere.example/h.jpg' }],
          openingHours: [{ days: ['Moonday'], opens: '17:00', closes: '09:00' }],
          memberships: [{ name: 'TPO', kind: 'ombudsman' }],
        },
        { cta: { label: 'Book a valuation', phone: '01632 960100', email: 'b@example.com' } },
      ),
    ).toEqual([
      "business.people.0.photo: should be the path of a .jpg, .png, .webp or .avif file in images/, like images/hannah.jpg, or in the site's images, like /images/hannah.jpg",
      'business.openingHours.0.days.0: should be a day of the week: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
      'business.memberships.0.kind: should be one of redress, client-money, trade-body, regulator',
      'site.cta: should give exactly one of url, phone or email',
    ]);
    expect(issues({ openingHours: [{ days: ['Monday'], opens: '17:00', closes: '09:00' }] })).toEqual([
      'business.openingHours.0.closes: should close after it opens',
    ]);
  });
});

// Issue 19: a phone's or a computer's name for a photo, written into a path as it came.
describe('photo paths', () => {
  const problems = (schema: typeof PersonSchema.shape.photo, photo: string) =>
    schema.safeParse(photo).error?.issues.map((i) => `${(i as { params?: { code: string } }).params?.code}: ${i.message}`);
  const person = PersonSchema.shape.photo;
  const testimonial = TestimonialSchema.options[0].shape.photo;

  it('names a file whose name alone keeps the path out, and a name that would do', () => {
    expect(problems(person, 'images/Hannah portrait (1).jpg')).toEqual([
      'PhotoNameCharacters: the file name "Hannah portrait (1).jpg" has spaces, which a photo\'s path cannot hold (rename the file hannah-portrait-1.jpg)',
    ]);
    expect(problems(person, '/images/IMG 2034.JPG')).toEqual([
      'PhotoNameCharacters: the file name "IMG 2034.JPG" has spaces, which a photo\'s path cannot hold (rename the file img-2034.jpg)',
    ]);
    expect(problems(testimonial, 'photos/Zoë (2).webp')).toEqual([
      'PhotoNameCharacters: the file name "Zoë (2).webp" has spaces, which a photo\'s path cannot hold (rename the file zoe-2.webp)',
    ]);
    // Brackets alone: the testimonial's path takes letters, digits, _ . / ~ and - only.
    expect(problems(testimonial, 'photos/Ana(1).jpg')).toEqual([
      'PhotoNameCharacters: the file name "Ana(1).jpg" has characters that a photo\'s path cannot hold (rename the file ana-1.jpg)',
    ]);
  });

  it('gives the form expected when a plain name would not do either', () => {
    const form = (schema: typeof person) => schema.safeParse('x').error!.issues[0].message;
    for (const [schema, photo] of [
      [person, 'images/my photos/hannah.jpg'], // the folder, not the file
      [person, 'images/Hannah portrait.heic'], // a kind of file the site cannot resize
      [person, 'photos/Hannah portrait.jpg'], // not in images/
      [testimonial, 'https://elsewhere.example/a b.jpg'],
      [testimonial, 'photos/().jpg'], // nothing of the name is left
    ] as const) {
      expect(problems(schema, photo), photo).toEqual([`InvalidFormat: ${form(schema)}`]);
    }
    expect(form(person)).toMatch(/^should be the path of a \.jpg/);
    expect(form(testimonial)).toMatch(/^should be a JPEG, PNG, WebP or AVIF file beside the testimonial/);
  });

  it('takes a plain name as it is, trimmed', () => {
    expect(person.parse(' images/hannah-portrait-1.jpg ')).toBe('images/hannah-portrait-1.jpg');
    expect(testimonial.parse('/images/team/img_2034.JPG')).toBe('/images/team/img_2034.JPG');
    // The editor's slug keeps a tilde, as in the short names Windows gives long ones.
    expect(testimonial.parse('photos/IMG_20~1.jpg')).toBe('photos/IMG_20~1.jpg');
  });

  it('makes a name plain as the editor names an upload', () => {
    expect(
      ['Hannah portrait (1).jpg', 'IMG 2034.JPG', ' Zoë--Brontë .PNG', 'no-extension here', '.hidden', '(1)'].map(plainFileName),
    ).toEqual(['hannah-portrait-1.jpg', 'img-2034.jpg', 'zoe-bronte.png', 'no-extension-here', 'hidden', '1']);
    expect(plainFileName('().jpg')).toBe('');
  });
});
