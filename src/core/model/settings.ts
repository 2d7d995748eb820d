import { z } from 'zod';
import { businessExtras, CallToActionSchema } from './business.ts';
import { DateSchema, EmailSchema, IdSchema, SEGMENTS, TagSchema, TextSchema, TimeOfDaySchema, UrlSchema } from './common.ts';

/** A time zone Temporal knows (an IANA name such as Europe/London, or an offset): the one that reads it. */
function isTimeZone(name: string): boolean {
  try {
    // Temporal checks a name in about a millisecond; Intl.DateTimeFormat took some 20 on every start.
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

const HexColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'should be a colour like #1f4e5f' });

/** The postal address every bulk email must carry (CAN-SPAM, PECR). */
const PostalAddressSchema = z.strictObject({
  street: TextSchema,
  locality: TextSchema,
  region: TextSchema.optional(),
  postalCode: TextSchema,
  country: TextSchema,
});

const segmentNumbers = z.strictObject(
  Object.fromEntries(SEGMENTS.map((s) => [s, z.int().positive()])) as Record<(typeof SEGMENTS)[number], z.ZodInt>,
);

/**
 * How the owner writes a day in numbers: `DMY` (03/04/1980 is 3 April, as in the UK and most of
 * the world) or `MDY` (4 March, as in the US). Imports read ambiguous dates in this order.
 */
export const DateOrderSchema = z.enum(['DMY', 'MDY'], { error: 'should be DMY (day first) or MDY (month first)' });
export type DateOrder = z.output<typeof DateOrderSchema>;

export const SettingsSchema = z.strictObject({
  business: z.strictObject({
    name: TextSchema,
    tagline: TextSchema.optional(),
    about: TextSchema.optional(),
    phone: TextSchema.optional(),
    email: EmailSchema,
    address: PostalAddressSchema,
    logo: TextSchema.optional(),
    /** The schema.org type search engines are told (RealEstateAgent, FinancialService, …); LocalBusiness when absent. */
    type: z
      .string()
      .regex(/^[A-Z][A-Za-z]+$/, { error: 'should be a schema.org type like RealEstateAgent or LocalBusiness' })
      .optional(),
    colours: z.strictObject({ primary: HexColourSchema, accent: HexColourSchema }).default({ primary: '#1f4e5f', accent: '#c8553d' }),
    ...businessExtras,
  }),
  sender: z.strictObject({
    name: TextSchema,
    email: EmailSchema,
    replyTo: EmailSchema.optional(),
  }),
  /** The order of day and month in exports whose dates do not say; see `DateOrderSchema`. */
  dateOrder: DateOrderSchema.optional(),
  timeZone: z.string().refine(isTimeZone, {
    error: (issue) => `"${String(issue.input)}" is not a time zone (use a name like Europe/London)`,
  }),
  sendWindow: z.strictObject({ start: TimeOfDaySchema, end: TimeOfDaySchema }).default({ start: '09:00', end: '17:00' }),
  limits: z
    .strictObject({
      /** Most emails sent in one day, across all contacts. */
      perDay: z.int().positive().default(2000),
      /** Most emails handed to the SMTP server each second. */
      perSecond: z.number().positive().default(10),
      /** Most automated emails one contact receives in seven days. */
      perContactPerWeek: z.int().positive().default(2),
      /** Fewest days between two introduction asks to the same contact. */
      daysBetweenAsks: z.int().positive().default(120),
    })
    .prefault({}),
  /** How the SMTP run gives up on a server that does not answer. */
  sending: z
    .strictObject({
      /** Seconds to wait for each step of a send (connecting, the greeting, each reply) before giving up on it. */
      timeoutSeconds: z.number().positive().max(600).default(30),
      /** Timeouts or lost connections in a row after which the run stops sending. */
      stopAfter: z.int().positive().default(3),
    })
    .prefault({}),
  /** Days after its due date that a missed touch is still sent; past it, it is reported as missed. */
  graceDays: z.int().min(0).max(30).default(5),
  /** Longest gap, in days, before a contact of each segment counts as overdue. */
  overdueAfterDays: segmentNumbers.default({ 'past-client': 120, sphere: 90, partner: 60, prospect: 30 }),
  /** Gift budget for a referral thank-you, by tier, in `currency`. */
  giftBudget: z.strictObject({ top: z.number().nonnegative(), standard: z.number().nonnegative() }).default({ top: 75, standard: 30 }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'should be a currency code like GBP' })
    .default('USD'),
  site: z.strictObject({
    url: UrlSchema,
    /** Where "introduce someone" messages from the site go; the business email when absent. */
    introduceEmail: EmailSchema.optional(),
    /** The site's main button, such as "Book a valuation"; "Get in touch" by email when absent. */
    cta: CallToActionSchema.optional(),
    /** The language and region the site is written for (`en-GB`): spelling, dates and numbers. */
    locale: z
      .string()
      .refine(isLocale, { error: (issue) => `"${String(issue.input)}" is not a language tag (use one like en-GB or en-US)` })
      .default('en-US'),
    /**
     * The topics the testimonial wall offers, in this order: each gathers the testimonials that
     * carry any of its tags, under a label people read. Tags no topic names are never shown.
     */
    topics: z
      .array(
        z.strictObject({
          /** The topic's address on the site: `moving-home` gives /testimonials/topic/moving-home/. */
          id: IdSchema,
          label: TextSchema,
          tags: z.array(TagSchema).min(1, { error: 'should list at least one tag' }),
        }),
      )
      .superRefine((topics, ctx) => {
        topics.forEach((topic, i) => {
          if (topics.findIndex((t) => t.id === topic.id) < i) {
            ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${topic.id}" names another topic already: each needs its own id` });
          }
        });
      })
      .default([]),
  }),
  unsubscribe: z.strictObject({
    /** Mailbox that receives unsubscribe requests (List-Unsubscribe mailto). */
    mailto: EmailSchema,
    /**
     * A deployed https endpoint that honours RFC 8058 one-click unsubscribes: emails then carry
     * `List-Unsubscribe-Post`. Leave it out until one answers there.
     */
    url: z.url({ protocol: /^https$/, error: 'should be an https:// address' }).optional(),
  }),
  /** How intake tells who really wrote a reply. */
  intake: z
    .strictObject({
      /**
       * The name your mailbox provider gives itself in the `Authentication-Results` header of the
       * mail it receives (`mx.google.com` for Gmail, the part before the first `;`). Its DKIM and
       * DMARC verdicts are believed; the same header from anyone else is ignored. Without it,
       * intake checks DKIM signatures itself.
       */
      trustedAuthServId: z
        .string()
        .trim()
        .regex(/^[^\s;()"]+$/, { error: 'should be one host name, like mx.google.com' })
        .optional(),
    })
    .optional(),
  /** GitHub user who is assigned the personal-touch issues. */
  assignee: TextSchema.optional(),
  /** The day `npm start` runs, so sample content shows a lively day whenever it is tried. */
  showcaseDay: DateSchema.optional(),
});
export type Settings = z.output<typeof SettingsSchema>;
