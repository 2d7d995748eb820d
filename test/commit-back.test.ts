import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './helpers/run-script.ts';
import { removeTree } from './helpers/temp-dir.ts';

// The machine's own git identity must not leak in: the job's checkout has none, as on Actions.
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
const line = (touch: string) => `${JSON.stringify({ event: 'sent', at: '2026-11-25T07:00:00Z', touch })}\n`;

function commitHistory(cwd: string, args: string[] = []) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/commit-history.js'), ...args], { cwd, env, encoding: 'utf8' });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe('committing history back', () => {
  let dir: string;
  let origin: string;
  let job: string;
  let owner: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referable-git-'));
    origin = path.join(dir, 'origin.git');
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
    const seed = path.join(dir, 'seed');
    git(dir, 'clone', '--quiet', origin, seed);
    for (const [k, v] of [
      ['user.name', 'Owner'],
      ['user.email', 'owner@example.com'],
    ])
      git(seed, 'config', k, v);
    mkdirSync(path.join(seed, 'content/history'), { recursive: true });
    writeFileSync(path.join(seed, '.gitattributes'), readFileSync(path.join(ROOT, '.gitattributes')));
    writeFileSync(path.join(seed, '.gitignore'), readFileSync(path.join(ROOT, '.gitignore')));
    writeFileSync(path.join(seed, 'content/history/2026-11.jsonl'), line('first'));
    writeFileSync(path.join(seed, 'content/settings.yaml'), 'business: {}\n');
    git(seed, 'add', '.');
    git(seed, 'commit', '--quiet', '-m', 'seed');
    git(seed, 'push', '--quiet', 'origin', 'main');
    job = path.join(dir, 'job');
    owner = path.join(dir, 'owner');
    git(dir, 'clone', '--quiet', origin, job);
    git(dir, 'clone', '--quiet', origin, owner);
    for (const [k, v] of [
      ['user.name', 'Owner'],
      ['user.email', 'owner@example.com'],
    ])
      git(owner, 'config', k, v);
  });
  afterEach(() => removeTree(dir));

  it('commits new history and pushes it', () => {
    appendFileSync(path.join(job, 'content/history/2026-11.jsonl'), line('job-1'));
    const run = commitHistory(job);
    expect(run).toEqual({ code: 0, out: 'Committed and pushed the history.\n' });
    expect(git(origin, 'log', '--format=%s|%an', 'main')).toBe('chore(history): record the daily run|github-actions[bot]\nseed|Owner');
  });

  it('rebases onto a push that landed meanwhile and keeps every history line', () => {
    appendFileSync(path.join(job, 'content/history/2026-11.jsonl'), line('job-1'));
    // The owner merges a content change and, by hand, a history line of their own.
    writeFileSync(path.join(owner, 'content/settings.yaml'), 'business: {name: Changed}\n');
    appendFileSync(path.join(owner, 'content/history/2026-11.jsonl'), line('owner-1'));
    git(owner, 'commit', '--quiet', '-am', 'owner change');
    git(owner, 'push', '--quiet', 'origin', 'main');

    const run = commitHistory(job);
    expect(run).toEqual({ code: 0, out: 'Committed and pushed the history after rebasing 1 time.\n' });
    expect(git(origin, 'log', '--format=%s', 'main').split('\n')).toEqual(['chore(history): record the daily run', 'owner change', 'seed']);
    const history = git(origin, 'show', 'main:content/history/2026-11.jsonl')
      .split('\n')
      .map((l) => JSON.parse(l).touch);
    expect(history.toSorted()).toEqual(['first', 'job-1', 'owner-1']);
    expect(git(origin, 'show', 'main:content/settings.yaml')).toBe('business: {name: Changed}');
  });

  it('never commits the run lock a killed run left behind (issue 15)', () => {
    appendFileSync(path.join(job, 'content/history/2026-11.jsonl'), line('job-1'));
    writeFileSync(
      path.join(job, 'content/history/.lock'),
      '{"pid":1,"host":"ci","since":"2026-11-25T07:00:00Z","command":"npm run daily"}\n',
    );
    writeFileSync(path.join(job, 'content/history/.lock.4242'), '{}\n');
    expect(commitHistory(job).code).toBe(0);
    expect(git(origin, 'show', '--name-only', '--format=', 'main')).toBe('content/history/2026-11.jsonl');
  });

  it('does nothing when there is no new history', () => {
    expect(commitHistory(job)).toEqual({ code: 0, out: 'Nothing new in content/history/ or from intake to commit.\n' });
    expect(git(origin, 'rev-list', '--count', 'main')).toBe('1');
  });

  it('commits what intake wrote to contacts and testimonials, and nothing else', () => {
    mkdirSync(path.join(job, 'content/contacts'));
    mkdirSync(path.join(job, 'content/testimonials'));
    writeFileSync(path.join(job, 'content/contacts/ana-ruiz.yaml'), 'name: Ana Ruiz\nunsubscribed: {date: 2026-11-25}\n');
    writeFileSync(path.join(job, 'content/testimonials/ana-ruiz-reply-2026-11-25.mdx'), '---\nstatus: draft\n---\n');
    writeFileSync(path.join(job, 'content/settings.yaml'), 'business: {name: Not by the job}\n');
    expect(commitHistory(job).code).toBe(0);
    expect(git(origin, 'show', '--name-only', '--format=', 'main').split('\n')).toEqual([
      'content/contacts/ana-ruiz.yaml',
      'content/testimonials/ana-ruiz-reply-2026-11-25.mdx',
    ]);
  });

  it('answers a number of attempts that is not one with a usage line, and commits nothing', () => {
    appendFileSync(path.join(job, 'content/history/2026-11.jsonl'), line('job-1'));
    expect(commitHistory(job, ['--attempts', 'x'])).toEqual({ code: 2, out: '--attempts x is not a whole number of pushes from 1\n' });
    expect(git(origin, 'rev-list', '--count', 'main')).toBe('1');
  });

  it('says which change conflicts, without a stack, when the owner edited the same contact meanwhile', () => {
    for (const clone of [job, owner]) mkdirSync(path.join(clone, 'content/contacts'), { recursive: true });
    writeFileSync(path.join(owner, 'content/contacts/ana-ruiz.yaml'), 'name: Ana Ruiz-Moreno\n');
    git(owner, 'add', '.');
    git(owner, 'commit', '--quiet', '-m', 'owner edits Ana');
    git(owner, 'push', '--quiet', 'origin', 'main');
    writeFileSync(path.join(job, 'content/contacts/ana-ruiz.yaml'), 'name: Ana Ruiz\nunsubscribed: {date: 2026-11-25}\n');
    const run = commitHistory(job);
    expect(run.code).toBe(1);
    expect(run.out).toContain("Committed the run's changes but they conflict with what was pushed meanwhile, so nothing was pushed:");
    expect(run.out).toContain('content/contacts/ana-ruiz.yaml');
    expect(run.out).not.toMatch(/^\s+at /m);
    expect(git(origin, 'log', '--format=%s', 'main').split('\n')).toEqual(['owner edits Ana', 'seed']);
  });
});
