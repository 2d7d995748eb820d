import { z } from 'zod';
import { DateSchema, IdSchema, InstantSchema, TextSchema } from './common.ts';
import { ChannelSchema } from './plan.ts';
import { REASON_CODES } from '../reasons/index.ts';

/** The reason's catalogue code, beside its words; entries written before codes existed have none. */
const code = z.enum(REASON_CODES).optional();

const touch = {
  /** When it was written. */
  at: InstantSchema,
  /** Derived from contact, plan, step and due date. */
  touch: TextSchema,
  contact: IdSchema,
  plan: IdSchema,
  step: IdSchema,
  due: DateSchema,
  channel: ChannelSchema,
};

/** One line of `content/history/<yyyy-mm>.jsonl`. Written by the jobs only. */
export const HistoryEntrySchema = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('claimed'), ...touch }),
  z.strictObject({
    event: z.literal('sent'),
    ...touch,
    messageId: TextSchema.optional(),
    /** The server's reply, or the outbox file. */
    response: TextSchema.optional(),
  }),
  z.strictObject({
    event: z.literal('failed'),
    ...touch,
    reason: TextSchema,
    code,
    /** A temporary failure is tried again on a later run, inside the grace window. */
    temporary: z.boolean(),
  }),
  z.strictObject({ event: z.literal('unknown'), ...touch, reason: TextSchema, code }),
  /**
   * A claim withdrawn: the message certainly did not leave (the run stopped before it could, or
   * the owner settled an unknown outcome as not sent). The touch may be sent again.
   */
  z.strictObject({ event: z.literal('released'), ...touch, reason: TextSchema, code }),
  z.strictObject({
    event: z.literal('done'),
    ...touch,
    /** The GitHub issue or task that recorded it. */
    issue: z.int().positive().optional(),
    note: TextSchema.optional(),
  }),
  z.strictObject({ event: z.literal('skipped'), ...touch, reason: TextSchema, code }),
  z.strictObject({ event: z.literal('missed'), ...touch, reason: TextSchema, code }),
  /**
   * What came back about a touch without changing where it stands: a full mailbox, a delay the
   * recipient's server keeps retrying. It sits beside the touch and is never its state: a touch
   * sent stays sent, and nothing is sent again because of it.
   */
  z.strictObject({
    event: z.literal('noted'),
    ...touch,
    reason: TextSchema,
    code: z.enum(REASON_CODES),
    /**
     * The message that said so: `email <id> of 2026-11-04`, or by a digest of its content when it
     * has no Message-ID (`email with no Message-ID (content 3f9a…), undated`). The same message is
     * noted once.
     */
    evidence: TextSchema,
  }),
]);
export type HistoryEntry = z.output<typeof HistoryEntrySchema>;
