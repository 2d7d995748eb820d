/**
 * `npm run plan-base` as the pull-request workflow runs it: in a clone whose branch changed the
 * content, it plans the base commit with that commit's own code and content (issue 17).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './helpers/run-script.ts';
import { removeTree } from './helpers/temp-dir.ts';

const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
const node = (cwd: string, ...args: string[]) => {
  const run = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};
type Planned = { contact: string; plan: string }[];

describe('npm run plan-base', () => {
  let dir: string;
  let checkout: string;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referable-plan-base-'));
    const origin = path.join(dir, 'origin.git');
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
    checkout = path.join(dir, 'checkout');
    git(dir, 'clone', '--quiet', origin, checkout);
    // The project as committed: its code, its layouts and its sample content.
    const archive = spawnSync('git', ['archive', '--format=tar', 'HEAD'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
    spawnSync('tar', ['-x', '-C', checkout], { input: archive.stdout });
    const commit = (message: string) => {
      git(checkout, 'add', '.');
      git(checkout, '-c', 'user.name=Owner', '-c', 'user.email=owner@example.com', 'commit', '--quiet', '-m', message);
      return git(checkout, 'rev-parse', 'HEAD');
    };
    base = commit('base');
    git(checkout, 'push', '--quiet', 'origin', 'main');
    git(checkout, 'switch', '--quiet', '--create', 'change');
    // The change: Ana Ruiz unsubscribes, so the branch no longer sends her the newsletter.
    const ana = path.join(checkout, 'content/contacts/ana-ruiz.yaml');
    writeFileSync(ana, `${readFileSync(ana, 'utf8')}unsubscribed:\n  date: 2026-11-20\n  evidence: Her email of 20 November\n`);
    commit('Ana unsubscribes');
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'));
  }, 120_000);
  afterAll(() => removeTree(dir));

  it("plans the base commit's content with its own code, and leaves no worktree behind", { timeout: 120_000 }, () => {
    const out = path.join(dir, 'base-plan.json');
    const run = node(checkout, 'scripts/plan-base.js', '--ref', base, '--out', out, '--date', '2026-12-01', '--days', '1');
    expect(run).toMatchObject({ code: 0, stdout: `Planned the base commit ${base.slice(0, 12)} into ${out}.\n` });
    const branch = node(checkout, 'scripts/plan.js', '--json', '--date', '2026-12-01', '--days', '1');
    expect(branch.code).toBe(0);
    const newsletter = (plan: Planned) => plan.filter((t) => t.plan === 'monthly-newsletter').map((t) => t.contact);
    const before = JSON.parse(readFileSync(out, 'utf8')) as Planned;
    const after = JSON.parse(branch.stdout) as Planned;
    expect(newsletter(before)).toContain('ana-ruiz');
    expect(newsletter(before).filter((c) => !newsletter(after).includes(c))).toEqual(['ana-ruiz']);
    expect(after.length).toBe(before.length - 1);
    expect(git(checkout, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(git(checkout, 'status', '--porcelain')).toBe('');
  });

  it('says why a base it cannot plan is left out, writes nothing and exits 0', { timeout: 120_000 }, () => {
    const out = path.join(dir, 'missing-plan.json');
    const run = node(checkout, 'scripts/plan-base.js', '--ref', 'f'.repeat(40), '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^The base commit ffffffffffff could not be planned, so the comment gives this branch's plan alone:\n {2}\S/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('answers a command line without --ref or --out with its usage', () => {
    expect(node(checkout, 'scripts/plan-base.js', '--out', 'x.json')).toMatchObject({
      code: 2,
      stderr: 'npm run plan-base -- --ref SHA --out FILE [--days N] [--date YYYY-MM-DD]\n',
    });
  });
});
