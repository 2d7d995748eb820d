import type { HistoryEntry } from '../model/index.ts';

/**
 * Whether a touch whose last history entry is this one reached the person: an email once sent, a
 * personal touch (a call, a card, a gift, an invitation) only once done. A personal touch that is
 * `claimed` or `sent` was only handed over, as a task or an issue: nobody has done it yet.
 */
export function hasReached(last: Pick<HistoryEntry, 'event' | 'channel'>): boolean {
  return last.event === 'done' || (last.event === 'sent' && last.channel === 'email');
}
