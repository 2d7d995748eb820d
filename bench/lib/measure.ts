/** Small measuring helpers for benchmarks: wall time, rates and peak memory. */

export type Timing = { ms: number; heapMB: number };

/** Runs `fn` once (after an optional warm-up run) and returns its wall time. */
export async function timeIt<T>(fn: () => T | Promise<T>, { warmup = false } = {}): Promise<Timing & { value: T }> {
  if (warmup) await fn();
  globalThis.gc?.();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  return { ms, heapMB: process.memoryUsage().heapUsed / 2 ** 20, value };
}

export function perSecond(count: number, ms: number): string {
  return Math.round((count / ms) * 1000).toLocaleString('en');
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** Prints rows as an aligned plain-text table. */
export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  for (const [n, row] of cells.entries()) {
    console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/**
 * The sizes a benchmark runs: `--sizes 100,5000` (or bare numbers, `node bench/x.ts 100 5000`),
 * else `defaults`. Anything but whole numbers stops the benchmark with one line.
 */
export function sizesArg(defaults: number[], argv = process.argv.slice(2)): number[] {
  const at = argv.indexOf('--sizes');
  const given = at >= 0 ? (argv[at + 1] ?? '').split(',') : argv.filter((a) => !a.startsWith('--'));
  if (!given.length) return defaults;
  const sizes = given.map((n) => n.trim().replaceAll('_', ''));
  if (sizes.some((n) => !/^[1-9]\d*$/.test(n))) {
    console.error(`--sizes should be whole numbers separated by commas, such as 100,5000, not "${given.join(',')}"`);
    process.exit(2);
  }
  return sizes.map(Number);
}
