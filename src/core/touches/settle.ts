/**
 * Settling an unknown outcome by hand (`npm run settle`). The owner has checked (asked the
 * contact, looked in the sending account's Sent folder), so this is not an automatic resend:
 * `sent` records the touch as sent, and it counts like any other; `not-sent` releases the claim,
 * so the next run sends the touch if it is still inside the grace window, and reports it as
 * missed if not. Either way the doubt leaves "Needs you".
 */
import type { HistoryEntry } from '../model/index.ts';
import { lastEntries } from './send-journal.ts';

export type Settlement = 'sent' | 'not-sent';

export function settleEntry(
  history: readonly HistoryEntry[],
  touch: string,
  settlement: Settlement,
  at: string,
): { ok: true; entry: HistoryEntry } | { ok: false; reason: string } {
  const last = lastEntries(history).get(touch);
  if (!last) return { ok: false, reason: `no touch ${touch} in history: copy its id from the line under "Needs you"` };
  if (last.event !== 'unknown' && last.event !== 'claimed')
    return { ok: false, reason: `${touch} has no unknown outcome to settle: its last entry is ${last.event} (${last.at})` };
  const { touch: id, contact, plan, step, due, channel } = last;
  const base = { at, touch: id, contact, plan, step, due, channel };
  return settlement === 'sent'
    ? { ok: true, entry: { event: 'sent', ...base, response: 'settled by hand: the owner says it was sent' } }
    : { ok: true, entry: { event: 'released', ...base, reason: 'settled by hand: the owner says it was not sent' } };
}
