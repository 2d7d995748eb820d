import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../calendar/index.ts';
import { ruleRank } from '../due-rules/index.ts';
import { byPriority, scheduleEmails, type Queued } from './pressure.ts';

const q = (plan: string, due: string, priority = 50, rule: Parameters<typeof ruleRank>[0] = 'every'): Queued => ({
  plan,
  step: 'send',
  due: parseDay(due),
  priority,
  rank: ruleRank(rule),
});

function schedule(
  touches: Queued[],
  from: string,
  days: number,
  options: { sent?: string[]; perWeek?: number; graceDays?: number; refuse?: (t: Queued, day: string) => string | undefined } = {},
) {
  const result = scheduleEmails(
    touches,
    parseDay(from),
    parseDay(from) + days - 1,
    (options.sent ?? []).map(parseDay),
    { perWeek: options.perWeek ?? 7, graceDays: options.graceDays ?? 5 },
    (t, day) => {
      const reason = options.refuse?.(t, formatDay(day));
      return reason === undefined ? undefined : { code: 'Unsubscribed', reason };
    },
  );
  return {
    placed: result.placed.map(({ touch, day }) => `${formatDay(day)} ${touch.plan}`),
    refused: result.refused.map(({ touch, day, reason }) => `${formatDay(day)} ${touch.plan}: ${reason.reason}`),
    expired: result.expired.map((t) => t.plan),
  };
}

describe('byPriority', () => {
  it('orders by plan priority, then rule kind, then due day, then plan and step', () => {
    const touches = [
      q('newsletter', '2026-12-01', 50, 'newsletter'),
      q('thanks', '2026-12-01', 50, 'after'),
      q('birthday', '2026-12-01', 70, 'anniversary'),
      q('b-check-in', '2026-11-30', 50, 'every'),
      q('a-check-in', '2026-11-30', 50, 'every'),
      q('late-check-in', '2026-11-29', 50, 'every'),
    ];
    expect(touches.toSorted(byPriority).map((t) => t.plan)).toEqual([
      'birthday',
      'thanks',
      'late-check-in',
      'a-check-in',
      'b-check-in',
      'newsletter',
    ]);
  });
});

describe('scheduleEmails', () => {
  it('sends one email a day; the loser moves to the next free day', () => {
    expect(
      schedule(
        [q('newsletter', '2026-12-01', 20, 'newsletter'), q('thanks', '2026-12-01', 90, 'after'), q('note', '2026-12-02')],
        '2026-12-01',
        5,
      ),
    ).toEqual({
      placed: ['2026-12-01 thanks', '2026-12-02 note', '2026-12-03 newsletter'],
      refused: [],
      expired: [],
    });
  });

  it('counts emails already sent that day and that week from history', () => {
    expect(
      schedule([q('a', '2026-12-01'), q('b', '2026-12-01')], '2026-12-01', 10, {
        sent: ['2026-12-01', '2026-11-26'],
        perWeek: 2,
        graceDays: 7,
      }),
    ).toEqual({
      placed: ['2026-12-03 a', '2026-12-08 b'],
      refused: [],
      expired: [],
    });
    expect(
      schedule([q('a', '2026-12-01'), q('b', '2026-12-01')], '2026-12-01', 10, {
        sent: ['2026-12-01', '2026-11-26'],
        perWeek: 2,
        graceDays: 6,
      }),
    ).toEqual({
      placed: ['2026-12-03 a'],
      refused: [],
      expired: ['b'],
    });
  });

  it('plans touches due before the first day on it, oldest first among equals', () => {
    expect(schedule([q('b', '2026-11-29'), q('a', '2026-11-28'), q('c', '2026-12-03')], '2026-12-01', 5)).toEqual({
      placed: ['2026-12-01 a', '2026-12-02 b', '2026-12-03 c'],
      refused: [],
      expired: [],
    });
  });

  it('gives up on a touch held back past the grace window', () => {
    expect(
      schedule([q('low', '2026-12-01', 10), q('a', '2026-12-01'), q('b', '2026-12-02'), q('c', '2026-12-03')], '2026-12-01', 10, {
        graceDays: 2,
      }),
    ).toEqual({
      placed: ['2026-12-01 a', '2026-12-02 b', '2026-12-03 c'],
      refused: [],
      expired: ['low'],
    });
  });

  it('leaves touches still waiting at the end for a later run', () => {
    expect(schedule([q('a', '2026-12-01'), q('b', '2026-12-01')], '2026-12-01', 1)).toEqual({
      placed: ['2026-12-01 a'],
      refused: [],
      expired: [],
    });
  });

  it('lets a check turn a touch down on the day it would go, freeing the day', () => {
    const refuse = (t: Queued, day: string) => (t.plan === 'a' && day >= '2026-12-02' ? 'unsubscribed on 2026-12-02' : undefined);
    expect(schedule([q('a', '2026-12-01', 10), q('b', '2026-12-01'), q('c', '2026-12-02', 5)], '2026-12-01', 5, { refuse })).toEqual({
      placed: ['2026-12-01 b', '2026-12-02 c'],
      refused: ['2026-12-02 a: unsubscribed on 2026-12-02'],
      expired: [],
    });
  });

  it("keeps the week's last room for a stronger touch due within six days", () => {
    const touches = [
      q('newsletter', '2026-12-01', 20, 'newsletter'),
      q('birthday', '2026-12-04', 70, 'anniversary'),
      q('note', '2026-12-05', 20),
    ];
    expect(schedule(touches, '2026-12-01', 7, { sent: ['2026-11-30'], perWeek: 2 })).toEqual({
      placed: ['2026-12-04 birthday', '2026-12-07 note'],
      refused: [],
      expired: ['newsletter'],
    });
    expect(schedule(touches, '2026-12-01', 7, { sent: [], perWeek: 2 })).toEqual({
      placed: ['2026-12-01 newsletter', '2026-12-04 birthday'],
      refused: [],
      expired: [],
    });
  });
});
