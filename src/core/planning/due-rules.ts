import { addMonths, civilOf, clampedDayOf, dayOf, formatDay, monthsBetween, type Day } from '../calendar/index.ts';
import type { ContactTriggers } from './triggers.ts';
import type { Contact, DueRule, KEY_DATES } from '../model/index.ts';

type KeyDate = (typeof KEY_DATES)[number];

/** A newsletter as a due rule sees it. */
export type NewsletterIssue = { id: string; sendDate: string; sendDay: Day; subject: string };

/** What a rule needs to know about one contact. */
export type RuleContext = {
  contact: string;
  data: Contact;
  triggers: ContactTriggers;
  /** The due day of this step's latest touch in history, if any. */
  lastDue?: Day;
  /** The newsletters this contact is in the audience of, by send date, then id. */
  newsletters: readonly NewsletterIssue[];
};

/** One day a step is due for a contact, and why, in the owner's words. */
export type RuleDue = { due: Day; reason: string; newsletter?: string; subject?: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const KEY_LABELS: Record<KeyDate, string> = { clientSince: 'becoming a client', closing: 'closing', birthday: 'birthday' };

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

type KeyDay = { year?: number; month: number; day: number; text: string };

/** A contact's key date; a birthday may have no year. */
function keyDateOf(contact: Contact, key: KeyDate): KeyDay | undefined {
  const text = contact.dates[key];
  if (!text) return undefined;
  // The two shapes the schema allows, read in place; anything else the long way.
  if (text.length === 5 && text[2] === '-') return { month: Number(text.slice(0, 2)), day: Number(text.slice(3)), text };
  if (text.length === 10 && text[4] === '-' && text[7] === '-') {
    return { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)), day: Number(text.slice(8)), text };
  }
  const parts = text.split('-').map(Number);
  return parts.length === 2 ? { month: parts[0], day: parts[1], text } : { year: parts[0], month: parts[1], day: parts[2], text };
}

/** FNV-1a: a small stable hash, so a contact with no anchor still gets a fixed day. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function every(rule: Extract<DueRule, { rule: 'every' }>, ctx: RuleContext, start: Day, end: Day): RuleDue[] {
  const what = rule.interval === 1 ? `every ${rule.unit.slice(0, -1)}` : `every ${rule.interval} ${rule.unit}`;
  const days = rule.unit === 'days' ? rule.interval : rule.unit === 'weeks' ? rule.interval * 7 : 0;
  let anchor: Day;
  let since: string;
  const key = keyDateOf(ctx.data, rule.from);
  if (key) {
    anchor = dayOf(key.year ?? 2000, key.month, key.day);
    since = `since ${KEY_LABELS[rule.from]} on ${key.text}`;
  } else {
    // No key date to count from: a day of the first interval set by the contact's id, so the
    // contacts of a plan spread out and every run agrees.
    anchor = dayOf(2000, 1, 1) + (hash(ctx.contact) % (days || 28 * rule.interval));
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
}

/** Days of [start, end] that fall on `day` (clamped) of the months `keep` accepts. */
function monthDays(start: Day, end: Day, day: number, keep: (month: number) => boolean, reason: string): RuleDue[] {
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

function anniversary(rule: Extract<DueRule, { rule: 'anniversary' }>, ctx: RuleContext, start: Day, end: Day): RuleDue[] {
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
}

function sequence(rule: Extract<DueRule, { rule: 'sequence' }>, ctx: RuleContext, start: Day, end: Day): RuleDue[] {
  const found: RuleDue[] = [];
  for (const trigger of ctx.triggers[rule.trigger]) {
    // Ends early: an `until` trigger after this one stops the touches due on or after its day.
    const stops = rule.until.flatMap((u) => ctx.triggers[u]).filter((e) => e.day > trigger.day);
    const stop = Math.min(Infinity, ...stops.map((e) => e.day));
    for (let k = 0; k < rule.count; k++) {
      const due = trigger.day + rule.startAfter + k * rule.spacingDays;
      if (due >= stop || due > end) break;
      if (due >= start) found.push({ due, reason: `${ordinal(k + 1)} of ${rule.count} touches after ${trigger.what}` });
    }
  }
  return found;
}

function newsletters(ctx: RuleContext, start: Day, end: Day): RuleDue[] {
  const found: RuleDue[] = [];
  // Two newsletters on one day would share a touch id: the later one (by id) goes a day later.
  let previous: NewsletterIssue | undefined;
  let previousDue = -Infinity;
  for (const issue of ctx.newsletters) {
    const due = Math.max(issue.sendDay, previousDue + 1);
    const after = due > issue.sendDay && previous ? `, a day after "${previous.id}"` : '';
    if (due >= start && due <= end) {
      found.push({ due, reason: `newsletter "${issue.id}" of ${issue.sendDate}${after}`, newsletter: issue.id, subject: issue.subject });
    }
    previous = issue;
    previousDue = due;
  }
  return found;
}

/** The days in [start, end] on which `rule` makes a step due for one contact. */
export function dueDays(rule: DueRule, ctx: RuleContext, start: Day, end: Day): RuleDue[] {
  switch (rule.rule) {
    case 'every':
      return every(rule, ctx, start, end);
    case 'monthly':
      return monthDays(start, end, rule.day, () => true, `monthly on day ${rule.day}`);
    case 'quarterly': {
      const months = [0, 3, 6, 9].map((q) => MONTHS[rule.month - 1 + q]);
      const reason = `quarterly on day ${rule.day} of ${months.slice(0, 3).join(', ')} and ${months[3]}`;
      return monthDays(start, end, rule.day, (m) => (m - rule.month) % 3 === 0, reason);
    }
    case 'yearly':
      return monthDays(start, end, rule.day, (m) => m === rule.month, `yearly on ${rule.day} ${MONTHS[rule.month - 1]}`);
    case 'anniversary':
      return anniversary(rule, ctx, start, end);
    case 'after':
      return ctx.triggers[rule.trigger]
        .map((t) => ({
          due: t.day + rule.days,
          reason: rule.days ? `${plural(rule.days, 'day')} after ${t.what}` : `the day of ${t.what}`,
        }))
        .filter((d) => d.due >= start && d.due <= end);
    case 'sequence':
      return sequence(rule, ctx, start, end);
    case 'newsletter':
      return newsletters(ctx, start, end);
  }
}
