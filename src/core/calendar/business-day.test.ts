import { describe, expect, it } from 'vitest';
import { businessDate, businessDayOf, outsideSendWindow } from './business-day.ts';

describe('businessDate', () => {
  const fiveUtc = Temporal.Instant.from('2026-12-01T05:00:00Z');

  it('is still the previous day in Los Angeles at 05:00 UTC', () => {
    expect(businessDate(fiveUtc, 'America/Los_Angeles')).toEqual(Temporal.PlainDate.from('2026-11-30'));
  });

  it('is already the next day in Auckland at 12:00 UTC', () => {
    expect(businessDate(Temporal.Instant.from('2026-12-01T12:00:00Z'), 'Pacific/Auckland')).toEqual(Temporal.PlainDate.from('2026-12-02'));
  });

  it('is the same day in Auckland at 05:00 UTC, and in London', () => {
    expect(businessDate(fiveUtc, 'Pacific/Auckland')).toEqual(Temporal.PlainDate.from('2026-12-01'));
    expect(businessDate(fiveUtc, 'Europe/London')).toEqual(Temporal.PlainDate.from('2026-12-01'));
  });

  it('reads history moments written with any offset', () => {
    expect(
      ['2026-03-29T00:30:00Z', '2026-03-29T01:30:00+01:00', '2026-03-28T23:30:00-01:00'].map((m) => businessDayOf(m, 'Europe/London')),
    ).toEqual(['2026-03-29', '2026-03-29', '2026-03-29']);
    expect(businessDayOf('2026-07-01T11:59:00Z', 'Pacific/Auckland')).toBe('2026-07-01');
    expect(businessDayOf('2026-07-01T12:00:00Z', 'Pacific/Auckland')).toBe('2026-07-02');
  });
});

describe('outsideSendWindow', () => {
  const window = { start: '09:00', end: '17:00' };
  const at = (moment: string, zone = 'Europe/London') => outsideSendWindow(window, Temporal.Instant.from(moment), zone);

  it('is open from the start, up to but not at the end, on the business clock', () => {
    expect([at('2026-12-01T09:00:00Z'), at('2026-12-01T16:59:00Z')]).toEqual([undefined, undefined]);
    // 08:30 UTC is 09:30 in London in summer time.
    expect(at('2026-07-01T08:30:00Z')).toBeUndefined();
  });

  it('says why emails wait before the start and from the end', () => {
    expect(at('2026-12-01T06:15:00Z')).toBe('it is 06:15 in Europe/London, outside the send window 09:00–17:00: sent on a run inside it');
    expect(at('2026-12-01T17:00:00Z')).toBe('it is 17:00 in Europe/London, outside the send window 09:00–17:00: sent on a run inside it');
    // 17:00 UTC is 09:00 in Los Angeles: open there.
    expect(at('2026-12-01T17:00:00Z', 'America/Los_Angeles')).toBeUndefined();
  });
});
