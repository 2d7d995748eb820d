import { describe, expect, it } from 'vitest';
import { parseDay } from '../calendar/index.ts';
import { lastEntries, unsettledUnknowns } from './send-journal.ts';
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
    expect(indexHistory([], 'Europe/London')).toEqual({
      last: new Map(),
      lastDue: new Map(),
      emailDays: new Map(),
      lastTouch: new Map(),
      firstDay: undefined,
    });
  });

  it("finds each contact's last touch of any plan: emails sent, touches done, touches logged by hand", () => {
    const tom = (event: string, at: string, plan: string, channel: string, due: string, extra: object = {}) =>
      HistoryEntrySchema.parse({
        event,
        at,
        touch: `tom-harris.${plan}.x.${due}`,
        contact: 'tom-harris',
        plan,
        step: 'x',
        due,
        channel,
        ...extra,
      });
    const history = [
      entry('claimed', '2026-11-03T09:00:00Z', '2026-11-03'),
      entry('sent', '2026-11-03T09:00:01Z', '2026-11-03'),
      // Ana's later email whose outcome is unknown may not have reached her: no touch.
      entry('claimed', '2026-11-20T09:00:00Z', '2026-11-20'),
      entry('unknown', '2026-11-21T09:00:00Z', '2026-11-20', { reason: 'no reply after DATA' }),
      // Tom's call was done (its issue closed) on the 12th, two days after it was due.
      tom('sent', '2026-11-10T09:00:00Z', 'calls', 'call', '2026-11-10', { response: 'issue #68' }),
      tom('done', '2026-11-12T19:00:00Z', 'calls', 'call', '2026-11-10', { issue: 68 }),
      // A coffee on the 20th, logged a week later.
      tom('done', '2026-11-27T10:00:00Z', 'manual', 'meeting', '2026-11-20'),
      // A card handed over as a task is not a touch until it is done.
      tom('claimed', '2026-11-26T09:00:00Z', 'cards', 'card', '2026-11-26'),
      tom('sent', '2026-11-26T09:00:01Z', 'cards', 'card', '2026-11-26', { response: 'task written to outbox/tasks.md' }),
    ];
    expect(indexHistory(history, 'Europe/London').lastTouch).toEqual(
      new Map([
        ['ana-ruiz', { day: parseDay('2026-11-03'), channel: 'email' }],
        ['tom-harris', { day: parseDay('2026-11-20'), channel: 'meeting' }],
      ]),
    );
  });
});

describe('a note beside a touch (issue 16, point 2)', () => {
  it('is never the touch’s state: a sent email with a full mailbox noted stays sent, and an unknown one stays in doubt', () => {
    const note = (due: string, at: string) =>
      entry('noted', at, due, {
        reason: "the recipient's mailbox was full: 552 5.2.2 Mailbox full",
        code: 'MailboxFull',
        evidence: `email <b-${due}@mx.example> of ${due}`,
      });
    const history = [
      entry('claimed', '2026-11-01T09:00:00Z', '2026-11-01'),
      entry('sent', '2026-11-01T09:00:01Z', '2026-11-01'),
      note('2026-11-01', '2026-11-02T09:00:00Z'),
      entry('claimed', '2026-11-14T09:00:00Z', '2026-11-14'),
      entry('unknown', '2026-11-15T09:00:00Z', '2026-11-14', { reason: 'no reply after DATA' }),
      note('2026-11-14', '2026-11-15T10:00:00Z'),
    ];
    const index = indexHistory(history, 'Europe/London');
    expect([...index.last.values()].map((e) => e.event)).toEqual(['sent', 'unknown']);
    expect([...lastEntries(history).values()].map((e) => e.event)).toEqual(['sent', 'unknown']);
    expect(unsettledUnknowns(history).map((e) => e.touch)).toEqual(['ana-ruiz.check-in.note.2026-11-14']);
    expect(index.lastTouch.get('ana-ruiz')).toEqual({ day: parseDay('2026-11-01'), channel: 'email' });
  });
});
