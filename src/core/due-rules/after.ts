import { z } from 'zod';
import { dueRule, plural, TriggerSchema } from './rule.ts';

/** Once, N days after each time a trigger happens (a referral made, a closing). */
export const after = dueRule({
  name: 'after',
  shape: {
    trigger: TriggerSchema,
    days: z.int().min(0),
  },
  rank: 5,
  trigger: (rule) => rule.trigger,
  dueDays: (rule, ctx, start, end) =>
    ctx.triggers[rule.trigger]
      .map((t) => ({
        due: t.day + rule.days,
        reason: rule.days ? `${plural(rule.days, 'day')} after ${t.what}` : `the day of ${t.what}`,
      }))
      .filter((d) => d.due >= start && d.due <= end),
});
