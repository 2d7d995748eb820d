/**
 * A count as the commands write it: `1 touch`, `2 touches`, `1,234 rows`. The thousands are grouped
 * here rather than by `toLocaleString`: the first Intl call of a process loads ICU's data, which
 * took some 18 ms of `npm run plan`'s start for numbers that are nearly always below 1,000.
 */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${groupThousands(n)} ${n === 1 ? one : many}`;
}

/** `1234567` → `1,234,567`, as English writes a whole number. */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
