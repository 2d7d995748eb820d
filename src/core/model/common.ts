import { z } from 'zod';

/** A file-name id: lower case letters, digits and single hyphens (`ana-ruiz`). */
export const IdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'should be lower-case letters, digits and hyphens, like "ana-ruiz"',
});

/** Trimmed text that is not empty. */
export const TextSchema = z.string().trim().min(1, { error: 'should not be empty' });

/** An email address, trimmed and lower-cased where it enters. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: (issue) => `"${String(issue.input)}" is not an email address` }));

/** An https (or http) address. */
export const UrlSchema = z.url({ protocol: /^https?$/, error: 'should be a web address starting with https://' });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar day written as YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return m !== null && isIsoDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The ISO calendar's rule, the one `Temporal.PlainDate.from(..., { overflow: 'reject' })` applies
 * to four-digit years: months 1-12, February 29 in leap years. Worked out by hand because a
 * thrown RangeError per bad day, and a PlainDate per good one, cost more than the whole check
 * for ten thousand contact files.
 */
function isIsoDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2) return day <= (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28);
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

// Astro's YAML reader turns an unquoted 2026-11-03 into a Date; ours keeps the text.
// Both arrive here and leave as the same YYYY-MM-DD string.
function dateToText(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

/** A calendar day, `YYYY-MM-DD`, that exists (2025-02-30 does not). Output stays a string. */
export const DateSchema = z.preprocess(
  dateToText,
  z.string({ error: 'should be a date written as YYYY-MM-DD' }).refine(isCalendarDate, {
    error: (issue) => `"${String(issue.input)}" is not a real date (write YYYY-MM-DD)`,
    params: { code: 'InvalidDate' },
  }),
);

/** A moment, ISO 8601 with offset (`2026-11-25T09:00:00Z`). */
export const InstantSchema = z.iso.datetime({ offset: true, error: 'should be a moment like 2026-11-25T09:00:00Z' });

const MONTH_DAY = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/;

/** True when `text` is `MM-DD` or `YYYY-MM-DD` naming a real day (02-29 is fine without a year). */
export function isMonthDay(text: string): boolean {
  const m = MONTH_DAY.exec(text);
  return m !== null && isIsoDay(m[1] ? Number(m[1]) : 2000, Number(m[2]), Number(m[3]));
}

/** A birthday: `MM-DD` when the year is not known, or a full `YYYY-MM-DD`. */
export const BirthdaySchema = z.preprocess(
  dateToText,
  z.string({ error: 'should be MM-DD or YYYY-MM-DD' }).refine(isMonthDay, {
    error: (issue) => `"${String(issue.input)}" is not a real day (write MM-DD, or YYYY-MM-DD with the year)`,
    params: { code: 'InvalidDate' },
  }),
);

/** A time of day, `HH:MM`, 24-hour clock. */
export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'should be a time like 09:00' });

export const SEGMENTS = ['past-client', 'sphere', 'partner', 'prospect'] as const;
export const SegmentSchema = z.enum(SEGMENTS);
export type Segment = z.output<typeof SegmentSchema>;

export const TIERS = ['top', 'standard'] as const;
export const TierSchema = z.enum(TIERS);
export type Tier = z.output<typeof TierSchema>;

export const TagSchema = z.string().trim().toLowerCase().min(1);

/** Who a plan step or a newsletter is for. Empty lists mean "everyone". */
export const AudienceSchema = z.strictObject({
  segments: z.array(SegmentSchema).optional(),
  tiers: z.array(TierSchema).optional(),
  /** Any of these tags. */
  tags: z.array(TagSchema).optional(),
  /** Contacts matching any of these are left out. */
  exclude: z
    .strictObject({
      segments: z.array(SegmentSchema).optional(),
      tiers: z.array(TierSchema).optional(),
      tags: z.array(TagSchema).optional(),
      contacts: z.array(IdSchema).optional(),
    })
    .optional(),
});
export type Audience = z.output<typeof AudienceSchema>;

/** Where content may be shown. */
const PUBLISH_SCOPES = ['website', 'email', 'social'] as const;
const PublishScopeSchema = z.enum(PUBLISH_SCOPES);

/** Evidence that someone agreed to have their words or name published. */
export const PublishConsentSchema = z.strictObject({
  scope: z.array(PublishScopeSchema).min(1, { error: 'should name at least one of website, email, social' }),
  date: DateSchema,
  evidence: TextSchema,
});
export type PublishConsent = z.output<typeof PublishConsentSchema>;
