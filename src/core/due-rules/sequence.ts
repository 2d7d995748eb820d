import { z } from 'zod';
import { count, dueRule, ordinal, TriggerSchema, type RuleDue } from './rule.ts';

/**
 * A run of touches after each time a trigger happens (8 touches in 8 weeks), ending early on
 * `until`. Each touch knows its place in the run, so a step's `variants` can vary its words.
 */
export const sequence = dueRule({
  name: 'sequence',
  shape: {
    trigger: TriggerSchema,
    /** How many touches in all. */
    count,
    /** Days between touches; the first is due `startAfter` days after the trigger. */
    spacingDays: count,
    startAfter: z.int().min(0).default(0),
    /** The sequence ends early when one of these happens. */
    until: z.array(TriggerSchema).default([]),
  },
  rank: 4,
  trigger: (rule) => rule.trigger,
  dueDays(rule, ctx, start, end) {
    const found: RuleDue[] = [];
    for (const trigger of ctx.triggers[rule.trigger]) {
      // Ends early: an `until` trigger after this one stops the touches due on or after its day.
      const stops = rule.until.flatMap((u) => ctx.triggers[u]).filter((e) => e.day > trigger.day);
      const stop = Math.min(Infinity, ...stops.map((e) => e.day));
      for (let k = 0; k < rule.count; k++) {
        const due = trigger.day + rule.startAfter + k * rule.spacingDays;
        if (due >= stop || due > end) break;
        if (due >= start)
          found.push({ due, reason: `${ordinal(k + 1)} of ${rule.count} touches after ${trigger.what}`, occurrence: k + 1 });
      }
    }
    return found;
  },
});
