import { z } from 'zod';
import { civilOf, clampedDayOf, dayOf, type Day } from '../calendar/index.ts';
import { dueRule, type RuleDue } from './rule.ts';

/** Days of [start, end] that fall on `day` (clamped) of the months `keep` accepts. */
export function monthDays(start: Day, end: Day, day: number, keep: (month: number) => boolean, reason: string): RuleDue[] {
  const found: RuleDue[] = [];
  const first = civilOf(start);
  for (let index = first.year * 12 + first.month - 1; ; index++) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const due = clampedDayOf(year, month, day);
    if (dayOf(year, month, 1) > end) return found;
    if (due >= start && due <= end && keep(month)) found.push({ due, reason });
  }
}

/** On one day of every month. */
export const monthly = dueRule({
  name: 'monthly',
  shape: {
    /** Day of the month; 29–31 fall on the last day of shorter months. */
    day: z.int().min(1).max(31),
  },
  rank: 1,
  dueDays: (rule, _ctx, start, end) => monthDays(start, end, rule.day, () => true, `monthly on day ${rule.day}`),
});
