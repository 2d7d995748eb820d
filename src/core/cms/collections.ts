/**
 * The content kinds the editor offers, each with the schema it writes, where its files live, and
 * the hints the schema cannot give: which ids name contacts, which text runs to several lines,
 * which fields start filled in. History is left out: only the jobs write it.
 */
import type { z } from 'zod';
import {
  ContactSchema,
  EventSchema,
  NewsletterSchema,
  PlanSchema,
  ReferralSchema,
  ResultSchema,
  SettingsSchema,
  TestimonialSchema,
} from '../model/index.ts';
import type { FieldHint } from './fields.ts';

export type CollectionSpec = {
  name: string;
  label: string;
  labelSingular: string;
  schema: z.ZodType;
  /** `content/<folder>/<id>.<extension>`; absent for the one settings file. */
  folder?: string;
  extension: 'yaml' | 'mdx';
  /** The field that names an entry in lists, and the slug template of a new file's name. */
  identifier: string;
  slug: string;
  /** `{{fields}}` shown for each entry in the list. */
  summary?: string;
  /**
   * The folder beside the entry's file where photos uploaded to its image fields go, and the path
   * written for one (`images` beside settings.yaml gives `images/hannah.jpg`). Given to the file,
   * as Sveltia CMS reads a field's own relative folder in a file collection from the repository's root.
   */
  media?: string;
  hints: Record<string, FieldHint>;
};

const contact: FieldHint = { kind: 'contact' };
const longText: FieldHint = { kind: 'long-text' };
const today: FieldHint = { kind: 'default', value: '{{now}}' };
const photo: FieldHint = { kind: 'image' };

const audienceHints = (path: string): Record<string, FieldHint> => ({ [`${path}.exclude.contacts`]: contact });

// A consent record is added with today's date and the first basis the schema allows ("consent").
const consentHints = Object.fromEntries(
  ['email', 'introductions', 'publish'].flatMap((kind) => [
    [`consent.${kind}.date`, today],
    [`consent.${kind}.basis`, { kind: 'default', value: 'consent' }],
  ]),
) as Record<string, FieldHint>;

export const COLLECTIONS: readonly CollectionSpec[] = [
  {
    name: 'contacts',
    label: 'Contacts',
    labelSingular: 'Contact',
    schema: ContactSchema,
    folder: 'content/contacts',
    extension: 'yaml',
    identifier: 'name',
    slug: '{{name}}',
    summary: '{{name}} · {{segment}}',
    hints: {
      'household[].contact': contact,
      referredBy: contact,
      notes: longText,
      offers: longText,
      goodReferral: longText,
      'communities[].note': longText,
      ...consentHints,
    },
  },
  {
    name: 'referrals',
    label: 'Referrals',
    labelSingular: 'Referral',
    schema: ReferralSchema,
    folder: 'content/referrals',
    extension: 'yaml',
    identifier: 'referrer',
    slug: '{{referrer}}-{{referred}}',
    summary: '{{referrer}} → {{referred}}, {{date}}',
    hints: {
      referrer: contact,
      referred: contact,
      date: today,
      'status[].date': today,
      'status[].note': longText,
      'updates[].note': longText,
    },
  },
  {
    name: 'testimonials',
    label: 'Testimonials',
    labelSingular: 'Testimonial',
    schema: TestimonialSchema,
    folder: 'content/testimonials',
    extension: 'mdx',
    identifier: 'quote',
    slug: '{{author.name}}',
    summary: '{{author.name}}: {{quote}}',
    hints: {
      'author.contact': contact,
      quote: longText,
      date: today,
      'consent.date': today,
      process: longText,
      // Beside the testimonial, as the schema asks: content/testimonials/photos/ana-r.jpg is photos/ana-r.jpg.
      photo: { kind: 'image', folder: 'photos' },
    },
  },
  {
    name: 'results',
    label: 'Results',
    labelSingular: 'Result',
    schema: ResultSchema,
    folder: 'content/results',
    extension: 'mdx',
    identifier: 'title',
    slug: '{{title}}',
    hints: { 'client.contact': contact, summary: longText, 'client.consent.date': today },
  },
  {
    name: 'newsletters',
    label: 'Newsletters',
    labelSingular: 'Newsletter',
    schema: NewsletterSchema,
    folder: 'content/newsletters',
    extension: 'mdx',
    identifier: 'subject',
    slug: '{{subject}}',
    summary: '{{sendDate}} · {{subject}}',
    hints: { ...audienceHints('audience'), summary: longText },
  },
  {
    name: 'events',
    label: 'Events',
    labelSingular: 'Event',
    schema: EventSchema,
    folder: 'content/events',
    extension: 'yaml',
    identifier: 'name',
    slug: '{{name}}',
    summary: '{{date}} · {{name}}',
    hints: {
      host: contact,
      came: contact,
      'invite.contacts': contact,
      'invite.exclude': contact,
      about: longText,
      notes: longText,
    },
  },
  {
    name: 'plans',
    label: 'Touch plans',
    labelSingular: 'Touch plan',
    schema: PlanSchema,
    folder: 'content/plans',
    extension: 'yaml',
    identifier: 'name',
    slug: '{{name}}',
    hints: {
      ...audienceHints('audience'),
      ...audienceHints('steps[].audience'),
      description: longText,
      'steps[].task': longText,
      'steps[].suggestion': longText,
      'steps[].variants[].suggestion': longText,
    },
  },
  {
    name: 'settings',
    label: 'Settings',
    labelSingular: 'Settings',
    schema: SettingsSchema,
    extension: 'yaml',
    identifier: 'business',
    slug: 'settings',
    // content/images/hannah.jpg is images/hannah.jpg, as the schema asks.
    media: 'images',
    hints: {
      'business.about': longText,
      'business.people[].bio': longText,
      'business.people[].photo': photo,
      'business.office.photo': photo,
    },
  },
];
