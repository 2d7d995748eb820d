/**
 * A touch done outside the plans, logged by hand (`npm run log`): a call, a text, a card, a gift,
 * an event, an email, or a meeting (a coffee, a visit). It becomes a `done` entry of plan `manual`
 * whose step is the channel and whose due day is the day it happened, so it counts like any other
 * touch, and the same channel on the same day is one touch however often it is logged.
 */
import { HistoryEntrySchema, type HistoryEntry } from '../model/index.ts';
import { MANUAL_PLAN, touchIdOn } from './touch.ts';

/** What the owner asks to log, as typed. */
type TouchLog = { contact: string; channel: string; date: string; note?: string };

type Logged =
  /** A new entry to write. */
  | { ok: true; entry: HistoryEntry }
  /** The same touch is in history already: nothing to write. */
  | { ok: true; already: HistoryEntry }
  /** Refused: `field` names what to change (`CONTACT`, `--channel`, `--date`, `--note`). */
  | { ok: false; field: string; message: string };

/** The command-line name of each field of a history entry the owner gives. */
const FIELDS: Record<string, string> = { contact: 'CONTACT', channel: '--channel', step: '--channel', due: '--date', note: '--note' };

/**
 * Checks a touch to log against the contacts and the history, and makes its entry. `today` is the
 * business's day: a touch cannot be logged before it happens. `at` is the moment it is written.
 */
export function logTouch(
  log: TouchLog,
  known: { contacts: ReadonlySet<string>; history: readonly HistoryEntry[] },
  today: Temporal.PlainDate,
  at: string,
): Logged {
  const { contact, channel, date } = log;
  const touch = touchIdOn(contact, MANUAL_PLAN, channel, date);
  const parsed = HistoryEntrySchema.safeParse({
    event: 'done',
    at,
    touch,
    contact,
    plan: MANUAL_PLAN,
    step: channel,
    due: date,
    channel,
    ...(log.note === undefined ? {} : { note: log.note }),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = FIELDS[String(issue.path[0])] ?? String(issue.path[0]);
    return { ok: false, field, message: issue.message };
  }
  if (!known.contacts.has(contact))
    return { ok: false, field: 'CONTACT', message: `no contact "${contact}" (there is no contacts/${contact}.yaml)` };
  if (Temporal.PlainDate.compare(Temporal.PlainDate.from(date), today) > 0)
    return { ok: false, field: '--date', message: `${date} is in the future (today is ${today}): log a touch once it is done` };
  const already = known.history.find((h) => h.touch === touch && h.event === 'done');
  return already ? { ok: true, already } : { ok: true, entry: parsed.data };
}
