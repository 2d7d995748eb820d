/**
 * Issue 12: the README's two commands in its order. `npm start` writes the day's history into
 * the sample, and the tests must pass after it, because they read the sample as committed.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-script.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

let dir = '';
let checkout = '';
const run = (command: string, args: string[]) =>
  spawnSync(command, args, {
    cwd: checkout,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SMTP_URL: '', GITHUB_TOKEN: '', IMAP_URL: '' },
  });

beforeAll(async () => {
  dir = await writeTree({}, 'referable-checkout-');
  checkout = path.join(dir, 'referable');
  expect(spawnSync('git', ['clone', '--quiet', ROOT, checkout]).status).toBe(0);
  await symlink(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'));
});
afterAll(() => removeTree(dir));

describe('a checkout after npm start', () => {
  it('runs the showcase day, writing its history into the sample', () => {
    const start = run('npm', ['start']);
    expect(start.stderr).not.toMatch(/^\s+at /m);
    expect(start.status).toBe(0);
    expect(start.stdout).toMatch(/^\n(> .*\n)+\nShowing the sample's showcase day, 2026-12-01 \(settings\.showcaseDay\)/);
    expect(start.stdout).toMatch(/^ {2}sent {8}33$/m);
    expect(run('git', ['status', '--porcelain']).stdout).toBe('?? content/history/2026-12.jsonl\n');
  });

  it('does what the README says it does', async () => {
    const readme = await readFile(path.join(checkout, 'README.md'), 'utf8');
    const said = /the monthly newsletter goes to (\d+) contacts/.exec(readme.replace(/\s+/g, ' '))?.[1];
    const newsletters = (await readdir(path.join(checkout, 'outbox'))).filter((f) => f.includes('.monthly-newsletter.'));
    expect(Number(said)).toBe(newsletters.length);
  });

  it('still passes a suite that reads the sample', () => {
    const suite = run(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/plan-command.test.ts']);
    expect(suite.stdout + suite.stderr).toMatch(/Tests +\d+ passed/);
    expect(suite.status).toBe(0);
  });
});
