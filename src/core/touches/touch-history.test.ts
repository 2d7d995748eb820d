import { describe, expect, it } from 'vitest';
import { parseDay } from '../calendar/index.ts';
import { indexHistory, isSettled, stepKey } from './touch-history.ts';
import { HistoryEntrySchema, type HistoryEntry } from '../model/index.ts';

const base = { contact: 'ana-ruiz', plan: 'check-in', step: 'note', channel: 'email' } as const;
const entry = (event: string, at: string, due: string, extra: object = {}): HistoryEntry =>
  HistoryEntrySchema.parse({ event, at, touch: `ana-ruiz.check-in.note.${due}`, due, ...base, ...extra });

describe('isSettled', () => {
  it.each<[string, HistoryEntry | undefined, boolean]>([
    ['no entry', undefined, false],
    ['claimed', entry('claimed', '2026-12-01T09:00:00Z', '2026-12-01'), true],
    ['sent', entry('sent', '2026-12-01T09:00:00Z', '2026-12-01'), true],
    ['unknown', entry('unknown', '2026-12-01T09:00:00Z', '2026-12-01', { reason: 'connection closed after DATA' }), true],
    ['done', entry('done', '2026-12-01T09:00:00Z', '2026-12-01'), true],
    ['skipped', entry('skipped', '2026-12-01T09:00:00Z', '2026-12-01', { reason: 'unsubscribed' }), true],
    ['missed', entry('missed', '2026-12-01T09:00:00Z', '2026-12-01', { reason: 'grace window' }), true],
    ['failed for good', entry('failed', '2026-12-01T09:00:00Z', '2026-12-01', { reason: '550', temporary: false }), true],
    ['failed for now', entry('failed', '2026-12-01T09:00:00Z', '2026-12-01', { reason: '421', temporary: true }), false],
  ])('%s', (_, last, settled) => {
    expect(isSettled(last)).toBe(settled);
  });
});

describe('indexHistory', () => {
  it('keeps the last entry of each touch, the latest touch of each step and the days emails went', () => {
    const history = [
      entry('claimed', '2026-11-01T17:00:00Z', '2026-11-01'),
      entry('sent', '2026-11-01T17:00:01Z', '2026-11-01'),
      // Claimed one evening in Los Angeles (the next morning in UTC); the next run found no outcome.
      entry('claimed', '2026-11-15T04:00:00Z', '2026-11-14'),
      entry('unknown', '2026-11-15T18:00:00Z', '2026-11-14', { reason: 'no reply after DATA' }),
      entry('claimed', '2026-11-20T17:00:00Z', '2026-11-20'),
      entry('failed', '2026-11-20T17:00:01Z', '2026-11-20', { reason: '421 try later', temporary: true }),
      entry('done', '2026-11-21T17:00:00Z', '2026-11-21', {
        touch: 'ana-ruiz.call.call.2026-11-21',
        plan: 'call',
        step: 'call',
        channel: 'call',
      }),
    ];
    const index = indexHistory(history, 'America/Los_Angeles');
    expect([...index.last.entries()].map(([id, e]) => `${id} ${e.event}`)).toEqual([
      'ana-ruiz.check-in.note.2026-11-01 sent',
      'ana-ruiz.check-in.note.2026-11-14 unknown',
      'ana-ruiz.check-in.note.2026-11-20 failed',
      'ana-ruiz.call.call.2026-11-21 done',
    ]);
    expect(index.lastDue).toEqual(
      new Map([
        [stepKey('ana-ruiz', 'check-in', 'note'), parseDay('2026-11-14')],
        [stepKey('ana-ruiz', 'call', 'call'), parseDay('2026-11-21')],
      ]),
    );
    expect(index.emailDays).toEqual(new Map([['ana-ruiz', [parseDay('2026-11-01'), parseDay('2026-11-14')]]]));
    expect(index.firstDay).toBe(parseDay('2026-11-01'));
  });

  it('is empty for no history', () => {
    expect(indexHistory([], 'Europe/London')).toEqual({ last: new Map(), lastDue: new Map(), emailDays: new Map(), firstDay: undefined });
  });
});
