/**
 * Start-up: how long each command an owner types often takes on the sample, from launch to exit,
 * beside `node -e 0` (issue 20: at most 0.35 s each for check, plan, report and log). The median
 * of several runs of each, the commands taking turns, since the machine may be shared. Each is
 * timed with Node's compile cache warm (a cache folder of its own, filled by one run first) and
 * without it (NODE_DISABLE_COMPILE_CACHE=1: every module compiled and stripped of types afresh).
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fmtMs, printTable } from './lib/measure.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const dir = await mkdtemp(path.join(tmpdir(), 'referable-bench-startup-'));
const content = path.join(dir, 'content');
await cp(path.join(ROOT, 'content'), content, { recursive: true });

const COMMANDS: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  check: ['scripts/check.js', '--content', content],
  plan: ['scripts/plan.js', '--content', content, '--date', '2026-12-01'],
  report: ['scripts/report.js', '--content', content, '--date', '2026-12-02', '--out', path.join(dir, 'report')],
  // Logging the same touch again writes nothing: every run does the same work.
  log: ['scripts/log.js', 'tom-harris', '--channel', 'call', '--date', '2026-12-01', '--content', content],
  'plan --contact': ['scripts/plan.js', '--content', content, '--date', '2026-12-01', '--contact', 'tom-harris'],
  'report --contact': ['scripts/report.js', '--content', content, '--date', '2026-12-02', '--contact', 'tom-harris'],
  // Heavier on purpose (it compiles the MJML layouts): shown for comparison, with no target.
  preview: ['scripts/preview.js', '--content', content, '--date', '2026-12-01', '--out', path.join(dir, 'preview')],
};
const TARGETED = new Set(['check', 'plan', 'report', 'log']);
const cache = path.join(dir, 'compile-cache');
// Node turns the cache off when NODE_DISABLE_COMPILE_CACHE is set at all, even to '': the warm
// runs must not have it in their environment.
const { NODE_DISABLE_COMPILE_CACHE: _, ...inherited } = process.env;
const MODES = {
  warm: { ...inherited, NODE_COMPILE_CACHE: cache },
  none: { ...inherited, NODE_DISABLE_COMPILE_CACHE: '1' },
};
// Fills the cache: the first run of each command writes it.
for (const args of Object.values(COMMANDS)) spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env: MODES.warm });

const times = new Map<string, number[]>(Object.keys(COMMANDS).flatMap((name) => Object.keys(MODES).map((mode) => [`${name} ${mode}`, []])));
for (let run = 0; run < RUNS; run++) {
  for (const [name, args] of Object.entries(COMMANDS)) {
    for (const [mode, env] of Object.entries(MODES)) {
      const start = performance.now();
      const done = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore', env });
      const ms = performance.now() - start;
      if (done.status !== 0 && done.status !== 3) throw new Error(`${name} exited ${done.status}`);
      times.get(`${name} ${mode}`)?.push(ms);
    }
  }
}
await rm(dir, { recursive: true, force: true });

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times.get('node -e 0 none') ?? []);
const of = (name: string, mode: string) => median(times.get(`${name} ${mode}`) ?? []);
console.log(`Each command on the sample content, median of ${RUNS} runs, with the compile cache warm and without it.\n`);
printTable(
  ['command', 'cache warm', 'ratio to node -e 0', 'no cache', 'ratio to node -e 0', 'target'],
  Object.keys(COMMANDS).map((name) => [
    name,
    fmtMs(of(name, 'warm')),
    (of(name, 'warm') / base).toFixed(1),
    fmtMs(of(name, 'none')),
    (of(name, 'none') / base).toFixed(1),
    TARGETED.has(name) ? '0.35 s' : '',
  ]),
);
