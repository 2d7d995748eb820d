/** The hand-written day check agrees with Temporal's own on every month and day a file can spell. */
import { describe, expect, it } from 'vitest';
import { isCalendarDate, isMonthDay } from './common.ts';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function temporalAccepts(year: number, month: number, day: number): boolean {
  try {
    Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

// Leap-year edges (0, 100, 400, 1900, 2000, 2100), ordinary years and the ends of the range.
const YEARS = [0, 1, 4, 100, 400, 1582, 1600, 1700, 1900, 1999, 2000, 2023, 2024, 2025, 2026, 2028, 2100, 2400, 9996, 9999];

describe('isCalendarDate', () => {
  it('agrees with Temporal for every two-digit month and day in leap and common years', () => {
    const disagreements: string[] = [];
    for (const year of YEARS) {
      for (let month = 0; month <= 99; month++) {
        for (let day = 0; day <= 99; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (isCalendarDate(text) !== temporalAccepts(year, month, day)) disagreements.push(text);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('takes only YYYY-MM-DD', () => {
    expect(['2026-2-03', '2026-02-3', '26-02-03', '2026-02-03T00:00', ' 2026-02-03', '２０２６-02-03', ''].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('isMonthDay', () => {
  it('agrees with Temporal for every MM-DD, taking February 29 without a year', () => {
    const disagreements: string[] = [];
    for (let month = 0; month <= 99; month++) {
      for (let day = 0; day <= 99; day++) {
        const text = `${pad(month, 2)}-${pad(day, 2)}`;
        if (isMonthDay(text) !== temporalAccepts(2000, month, day)) disagreements.push(text);
        for (const year of [1900, 2023, 2024]) {
          const full = `${year}-${text}`;
          if (isMonthDay(full) !== temporalAccepts(year, month, day)) disagreements.push(full);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});
