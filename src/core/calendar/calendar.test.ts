import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, civilOf, clampedDayOf, dayOf, dayOfPlainDate, formatDay, monthsBetween, parseDay, plainDates } from './calendar.ts';

const EPOCH = Temporal.PlainDate.from('1970-01-01');
const temporalDay = (d: Temporal.PlainDate) => EPOCH.until(d, { largestUnit: 'days' }).days;

describe('day numbers', () => {
  it('agree with Temporal for fixed dates, leap days and centuries included', () => {
    const dates = ['1970-01-01', '1969-12-31', '2000-02-29', '1900-03-01', '2024-02-29', '2026-12-31', '2100-02-28'];
    expect(dates.map((d) => [parseDay(d), formatDay(parseDay(d))])).toEqual(dates.map((d) => [temporalDay(Temporal.PlainDate.from(d)), d]));
  });

  it('agree with Temporal for any day from 1900 to 2200, there and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (n) => {
        const date = EPOCH.add({ days: n });
        expect(dayOfPlainDate(date)).toBe(n);
        expect(civilOf(n)).toEqual({ year: date.year, month: date.month, day: date.day });
        expect(plainDates()(n)).toEqual(date);
      }),
    );
  });

  it('add months as Temporal does: a day past the month end falls on its last day', () => {
    expect([1, 2, 3, 13].map((m) => formatDay(addMonths(parseDay('2026-01-31'), m)))).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2027-02-28',
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: -40, max: 40 }), (n, months) => {
        expect(addMonths(n, months)).toBe(dayOfPlainDate(EPOCH.add({ days: n }).add({ months })));
      }),
    );
  });

  it('count months between the months of two days and clamp days to the month', () => {
    expect(monthsBetween(parseDay('2025-11-30'), parseDay('2026-02-01'))).toBe(3);
    expect(monthsBetween(parseDay('2026-02-01'), parseDay('2025-11-30'))).toBe(-3);
    expect([formatDay(clampedDayOf(2026, 2, 31)), formatDay(clampedDayOf(2028, 2, 30)), formatDay(dayOf(2026, 4, 30))]).toEqual([
      '2026-02-28',
      '2028-02-29',
      '2026-04-30',
    ]);
  });

  it('shares one PlainDate per day', () => {
    const date = plainDates();
    expect(date(20_000)).toBe(date(20_000));
  });
});
