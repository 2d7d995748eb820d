import { z } from 'zod';
import { civilOf, clampedDayOf, formatDay } from '../calendar/index.ts';
import { dueRule, KEY_LABELS, KeyDateSchema, keyDateOf, ordinal, plural, type RuleDue } from './rule.ts';

/** Each year on one of the contact's key dates (a birthday, the day they became a client). */
export const anniversary = dueRule({
  name: 'anniversary',
  shape: {
    of: KeyDateSchema,
    /** Plan the touch this many days before the date (a card must be posted in time). */
    daysBefore: z.int().min(0).max(60).default(0),
  },
  rank: 3,
  dueDays(rule, ctx, start, end) {
    const key = keyDateOf(ctx.data, rule.of);
    if (!key) return [];
    const ahead = rule.daysBefore;
    const found: RuleDue[] = [];
    for (let year = civilOf(start + ahead).year; year <= civilOf(end + ahead).year; year++) {
      if (key.year !== undefined && year <= key.year) continue;
      // 29 February falls on 28 February in other years.
      const date = clampedDayOf(year, key.month, key.day);
      const due = date - ahead;
      if (due < start || due > end) continue;
      const n = key.year === undefined ? '' : `${ordinal(year - key.year)} `;
      const what = rule.of === 'birthday' ? `${n}birthday` : `${n}anniversary of ${KEY_LABELS[rule.of]} (${key.text})`;
      const when = ahead ? `, ${plural(ahead, 'day')} ahead` : '';
      found.push({ due, reason: `${what} on ${formatDay(date)}${when}` });
    }
    return found;
  },
});
