/**
 * Start-up: how long each command an owner types often takes on the sample, from launch to exit,
 * beside `node -e 0` (issue 20: at most 0.35 s each). The median of several runs of each, the
 * commands taking turns, since the machine may be shared.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fmtMs, printTable } from './lib/measure.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = 7;
const dir = await mkdtemp(path.join(tmpdir(), 'referable-bench-startup-'));
const content = path.join(dir, 'content');
await cp(path.join(ROOT, 'content'), content, { recursive: true });

const COMMANDS: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  check: ['scripts/check.ts', '--content', content],
  plan: ['scripts/plan.ts', '--content', content, '--date', '2026-12-01'],
  report: ['scripts/report.ts', '--content', content, '--date', '2026-12-02', '--out', path.join(dir, 'report')],
  // Logging the same touch again writes nothing: every run does the same work.
  log: ['scripts/log.ts', 'tom-harris', '--channel', 'call', '--date', '2026-12-01', '--content', content],
};

const times = new Map<string, number[]>(Object.keys(COMMANDS).map((name) => [name, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, args] of Object.entries(COMMANDS)) {
    const start = performance.now();
    const done = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    const ms = performance.now() - start;
    if (done.status !== 0 && done.status !== 3) throw new Error(`${name} exited ${done.status}`);
    times.get(name)?.push(ms);
  }
}
await rm(dir, { recursive: true, force: true });

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times.get('node -e 0') ?? []);
console.log(`Each command on the sample content, median of ${RUNS} runs.\n`);
printTable(
  ['command', 'time', 'ratio to node -e 0', 'target'],
  [...times].map(([name, xs]) => [name, fmtMs(median(xs)), (median(xs) / base).toFixed(1), name === 'node -e 0' ? '' : '0.35 s']),
);
