import { z } from 'zod';
import { DateSchema, IdSchema, SegmentSchema, TagSchema, TextSchema, TierSchema, TimeOfDaySchema } from './common.ts';
import { ChannelSchema } from './plan.ts';

/**
 * Who an event is for: the contacts named in `contacts`, and anyone in one of the tiers, segments,
 * tags or communities listed (one match is enough). `exclude` names contacts left out all the same.
 */
const InviteSchema = z
  .strictObject({
    tiers: z.array(TierSchema).optional(),
    segments: z.array(SegmentSchema).optional(),
    tags: z.array(TagSchema).optional(),
    /** Community names as written in contacts' `communities` ("Mount Caburn Golf Club"). */
    communities: z.array(TextSchema).optional(),
    contacts: z.array(IdSchema).optional(),
    exclude: z.array(IdSchema).optional(),
    /** The day the invitations go out; three weeks before the event when absent. */
    send: DateSchema.optional(),
    /** How to invite: a personal task (call, text, card or an event invitation by hand), or an email. */
    channel: ChannelSchema.exclude(['gift', 'meeting']).default('event'),
    /** Emailed invitations: the layout in `emails/<template>.mjml` and the subject line. */
    template: IdSchema.optional(),
    subject: TextSchema.optional(),
    /** What to do, shown on each invitation task; `{{firstName}}` is filled per contact. */
    task: TextSchema.optional(),
    /** A line the owner can use or adapt. */
    suggestion: TextSchema.optional(),
  })
  .refine((invite) => ['tiers', 'segments', 'tags', 'communities', 'contacts'].some((key) => key in invite), {
    error: 'should say who is invited: tiers, segments, tags, communities or contacts',
    params: { code: 'MissingField' },
  })
  .superRefine((invite, ctx) => {
    for (const key of ['template', 'subject'] as const) {
      if (invite.channel === 'email' && !invite[key]) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required for an emailed invitation', params: { code: 'MissingField' } });
      }
    }
  });

/** `content/events/<id>.yaml`: a client event (a supper, a screening, a talk) and who came. */
export const EventSchema = z.strictObject({
  /** What it is: "Summer supper at Novak's". */
  name: TextSchema,
  date: DateSchema,
  time: TimeOfDaySchema.optional(),
  /** Where: "Novak's café, Cliffe High Street". */
  place: TextSchema,
  about: TextSchema.optional(),
  /** A contact who hosts it for their circle, when it is one. */
  host: IdSchema.optional(),
  invite: InviteSchema,
  /** The contacts who came, written after the event. */
  came: z.array(IdSchema).default([]),
  notes: TextSchema.optional(),
});
export type ClientEvent = z.output<typeof EventSchema>;
