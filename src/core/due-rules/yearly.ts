import { z } from 'zod';
import { monthDays } from './monthly.ts';
import { dueRule, MONTHS } from './rule.ts';

/** On one day of the year, the same for everyone. */
export const yearly = dueRule({
  name: 'yearly',
  shape: {
    month: z.int().min(1).max(12),
    day: z.int().min(1).max(31),
  },
  rank: 1,
  dueDays: (rule, _ctx, start, end) =>
    monthDays(start, end, rule.day, (m) => m === rule.month, `yearly on ${rule.day} ${MONTHS[rule.month - 1]}`),
});
