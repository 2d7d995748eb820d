import { describe, expect, it } from 'vitest';
import { dateOrderOf, readDay } from './dates.ts';

describe('readDay', () => {
  it.each([
    ['1980-04-03', undefined, { day: '1980-04-03' }],
    ['03/04/1980', 'DMY', { day: '1980-04-03' }],
    ['03/04/1980', 'MDY', { day: '1980-03-04' }],
    ['03/04/1980', undefined, { ambiguous: ['1980-04-03', '1980-03-04'] }],
    ['04/04/1980', undefined, { day: '1980-04-04' }],
    ['20/01/1991', 'MDY', { day: '1991-01-20' }],
    ['3.4.1980', 'MDY', { day: '1980-04-03' }],
    ['1980/4/3', undefined, { day: '1980-04-03' }],
    ['0/0/00', undefined, { blank: true }],
    ['0.0.00', undefined, { blank: true }],
    ['15', 'DMY', { invalid: true }],
    ['31/02/1980', 'DMY', { invalid: true }],
  ] as const)('reads %s (order %s)', (value, order, expected) => {
    expect(readDay(value, order, false)).toEqual(expected);
  });

  it('keeps a birthday without a year', () => {
    expect(readDay('--04-12', undefined, true)).toEqual({ day: '04-12' });
  });
});

describe('dateOrderOf', () => {
  it('takes the order from a date that has only one reading, and none from a file that says both', () => {
    expect(dateOrderOf(['03/04/1980', '25/12/1975'])).toBe('DMY');
    expect(dateOrderOf(['03/04/1980', '12/25/1975'])).toBe('MDY');
    expect(dateOrderOf(['03/04/1980'])).toBeUndefined();
    expect(dateOrderOf(['25/12/1975', '12/25/1975'])).toBeUndefined();
  });
});
