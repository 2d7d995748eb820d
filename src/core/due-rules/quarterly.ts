import { z } from 'zod';
import { monthDays } from './monthly.ts';
import { dueRule, MONTHS } from './rule.ts';

/** On one day of one month in each quarter. */
export const quarterly = dueRule({
  name: 'quarterly',
  shape: {
    /** Month within the quarter: 1 for January, April, July, October. */
    month: z.int().min(1).max(3).default(1),
    day: z.int().min(1).max(31),
  },
  rank: 1,
  dueDays(rule, _ctx, start, end) {
    const months = [0, 3, 6, 9].map((q) => MONTHS[rule.month - 1 + q]);
    const reason = `quarterly on day ${rule.day} of ${months.slice(0, 3).join(', ')} and ${months[3]}`;
    return monthDays(start, end, rule.day, (m) => (m - rule.month) % 3 === 0, reason);
  },
});
