/**
 * Partly bad input in the daily job (issue 6): a broken contact holds back only that contact, a
 * broken plan only that plan's touches, and broken settings stop the job before anything is sent.
 * Each case runs the real command on a temp copy of the email fixture.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE } from './helpers/email-fixture.ts';
import { runScript } from './helpers/run-script.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

let dir = '';
afterEach(() => removeTree(dir));

async function setup() {
  dir = await writeTree({});
  await cp(FIXTURE, path.join(dir, 'content'), { recursive: true });
  return path.join(dir, 'content');
}
const outbox = () => path.join(dir, 'outbox');
const daily = (content: string, date = '2026-11-03', env: NodeJS.ProcessEnv = {}) =>
  runScript('daily', ['--content', content, '--outbox', outbox(), '--date', date], {
    SMTP_URL: '',
    GITHUB_TOKEN: '',
    GITHUB_STEP_SUMMARY: '',
    ...env,
  });
const history = async (content: string) =>
  (await readFile(path.join(content, 'history', '2026-11.jsonl'), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const counts = (stdout: string) => Object.fromEntries([...stdout.matchAll(/^ {2}(\w+) +(\d+)/gm)].map((m) => [m[1], Number(m[2])]));
const edit = async (file: string, from: string, to: string) => {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  await writeFile(file, text.replace(from, to));
};

describe('npm run daily with partly bad content', () => {
  it('reports a broken contact file and skips only that contact', async () => {
    const content = await setup();
    await edit(path.join(content, 'contacts/priya-patel.yaml'), 'date: "2025-01-20"', 'date: "2025-02-30"');
    const run = await daily(content);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${content}/contacts/priya-patel.yaml:7:`);
    expect(run.stderr).toContain('consent.email.date: "2025-02-30" is not a real date');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(counts(run.stdout)).toMatchObject({ sent: 2, tasks: 1 });
    expect(run.stdout).toContain('1 problem in the content, each shown with its file and line');
    expect((await readdir(outbox())).sort()).toEqual([
      'ana-ruiz.monthly-newsletter.send.2026-11-03.eml',
      'tasks-2026-11-03.md',
      'tom-harris.monthly-newsletter.send.2026-11-03.eml',
    ]);
    expect((await history(content)).filter((e) => e.contact === 'priya-patel')).toEqual([]);

    // Fixed the next day: her newsletter is still inside the grace window and goes out, once.
    await edit(path.join(content, 'contacts/priya-patel.yaml'), 'date: "2025-02-30"', 'date: "2025-01-20"');
    const fixed = await daily(content, '2026-11-04');
    expect(fixed.code).toBe(0);
    expect(counts(fixed.stdout)).toMatchObject({ sent: 1, tasks: 0 });
    expect(await readdir(outbox())).toContain('priya-patel.monthly-newsletter.send.2026-11-03.eml');
  });

  it('holds back a broken plan’s touches and sends the rest', async () => {
    const content = await setup();
    await edit(path.join(content, 'plans/catch-up-call.yaml'), 'rule: yearly', 'rule: yaerly');
    const run = await daily(content);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${content}/plans/catch-up-call.yaml:6:18 steps[0].due.rule: should name a rule`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(counts(run.stdout)).toMatchObject({ sent: 3, skipped: 1, tasks: 0 });
    expect((await history(content)).filter((e) => e.plan === 'catch-up-call')).toEqual([]);

    await edit(path.join(content, 'plans/catch-up-call.yaml'), 'rule: yaerly', 'rule: yearly');
    const fixed = await daily(content, '2026-11-04');
    expect(fixed.code).toBe(0);
    expect(counts(fixed.stdout)).toMatchObject({ sent: 0, tasks: 1 });
    expect(fixed.stdout).toContain('Call Ana to catch up (Ana Ruiz, 2026-11-04)');
  });

  it('sends nothing when the settings are broken, and says so in the job summary', async () => {
    const content = await setup();
    await edit(path.join(content, 'settings.yaml'), 'email: maya@harbourhill.example', 'email: maya-at-harbourhill');
    const summary = path.join(dir, 'summary.md');
    const run = await daily(content, '2026-11-03', { GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${content}/settings.yaml:16:10 sender.email: "maya-at-harbourhill" is not an email address`);
    expect(run.stderr).toContain('Nothing was sent: the settings have problems');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    await expect(readdir(outbox())).rejects.toThrow();
    expect(await history(content)).toEqual([]);
    expect(await readFile(summary, 'utf8')).toContain('## Daily run stopped');
  });

  it('sends nothing when a history file is broken, since that could send a touch twice', async () => {
    const content = await setup();
    const claim = {
      event: 'claimed',
      at: '2026-11-02T09:00:00Z',
      touch: 'x.y.z.2026-11-02',
      contact: 'x',
      plan: 'y',
      step: 'z',
      due: '2026-11-02',
      channel: 'email',
    };
    await mkdir(path.join(content, 'history'));
    await writeFile(path.join(content, 'history/2026-10.jsonl'), `${JSON.stringify({ ...claim, event: 'sent', channel: 'fax' })}\n`);
    const run = await daily(content);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Nothing was sent: history has problems');
    await expect(readdir(outbox())).rejects.toThrow();
  });
});

// Issue 15 point 9: a broken SMTP_URL or a history folder in the wrong shape stops the job with
// one clear line, and nothing is sent or recorded.
describe('npm run daily with a broken secret or history folder', () => {
  it('says how to write SMTP_URL when it has a bad %-escape, and never echoes it', async () => {
    const content = await setup();
    const run = await daily(content, '2026-11-03', { SMTP_URL: 'smtps://maya:pa%ZZss-s3cret@smtp.example.com:465' });
    expect(run.stderr).toContain('SMTP_URL is not an smtp:// or smtps:// URL like smtps://USER:PASSWORD@HOST:465');
    expect(run.stderr).not.toContain('s3cret');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(2);
    expect(await history(content)).toEqual([]);
  });

  it('stops when history/ is a file', async () => {
    const content = await setup();
    await writeFile(path.join(content, 'history'), 'not a folder\n');
    const run = await daily(content);
    expect(run.stderr).toContain(`${content}/history is a file, where the folder history/ belongs`);
    expect(run.stderr).toContain('Nothing was sent: history has problems');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(1);
    await expect(readdir(outbox())).rejects.toThrow();
  });

  it('stops when a month of history is a folder', async () => {
    const other = await setup();
    await mkdir(path.join(other, 'history/2026-11.jsonl'), { recursive: true });
    const again = await daily(other);
    expect(again.stderr).toContain(`${other}/history/2026-11.jsonl is a folder, where a file belongs`);
    expect(again.stderr).toContain('Nothing was sent: history has problems');
    expect(again.stderr).not.toMatch(/\n\s+at /);
    expect(again.code).toBe(1);
  });
});
