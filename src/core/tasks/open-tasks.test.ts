import { describe, expect, it } from 'vitest';
import { HistoryEntrySchema, type HistoryEntry } from '../model/index.ts';
import { openTasks } from './open-tasks.ts';

// Issue 14, point 6: how the daily job knows a personal touch handed over is still to do.
const entry = (event: HistoryEntry['event'], touch: string, channel: HistoryEntry['channel'], at: string, extra = {}): HistoryEntry => {
  const [contact, plan, step, due] = touch.split('.');
  return HistoryEntrySchema.parse({ event, at, touch, contact, plan, step, due, channel, ...extra });
};
const handedOver = (touch: string, channel: HistoryEntry['channel'], at: string, response = 'task written to outbox/tasks.md') => [
  entry('claimed', touch, channel, at),
  entry('sent', touch, channel, at, { response }),
];

describe('openTasks', () => {
  it('lists personal touches handed over and not done, oldest first, on the business day they went', () => {
    const history = [
      ...handedOver('tom.thanks.card.2026-12-01', 'card', '2026-12-01T09:00:00Z'),
      // 23:30 UTC on 24 November is the 25th in Auckland.
      ...handedOver('ana.calls.call.2026-11-24', 'call', '2026-11-24T23:30:00Z', 'issue #4'),
      ...handedOver('ben.calls.call.2026-11-20', 'call', '2026-11-20T09:00:00Z', 'issue #3'),
      entry('done', 'ben.calls.call.2026-11-20', 'call', '2026-11-21T09:00:00Z', { issue: 3 }),
      ...handedOver('eve.gifts.gift.2026-11-22', 'gift', '2026-11-22T09:00:00Z', 'issue #5'),
      entry('skipped', 'eve.gifts.gift.2026-11-22', 'gift', '2026-11-23T09:00:00Z', { reason: 'closed as not planned' }),
      entry('claimed', 'sam.news.send.2026-11-03', 'email', '2026-11-03T08:00:00Z'),
    ];
    expect(openTasks(history, 'Pacific/Auckland')).toEqual([
      { touch: 'ana.calls.call.2026-11-24', contact: 'ana', channel: 'call', since: '2026-11-25' },
      { touch: 'tom.thanks.card.2026-12-01', contact: 'tom', channel: 'card', since: '2026-12-01' },
    ]);
  });

  it('counts a task as done when its channel is logged by hand for the person on or after the handover', () => {
    const card = handedOver('tom.thanks.card.2026-12-01', 'card', '2026-12-01T09:00:00Z');
    const logged = (day: string, channel: HistoryEntry['channel'] = 'card') =>
      entry('done', `tom.manual.${channel}.${day}`, channel, `${day}T15:00:00Z`);
    expect(openTasks([...card, logged('2026-12-02')], 'Europe/London')).toEqual([]);
    expect(openTasks([...card, logged('2026-12-01')], 'Europe/London')).toEqual([]);
    // A card logged before the task was handed over, or a call, leaves the card to do.
    expect(openTasks([logged('2026-11-30'), ...card], 'Europe/London').map((t) => t.touch)).toEqual(['tom.thanks.card.2026-12-01']);
    expect(openTasks([...card, logged('2026-12-02', 'call')], 'Europe/London').map((t) => t.touch)).toEqual(['tom.thanks.card.2026-12-01']);
  });
});
