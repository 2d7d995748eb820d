import { describe, expect, it } from 'vitest';
import { dayName } from './contact-day-text.ts';

describe('dayName', () => {
  it("writes every day of a leap year and the next as Intl.DateTimeFormat('en-GB') does", () => {
    const intl = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    const mismatches: string[] = [];
    for (let day = Temporal.PlainDate.from('2028-01-01'); day.year < 2030; day = day.add({ days: 1 })) {
      if (dayName(day) !== intl.format(day)) mismatches.push(`${day}: ${dayName(day)} ≠ ${intl.format(day)}`);
    }
    expect(mismatches).toEqual([]);
    expect(dayName('2026-12-01')).toBe('Tue, 1 Dec 2026');
  });
});
