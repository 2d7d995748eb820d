/**
 * What the public site says about the business beyond its name and address: its people and office
 * with their photos, its locale, where it is, when it is open, the schemes it belongs to, how it
 * keeps personal data, and the one thing it asks visitors to do (the call to action).
 */
import { z } from 'zod';
import { EmailSchema, TextSchema, TimeOfDaySchema, UrlSchema } from './common.ts';
import { photoPathSchema } from './photo-path.ts';

/**
 * A photo in the content folder, written as a path from `settings.yaml` (`images/hannah.jpg`), or
 * one of the site's images (`/images/hannah.jpg`, see `SITE_IMAGES`). The site resizes it into
 * lazy, responsive images of fixed size; the scripts never read it.
 */
const PhotoPathSchema = photoPathSchema(
  /^\/?images\/(?!.*\.\.)[^\s]+\.(?:jpe?g|png|webp|avif)$/i,
  "should be the path of a .jpg, .png, .webp or .avif file in images/, like images/hannah.jpg, or in the site's images, like /images/hannah.jpg",
);

export const PersonSchema = z.strictObject({
  name: TextSchema,
  role: TextSchema,
  bio: TextSchema.optional(),
  photo: PhotoPathSchema.optional(),
});

export const OfficeSchema = z.strictObject({
  photo: PhotoPathSchema,
  /** What the photo shows, for people who cannot see it: "Our office on Lewes High Street". */
  description: TextSchema,
});

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const OpeningHoursSchema = z
  .strictObject({
    days: z.array(z.enum(WEEKDAYS, { error: `should be a day of the week: ${WEEKDAYS.join(', ')}` })).min(1),
    opens: TimeOfDaySchema,
    closes: TimeOfDaySchema,
  })
  .refine((h) => h.opens < h.closes, { error: 'should close after it opens', path: ['closes'] });

/** What a membership is, which decides the words shown before it. */
const MEMBERSHIP_KINDS = ['redress', 'client-money', 'trade-body', 'regulator'] as const;

/**
 * A trade body, redress scheme or client money protection scheme the business belongs to. UK
 * estate agents must show their redress scheme and client money protection (CMP) scheme.
 */
const MembershipSchema = z.strictObject({
  name: TextSchema,
  kind: z.enum(MEMBERSHIP_KINDS, { error: `should be one of ${MEMBERSHIP_KINDS.join(', ')}` }),
  /** A membership or registration number. */
  number: TextSchema.optional(),
  url: UrlSchema.optional(),
});

/** How the business keeps personal data, for the site's privacy notice. */
const PrivacySchema = z.strictObject({
  /** For how long contact details and the record of touches are kept. */
  keepFor: TextSchema.default(
    'for as long as we stay in touch; when you ask us to stop, we keep only the note that you asked, so we never write to you again',
  ),
  /** Where privacy questions go; the business email when absent. */
  email: EmailSchema.optional(),
  /** A registration with the data protection authority, such as the ICO's "ZA000000". */
  registration: TextSchema.optional(),
  /** Where people may complain about how their data is used. */
  authority: z.strictObject({ name: TextSchema, url: UrlSchema }).optional(),
});

/** The business fields beyond name, contact and address. */
export const businessExtras = {
  people: z.array(PersonSchema).default([]),
  office: OfficeSchema.optional(),
  /** Where the office is, for maps and search engines. */
  geo: z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
  openingHours: z.array(OpeningHoursSchema).default([]),
  /** The business's own pages elsewhere (Google Business Profile, LinkedIn, a directory listing). */
  sameAs: z.array(UrlSchema).default([]),
  memberships: z.array(MembershipSchema).default([]),
  /** The business's "leave a review" page on Google, offered beside the site's own review email. */
  googleReviewUrl: z.url({ protocol: /^https$/, error: 'should be an https:// address' }).optional(),
  privacy: PrivacySchema.prefault({}),
};

/**
 * The one thing the site asks visitors to do, such as "Book a valuation": a button on the home,
 * about, testimonials, results and advice pages that opens a booking page, dials, or writes.
 */
export const CallToActionSchema = z
  .strictObject({
    label: TextSchema,
    url: UrlSchema.optional(),
    phone: TextSchema.optional(),
    email: EmailSchema.optional(),
    /** The subject of the email, when the button writes one. */
    subject: TextSchema.optional(),
  })
  .refine((cta) => [cta.url, cta.phone, cta.email].filter(Boolean).length === 1, {
    error: 'should give exactly one of url, phone or email',
  });

export type Person = z.output<typeof PersonSchema>;
export type Membership = z.output<typeof MembershipSchema>;
export type CallToAction = z.output<typeof CallToActionSchema>;
