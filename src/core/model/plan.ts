import { z } from 'zod';
import { AudienceSchema, IdSchema, TextSchema } from './common.ts';

export const CHANNELS = ['email', 'call', 'text', 'card', 'gift', 'event'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.output<typeof ChannelSchema>;

/** Things that happen to a contact and start a clock. */
const TRIGGERS = ['became-client', 'made-referral', 'referral-status-changed', 'referral-became-client', 'closing'] as const;
const TriggerSchema = z.enum(TRIGGERS);
export type Trigger = z.output<typeof TriggerSchema>;

/** The contact's key dates a step can be anchored to. */
export const KEY_DATES = ['clientSince', 'closing', 'birthday'] as const;
const KeyDateSchema = z.enum(KEY_DATES);

const count = z.int().positive();

/** When a step is due. `rule` says which kind of rule it is. */
export const DueRuleSchema = z.discriminatedUnion(
  'rule',
  [
    z.strictObject({
      rule: z.literal('every'),
      interval: count,
      unit: z.enum(['days', 'weeks', 'months']),
      /** Counted from the last touch by this plan, or from this key date when there is none. */
      from: KeyDateSchema.default('clientSince'),
    }),
    z.strictObject({
      rule: z.literal('monthly'),
      /** Day of the month; 29–31 fall on the last day of shorter months. */
      day: z.int().min(1).max(31),
    }),
    z.strictObject({
      rule: z.literal('quarterly'),
      /** Month within the quarter: 1 for January, April, July, October. */
      month: z.int().min(1).max(3).default(1),
      day: z.int().min(1).max(31),
    }),
    z.strictObject({
      rule: z.literal('yearly'),
      month: z.int().min(1).max(12),
      day: z.int().min(1).max(31),
    }),
    z.strictObject({
      rule: z.literal('anniversary'),
      of: KeyDateSchema,
      /** Plan the touch this many days before the date (a card must be posted in time). */
      daysBefore: z.int().min(0).max(60).default(0),
    }),
    z.strictObject({
      rule: z.literal('after'),
      trigger: TriggerSchema,
      days: z.int().min(0),
    }),
    z.strictObject({
      rule: z.literal('sequence'),
      trigger: TriggerSchema,
      /** How many touches in all. */
      count,
      /** Days between touches; the first is due `startAfter` days after the trigger. */
      spacingDays: count,
      startAfter: z.int().min(0).default(0),
      /** The sequence ends early when one of these happens. */
      until: z.array(TriggerSchema).default([]),
    }),
    z.strictObject({
      /** Each newsletter goes out on its send date to its own audience. */
      rule: z.literal('newsletter'),
    }),
  ],
  { error: 'should name a rule: every, monthly, quarterly, yearly, anniversary, after, sequence or newsletter' },
);
export type DueRule = z.output<typeof DueRuleSchema>;

export const StepSchema = z
  .strictObject({
    id: IdSchema,
    channel: ChannelSchema,
    due: DueRuleSchema,
    /** Email steps: the layout in `emails/<template>.mjml`. */
    template: IdSchema.optional(),
    /** Email steps: the subject line; `{{firstName}}` and other fields are filled per contact. */
    subject: TextSchema.optional(),
    /** Personal steps: what to do, shown on the task. */
    task: TextSchema.optional(),
    /** A line the owner can use or adapt. */
    suggestion: TextSchema.optional(),
    /**
     * What Referable fills in for this step: `refer-back` names contacts to introduce to this one
     * (and is skipped when no one with consent fits); `introduction-ask` frames an ask by one of
     * their communities, keeps asks `limits.daysBetweenAsks` apart and skips while a referral from
     * them is still being handled.
     */
    purpose: z.enum(['refer-back', 'introduction-ask']).optional(),
    /** Only the plan's contacts who are also in this audience get this step (a card for the top tier). */
    audience: AudienceSchema.optional(),
  })
  .superRefine((step, ctx) => {
    if (step.channel === 'email' && !step.template) {
      ctx.addIssue({ code: 'custom', path: ['template'], message: 'is required for an email step', params: { code: 'MissingField' } });
    }
    if (step.channel === 'email' && !step.subject && step.due.rule !== 'newsletter') {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'is required for an email step', params: { code: 'MissingField' } });
    }
    if (step.channel !== 'email' && !step.task) {
      ctx.addIssue({ code: 'custom', path: ['task'], message: `is required for a ${step.channel} step`, params: { code: 'MissingField' } });
    }
  });
export type Step = z.output<typeof StepSchema>;

export const PlanSchema = z.strictObject({
  name: TextSchema,
  description: TextSchema.optional(),
  audience: AudienceSchema.default({}),
  /** When two touches for one contact fall on the same day, the higher priority goes first. */
  priority: z.int().min(0).max(100).default(50),
  /** A paused plan plans nothing. */
  paused: z.boolean().default(false),
  steps: z
    .array(StepSchema)
    .min(1, { error: 'should list at least one step' })
    .superRefine((steps, ctx) => {
      const seen = new Set<string>();
      steps.forEach((step, i) => {
        if (seen.has(step.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: `"${step.id}" is used by an earlier step`,
            params: { code: 'DuplicateStep' },
          });
        }
        seen.add(step.id);
      });
    }),
});
export type Plan = z.output<typeof PlanSchema>;
