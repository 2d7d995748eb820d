/**
 * The Actions bill (issue 20, point 4): each step of the daily and pull-request workflows, timed
 * locally with the same commands in a fresh clone of this commit, on the sample content. The
 * install is `npm ci --omit=dev` with the npm cache warm (as setup-node's `cache: npm` leaves
 * it); the full `npm ci` is timed after it for comparison. Aim: the daily workflow under 60 s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fmtMs, printTable } from './lib/measure.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
// A day on which the sample has emails and personal touches due.
const DAY = '2026-12-01';
const dir = await mkdtemp(path.join(tmpdir(), 'referable-bench-workflows-'));
const origin = path.join(dir, 'origin.git');
const job = path.join(dir, 'job');

// As on a runner: Node 26 first on PATH, no secrets, no identity of this machine's, a git
// identity for the commit step (Actions' checkout has one through the token).
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
  SMTP_URL: '',
  IMAP_URL: '',
  GITHUB_TOKEN: '',
  GITHUB_ACTIONS: '',
  GITHUB_STEP_SUMMARY: '',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.org',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.org',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_update_notifier: 'false',
};

type Row = { workflow: string; step: string; ms: number };
const rows: Row[] = [];

/** Runs one step's command in the job's checkout and records its time; a failed step stops the bench. */
function step(workflow: string, name: string, command: string, args: string[], cwd = job): void {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  // The daily job exits 3 when something needs the owner (the sample has such touches).
  if (run.status !== 0 && !(name.startsWith('npm run daily') && run.status === 3))
    throw new Error(`${name} exited ${run.status}:\n${run.error ?? (run.stderr || run.stdout)}`);
  rows.push({ workflow, step: name, ms });
}

try {
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', origin], { env });
  execFileSync('git', ['push', '--quiet', origin, 'HEAD:refs/heads/main'], { cwd: ROOT, env });
  const base = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();

  // actions/checkout: one commit deep.
  step('both', 'checkout (git clone --depth 1)', 'git', ['clone', '--quiet', '--depth', '1', `file://${origin}`, job], dir);
  step('both', 'npm ci --omit=dev (npm cache warm)', 'npm', ['ci', '--omit=dev']);

  step('daily', `npm run daily -- --date ${DAY}`, 'npm', ['run', 'daily', '--', '--date', DAY]);
  step('daily', 'npm run report', 'npm', ['run', 'report', '--', '--date', DAY]);
  step('daily', 'npm run commit-history', 'npm', ['run', 'commit-history']);

  step('pull request', 'npm run check', 'npm', ['run', 'check']);
  step('pull request', 'npm run plan -- --days 14 --json', 'npm', [
    'run',
    '--silent',
    'plan',
    '--',
    '--days',
    '14',
    '--json',
    '--date',
    DAY,
  ]);
  step('pull request', 'npm run preview -- --days 14', 'npm', ['run', 'preview', '--', '--days', '14', '--out', 'preview', '--date', DAY]);
  step('pull request', 'npm run plan-base', 'npm', [
    'run',
    'plan-base',
    '--',
    '--ref',
    base,
    '--days',
    '14',
    '--out',
    'base-plan.json',
    '--date',
    DAY,
  ]);

  // For comparison: what the install cost before, with every devDependency.
  await rm(path.join(job, 'node_modules'), { recursive: true, force: true });
  step('(before)', 'npm ci (all dependencies, npm cache warm)', 'npm', ['ci']);
} finally {
  await rm(dir, { recursive: true, force: true });
}

const total = (workflow: string) => rows.filter((r) => r.workflow === workflow || r.workflow === 'both').reduce((sum, r) => sum + r.ms, 0);
const install = rows.find((r) => r.step.startsWith('npm ci --omit'))?.ms ?? 0;
const full = rows.find((r) => r.workflow === '(before)')?.ms ?? 0;
console.log(`Each workflow step run locally in a fresh clone, on the sample content (${DAY}).\n`);
printTable(
  ['workflow', 'step', 'time'],
  [
    ...rows.map((r) => [r.workflow, r.step, fmtMs(r.ms)]),
    ['daily', 'whole run (checkout to commit)', fmtMs(total('daily'))],
    ['pull request', 'whole run (checkout to plan-base)', fmtMs(total('pull request'))],
  ],
);
console.log(`\nDaily workflow: ${fmtMs(total('daily'))} (target under 60 s).`);
console.log(`Install: npm ci --omit=dev takes ${(install / full).toFixed(2)} of a full npm ci.`);
