import { businessDayOf } from '../calendar/index.ts';
import type { Channel, HistoryEntry } from '../model/index.ts';
import { MANUAL_PLAN } from '../touches/index.ts';

/** A personal touch handed over and not yet done. */
export type OpenTask = {
  touch: string;
  contact: string;
  channel: Channel;
  /** The business day it was first handed over. */
  since: string;
};

/**
 * The personal touches handed over (a task written, an issue opened) and not yet done, oldest
 * first: their last entry is `claimed` or `sent`. With no issue to close, a task is done when a
 * touch of its channel is logged by hand for the contact on or after the day it was handed over.
 */
export function openTasks(history: readonly HistoryEntry[], timeZone: string): OpenTask[] {
  const first = new Map<string, HistoryEntry>();
  const last = new Map<string, HistoryEntry>();
  const logged = new Map<string, string[]>();
  for (const h of history) {
    if (!first.has(h.touch) && (h.event === 'claimed' || h.event === 'sent')) first.set(h.touch, h);
    last.set(h.touch, h);
    if (h.plan === MANUAL_PLAN && h.event === 'done') {
      const key = `${h.contact}\u0000${h.channel}`;
      logged.set(key, [...(logged.get(key) ?? []), businessDayOf(h.at, timeZone)]);
    }
  }
  const open: OpenTask[] = [];
  for (const h of last.values()) {
    if (h.channel === 'email' || h.plan === MANUAL_PLAN || (h.event !== 'claimed' && h.event !== 'sent')) continue;
    const since = businessDayOf((first.get(h.touch) ?? h).at, timeZone);
    if (logged.get(`${h.contact}\u0000${h.channel}`)?.some((day) => day >= since)) continue;
    open.push({ touch: h.touch, contact: h.contact, channel: h.channel, since });
  }
  return open.sort((a, b) => a.since.localeCompare(b.since) || a.touch.localeCompare(b.touch));
}
