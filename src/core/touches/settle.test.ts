import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../model/index.ts';
import { heldByHistory, lastEntries, unsettledUnknowns } from './send-journal.ts';
import { settleEntry } from './settle.ts';

const ids = {
  touch: 'ana-ruiz.news.send.2026-11-03',
  contact: 'ana-ruiz',
  plan: 'news',
  step: 'send',
  due: '2026-11-03',
  channel: 'email',
} as const;
const history: HistoryEntry[] = [
  { event: 'claimed', at: '2026-11-03T09:00:00Z', ...ids },
  { event: 'unknown', at: '2026-11-04T09:00:00Z', ...ids, reason: 'claimed by an earlier run that ended before recording the outcome' },
  { event: 'sent', at: '2026-11-03T09:00:00Z', ...ids, touch: 'tom-harris.news.send.2026-11-03', contact: 'tom-harris' },
];
const at = '2026-11-05T10:00:00Z';

describe('settling an unknown outcome', () => {
  it('is listed until settled; sent counts as sent, not-sent makes the touch sendable again', () => {
    expect(unsettledUnknowns(history).map((e) => e.touch)).toEqual([ids.touch]);
    const sent = settleEntry(history, ids.touch, 'sent', at);
    expect(sent).toEqual({ ok: true, entry: { event: 'sent', at, ...ids, response: 'settled by hand: the owner says it was sent' } });
    const notSent = settleEntry(history, ids.touch, 'not-sent', at);
    expect(notSent).toEqual({
      ok: true,
      entry: { event: 'released', at, ...ids, reason: 'settled by hand: the owner says it was not sent' },
    });
    for (const settled of [sent, notSent]) {
      if (!settled.ok) throw new Error('not settled');
      const after = [...history, settled.entry];
      expect(unsettledUnknowns(after)).toEqual([]);
      expect(heldByHistory(lastEntries(after).get(ids.touch))).toEqual(
        settled.entry.event === 'sent' ? { code: 'AlreadyRecorded', reason: 'already sent' } : undefined,
      );
    }
  });

  it('refuses a touch with nothing to settle, saying why', () => {
    expect(settleEntry(history, 'tom-harris.news.send.2026-11-03', 'sent', at)).toEqual({
      ok: false,
      reason: 'tom-harris.news.send.2026-11-03 has no unknown outcome to settle: its last entry is sent (2026-11-03T09:00:00Z)',
    });
    expect(settleEntry(history, 'nobody.news.send.2026-11-03', 'not-sent', at)).toEqual({
      ok: false,
      reason: 'no touch nobody.news.send.2026-11-03 in history: copy its id from the line under "Needs you"',
    });
  });
});
