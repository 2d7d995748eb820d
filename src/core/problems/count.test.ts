import { describe, expect, it } from 'vitest';
import { countOf, groupThousands } from './count.ts';

describe('countOf', () => {
  it('writes one and many, with the thousands grouped as English does', () => {
    expect([countOf(0, 'touch', 'touches'), countOf(1, 'touch', 'touches'), countOf(2, 'row')]).toEqual(['0 touches', '1 touch', '2 rows']);
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 123456789]) expect(groupThousands(n)).toBe(n.toLocaleString('en'));
  });
});
