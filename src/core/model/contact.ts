import { z } from 'zod';
import { BirthdaySchema, DateSchema, EmailSchema, IdSchema, SegmentSchema, TagSchema, TextSchema, TierSchema } from './common.ts';

/** How a contact came to agree to something, and whether it still holds. */
const ConsentRecordSchema = z.strictObject({
  /** `consent`: they asked or agreed; `existing-client`: the soft opt-in for past clients. */
  basis: z.enum(['consent', 'existing-client', 'legitimate-interest']),
  /** How and where: "signed the open-house sheet at 14 Elm Road". */
  source: TextSchema,
  date: DateSchema,
  /** Words, a message id or a document that shows it. */
  evidence: TextSchema.optional(),
  /** After this day the consent no longer holds. */
  expires: DateSchema.optional(),
  /** The day it was withdrawn. */
  withdrawn: DateSchema.optional(),
});
export type ConsentRecord = z.output<typeof ConsentRecordSchema>;

/** A group the contact belongs to: the frame of reference for an introduction ask. */
const CommunitySchema = z.strictObject({
  name: TextSchema,
  /** "plays most Sundays with Tom Harris". */
  note: TextSchema.optional(),
});

const HouseholdMemberSchema = z.strictObject({
  name: TextSchema,
  relation: TextSchema,
  /** When the household member is a contact too. */
  contact: IdSchema.optional(),
  birthday: BirthdaySchema.optional(),
});

export const ContactSchema = z.strictObject({
  name: TextSchema,
  /** How to greet them; the first word of `name` when absent. */
  firstName: TextSchema.optional(),
  emails: z.array(EmailSchema).default([]),
  phone: TextSchema.optional(),
  segment: SegmentSchema,
  tier: TierSchema.default('standard'),
  tags: z.array(TagSchema).default([]),
  /** Where they live or work, for "a result near you". */
  area: TextSchema.optional(),
  communities: z.array(CommunitySchema).default([]),
  dates: z
    .strictObject({
      clientSince: DateSchema.optional(),
      closing: DateSchema.optional(),
      birthday: BirthdaySchema.optional(),
    })
    .default({}),
  household: z.array(HouseholdMemberSchema).default([]),
  consent: z
    .strictObject({
      /** To receive email from the business. */
      email: ConsentRecordSchema.optional(),
      /** To be introduced to other contacts. */
      introductions: ConsentRecordSchema.optional(),
      /** To have their name and words published (testimonials, results). */
      publish: ConsentRecordSchema.optional(),
    })
    .default({}),
  unsubscribed: z
    .strictObject({
      date: DateSchema,
      /** The request: a message id, a form, a phone call noted by the owner. */
      evidence: TextSchema,
    })
    .optional(),
  /** A spam complaint their mail provider reported (an ARF feedback report): no more email. */
  complained: z
    .strictObject({
      date: DateSchema,
      /** The report: its Message-ID, the provider, the feedback type. */
      evidence: TextSchema,
    })
    .optional(),
  /** Addresses that bounced permanently; never used again. */
  bounced: z
    .array(
      z.strictObject({
        email: EmailSchema,
        date: DateSchema,
        reason: TextSchema,
        /** Why, from the reason catalogue: `BadAddress`, or `MessageRefused` after refusals in a row. */
        code: z.enum(['BadAddress', 'MessageRefused']).optional(),
      }),
    )
    .default([]),
  gifts: z
    .strictObject({
      likes: z.array(TextSchema).default([]),
      dislikes: z.array(TextSchema).default([]),
    })
    .default({ likes: [], dislikes: [] }),
  /** What they do or sell, so the business can refer work back to them. */
  offers: TextSchema.optional(),
  /** What a good referral for them looks like. */
  goodReferral: TextSchema.optional(),
  /** The contact who introduced them. */
  referredBy: IdSchema.optional(),
  notes: TextSchema.optional(),
});
export type Contact = z.output<typeof ContactSchema>;
export type ContactInput = z.input<typeof ContactSchema>;

const CONTACT_KEYS: readonly string[] = Object.keys(ContactSchema.shape);

/** Where a key goes in a contact file: the schema's order, any other key last. */
export function contactKeyRank(key: string): number {
  const i = CONTACT_KEYS.indexOf(key);
  return i < 0 ? CONTACT_KEYS.length : i;
}
