import { civilOf, dayOf, type Day } from '../calendar/index.ts';
import { count, dueRule, KEY_LABELS, keyDateOf, MONTHS, plural, spreadDay, type RuleDue } from './rule.ts';

/** "12 Oct", with the year when it is not the year of `than`. */
function shortDay(day: Day, than: Day): string {
  const { year, month, day: date } = civilOf(day);
  const short = `${date} ${MONTHS[month - 1].slice(0, 3)}`;
  return year === civilOf(than).year ? short : `${short} ${year}`;
}

/**
 * Due when the contact has had no touch of any kind for N days: an email sent, a personal touch
 * done, a touch logged by hand, by any plan. Any touch restarts the count; while none comes, it is
 * due again every N days. With no touch on record it counts from becoming a client, or from a day
 * set by the contact's id.
 */
export const keepInTouch = dueRule({
  name: 'keep-in-touch',
  shape: {
    /** How many days without any touch make the step due. */
    days: count,
  },
  rank: 2,
  dueDays(rule, ctx, start, end) {
    const { days } = rule;
    let anchor: Day;
    let why: (due: Day) => string;
    if (ctx.lastTouch) {
      const last = ctx.lastTouch;
      anchor = last.day;
      why = (due) => `last touch ${shortDay(last.day, due)} (${last.channel}), ${plural(due - last.day, 'day')} ago`;
    } else {
      const key = keyDateOf(ctx.data, 'clientSince');
      anchor = key ? dayOf(key.year ?? 2000, key.month, key.day) : spreadDay(ctx.contact, days);
      const since = key ? `since ${KEY_LABELS.clientSince} on ${key.text}` : `from a day set by the contact's id`;
      why = () => `no touch on record: every ${plural(days, 'day')} ${since}`;
    }
    const found: RuleDue[] = [];
    for (let k = Math.max(1, Math.ceil((start - anchor) / days)); anchor + k * days <= end; k++) {
      const due = anchor + k * days;
      found.push({ due, reason: why(due) });
    }
    return found;
  },
});
