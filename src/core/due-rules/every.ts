import { z } from 'zod';
import { addMonths, dayOf, formatDay, monthsBetween, type Day } from '../calendar/index.ts';
import { count, dueRule, KEY_LABELS, KeyDateSchema, keyDateOf, spreadDay, type RuleDue } from './rule.ts';

/** Every N days, weeks or months, counted from the last touch by the plan or from a key date. */
export const every = dueRule({
  name: 'every',
  shape: {
    interval: count,
    unit: z.enum(['days', 'weeks', 'months']),
    /** Counted from the last touch by this plan, or from this key date when there is none. */
    from: KeyDateSchema.default('clientSince'),
  },
  rank: 2,
  dueDays(rule, ctx, start, end) {
    const what = rule.interval === 1 ? `every ${rule.unit.slice(0, -1)}` : `every ${rule.interval} ${rule.unit}`;
    const days = rule.unit === 'days' ? rule.interval : rule.unit === 'weeks' ? rule.interval * 7 : 0;
    let anchor: Day;
    let since: string;
    const key = keyDateOf(ctx.data, rule.from);
    if (key) {
      anchor = dayOf(key.year ?? 2000, key.month, key.day);
      since = `since ${KEY_LABELS[rule.from]} on ${key.text}`;
    } else {
      anchor = spreadDay(ctx.contact, days || 28 * rule.interval);
      since = `on a day set by the contact's id (no ${rule.from} on file)`;
    }
    // A last touch off this series (the plan or the key date changed) starts a new one. A touch on
    // it keeps it, so month ends do not drift (31 Jan, 29 Feb, 31 Mar rather than 29 Mar).
    const onSeries = (day: Day): boolean => {
      if (day <= anchor) return false;
      if (days) return (day - anchor) % days === 0;
      const months = monthsBetween(anchor, day);
      return months % rule.interval === 0 && addMonths(anchor, months) === day;
    };
    if (ctx.lastDue !== undefined && !onSeries(ctx.lastDue)) {
      anchor = ctx.lastDue;
      since = `since the last one, due ${formatDay(anchor)}`;
    }
    const reason = `${what} ${since}`;
    const found: RuleDue[] = [];
    if (days) {
      for (let k = Math.max(1, Math.ceil((start - anchor) / days)); anchor + k * days <= end; k++) {
        found.push({ due: anchor + k * days, reason });
      }
      return found;
    }
    for (let k = Math.max(1, Math.floor(monthsBetween(anchor, start) / rule.interval)); ; k++) {
      const due = addMonths(anchor, k * rule.interval);
      if (due > end) return found;
      if (due >= start) found.push({ due, reason });
    }
  },
});
