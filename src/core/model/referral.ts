import { z } from 'zod';
import { DateSchema, IdSchema, TextSchema } from './common.ts';

export const REFERRAL_STATUSES = ['introduced', 'met', 'client', 'not-a-fit'] as const;
const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.output<typeof ReferralStatusSchema>;

/** `content/referrals/<id>.yaml`: one introduction and how it went. */
export const ReferralSchema = z.strictObject({
  /** The contact who made the introduction. */
  referrer: IdSchema,
  /** The person introduced, as a contact. */
  referred: IdSchema,
  date: DateSchema,
  /** What they needed: "selling a two-bed flat in Clifton". */
  need: TextSchema.optional(),
  /** Each change of status, oldest first. */
  status: z
    .array(z.strictObject({ status: ReferralStatusSchema, date: DateSchema, note: TextSchema.optional() }))
    .min(1, { error: 'should list at least the first status (introduced)' }),
  thanks: z.strictObject({ date: DateSchema, channel: TextSchema, note: TextSchema.optional() }).optional(),
  gift: z.strictObject({ date: DateSchema, what: TextSchema, cost: z.number().nonnegative().optional() }).optional(),
  /** What the referrer was told, and when. */
  updates: z.array(z.strictObject({ date: DateSchema, note: TextSchema })).default([]),
  /**
   * An introduction taken in from the site's "Introduce someone" email, not yet completed: nothing
   * acts on it, and `check` lists it. Add the person as a contact, name them in `referred`, check
   * the need, then remove `draft`.
   */
  draft: z
    .strictObject({
      /** The email it came from. */
      evidence: TextSchema,
      /** The person introduced, as the referrer wrote it. */
      name: TextSchema.optional(),
      /** How to reach them, as the referrer wrote it. */
      reach: TextSchema.optional(),
    })
    .optional(),
});
export type Referral = z.output<typeof ReferralSchema>;
