import { businessDayOf, parseDay, type Day } from '../calendar/index.ts';
import type { Channel, HistoryEntry } from '../model/index.ts';
import { MANUAL_PLAN } from './touch.ts';

/** What history says about touches, indexed for the planner. */
export type HistoryIndex = {
  /** The last entry of each touch id: the one that tells where it stands. */
  last: Map<string, HistoryEntry>;
  /** By `contact plan step`: the due day of the latest real touch (claimed, sent, unknown, done). */
  lastDue: Map<string, Day>;
  /** By contact: the business days on which an email went, or may have gone, to them. */
  emailDays: Map<string, Day[]>;
  /**
   * By contact: their latest touch of any plan, and its channel. An email counts from the day it
   * went, a personal touch from the moment it was recorded done, and a touch logged by hand
   * (plan `manual`) from its due day, the day it happened. A task only handed over does not count.
   */
  lastTouch: Map<string, { day: Day; channel: Channel }>;
  /** The business day of the first entry: the first day the job ran. */
  firstDay?: Day;
};

const TOUCHED = new Set(['claimed', 'sent', 'unknown', 'done']);
const EMAILED = new Set(['claimed', 'sent', 'unknown']);

/**
 * Whether an entry tells where its touch stands. A `noted` entry (a full mailbox, a delay) only
 * sits beside the touch: every reader of a touch's last entry passes it by.
 */
export const tellsState = (entry: HistoryEntry): boolean => entry.event !== 'noted';

export const stepKey = (contact: string, plan: string, step: string) => `${contact}\u0000${plan}\u0000${step}`;

/**
 * Whether a touch with this last history entry is settled: claimed, sent, unknown (a doubt is
 * never resent automatically), done, skipped, missed, or failed permanently. A temporary failure
 * or a released claim leaves it due, to be tried again inside the grace window.
 */
export function isSettled(last: HistoryEntry | undefined): boolean {
  if (!last) return false;
  return !((last.event === 'failed' && last.temporary) || last.event === 'released');
}

/** Reads the history log in order; `timeZone` turns each moment into the business's day. */
export function indexHistory(history: readonly HistoryEntry[], timeZone: string): HistoryIndex {
  const last = new Map<string, HistoryEntry>();
  const lastDue = new Map<string, Day>();
  let firstDay: Day | undefined;
  const days = new Map<string, Day>();
  const dayOf = (moment: string): Day => {
    let day = days.get(moment);
    if (day === undefined) {
      day = parseDay(businessDayOf(moment, timeZone));
      days.set(moment, day);
    }
    return day;
  };
  const emailedOn = new Map<string, Day>();
  const lastTouch = new Map<string, { day: Day; channel: Channel }>();
  for (const entry of history) {
    if (!tellsState(entry)) continue;
    last.set(entry.touch, entry);
    const at = dayOf(entry.at);
    if (firstDay === undefined || at < firstDay) firstDay = at;
    if (EMAILED.has(entry.event) && !emailedOn.has(entry.touch)) emailedOn.set(entry.touch, at);
    let touched: Day | undefined;
    if (entry.event === 'done') touched = entry.plan === MANUAL_PLAN ? parseDay(entry.due) : at;
    else if (entry.event === 'sent' && entry.channel === 'email') touched = emailedOn.get(entry.touch) ?? at;
    if (touched === undefined) continue;
    const known = lastTouch.get(entry.contact);
    if (!known || known.day <= touched) lastTouch.set(entry.contact, { day: touched, channel: entry.channel });
  }
  const emailDays = new Map<string, Day[]>();
  for (const entry of last.values()) {
    if (TOUCHED.has(entry.event)) {
      const key = stepKey(entry.contact, entry.plan, entry.step);
      const due = parseDay(entry.due);
      if ((lastDue.get(key) ?? -Infinity) < due) lastDue.set(key, due);
    }
    if (entry.channel !== 'email' || !EMAILED.has(entry.event)) continue;
    // The day it first went out, even when a later run wrote `unknown` for it.
    const day = emailedOn.get(entry.touch) ?? dayOf(entry.at);
    const list = emailDays.get(entry.contact);
    if (list) list.push(day);
    else emailDays.set(entry.contact, [day]);
  }
  return { last, lastDue, emailDays, lastTouch, firstDay };
}
