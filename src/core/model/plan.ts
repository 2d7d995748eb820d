import { z } from 'zod';
// The kinds of due rule live one per file in `due-rules/`; its registry makes `DueRuleSchema`.
import { DueRuleSchema } from '../due-rules/index.ts';
import { AudienceSchema, IdSchema, TextSchema } from './common.ts';

/** How a touch reaches a contact: `meeting` is a coffee or a visit, `event` an invitation to one of ours. */
export const CHANNELS = ['email', 'call', 'text', 'card', 'gift', 'event', 'meeting'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.output<typeof ChannelSchema>;

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
     * Sequence steps: the words of each touch in turn. The Nth touch of the sequence takes the
     * Nth variant's subject and suggestion; the step's own stand in for what a variant leaves out
     * and for touches past the end of the list.
     */
    variants: z
      .array(z.strictObject({ subject: TextSchema.optional(), suggestion: TextSchema.optional() }))
      .min(1, { error: 'should list at least one variant' })
      .optional(),
    /**
     * What Referable fills in for this step: `refer-back` names contacts to introduce to this one
     * (and is skipped when no one with consent fits); `introduction-ask` frames an ask by one of
     * their communities, keeps asks `limits.daysBetweenAsks` apart and skips while a referral from
     * them is still being handled.
     */
    purpose: z.enum(['refer-back', 'introduction-ask']).optional(),
    /** Only the plan's contacts who are also in this audience get this step (a card for the top tier). */
    audience: AudienceSchema.optional(),
    /**
     * Who one touch is for: `household` sends one email to every member of a household (contacts
     * linked by `household[].contact`) or writes one task naming them all; `person` touches each
     * contact alone. Unset, it is `household` for newsletters, sequences, recaps, testimonial
     * requests and introduction asks, and `person` for the rest (birthdays above all).
     */
    per: z.enum(['household', 'person']).optional(),
  })
  .superRefine((step, ctx) => {
    if (step.channel === 'email' && !step.template) {
      ctx.addIssue({ code: 'custom', path: ['template'], message: 'is required for an email step', params: { code: 'MissingField' } });
    }
    if (step.channel === 'email' && !step.subject && step.due.rule !== 'newsletter') {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'is required for an email step', params: { code: 'MissingField' } });
    }
    if (step.variants && step.due.rule !== 'sequence') {
      ctx.addIssue({
        code: 'custom',
        path: ['variants'],
        message: `are for sequence steps only, and this step's rule is ${step.due.rule}: remove them, or make the step a sequence`,
        params: { code: 'Invalid' },
      });
    } else if (step.variants && step.due.rule === 'sequence' && step.variants.length > step.due.count) {
      ctx.addIssue({
        code: 'custom',
        path: ['variants'],
        message: `lists ${step.variants.length} variants for a sequence of ${step.due.count} touch${step.due.count === 1 ? '' : 'es'}: one a touch at most`,
        params: { code: 'OutOfRange' },
      });
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
