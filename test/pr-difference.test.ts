/** The pull-request comment as a difference: the branch's next 14 days against the base branch's (issue 17). */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

const DAYS = ['--date', '2026-12-01', '--days', '14'];
let work: string;

/** `npm run plan -- --json` on `content`, written to `file`. */
async function plan(content: string, file: string): Promise<string> {
  const run = await runScript('plan', ['--content', content, ...DAYS, '--json']);
  expect(run.stderr).toBe('');
  await writeFile(file, run.stdout);
  return file;
}

/** The difference section of the comment `pr-summary` prints. */
async function difference(base: string, head: string): Promise<string> {
  const run = await runScript('pr-summary', ['--plan', head, '--base', base]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout.slice(run.stdout.indexOf('### What this change'));
}

beforeAll(async () => {
  work = await writeTree({}, 'referable-difference-');
  const base = await copySample(path.join(work, 'base'));
  const head = await copySample(path.join(work, 'head'));
  // The branch pauses the referral thank-you plan and rewords the birthday email.
  const thanks = path.join(head, 'plans/referral-thanks.yaml');
  await writeFile(thanks, `${await readFile(thanks, 'utf8')}paused: true\n`);
  const birthday = path.join(head, 'plans/birthday-email.yaml');
  await writeFile(
    birthday,
    (await readFile(birthday, 'utf8')).replace('Happy birthday, {{firstName}}', 'Many happy returns, {{firstName}}'),
  );
  await plan(base, path.join(work, 'base.json'));
  await plan(head, path.join(work, 'head.json'));
});

afterAll(async () => {
  if (work) await removeTree(work);
});

describe('npm run pr-summary -- --base', () => {
  it('lists the emails and tasks a change adds and removes, by plan and subject, with counts', async () => {
    expect(await difference(path.join(work, 'base.json'), path.join(work, 'head.json'))).toMatchInlineSnapshot(`
      "### What this change adds to or removes from the next 14 days

      Added: **1** email and **0** tasks. Removed: **1** email and **3** tasks.

      | change | kind | plan | subject or step | touches | first day |
      | --- | --- | --- | --- | ---: | --- |
      | added | email | birthday-email | Many happy returns, Elif | 1 | 2026-12-02 |
      | removed | email | birthday-email | Happy birthday, Elif | 1 | 2026-12-02 |
      | removed | task (gift) | referral-thanks | gift | 1 | 2026-12-02 |
      | removed | task (card) | referral-thanks | thank-card | 1 | 2026-12-01 |
      | removed | task (call) | referral-thanks | update-call | 1 | 2026-12-02 |
      "
    `);
  });

  it('says there is no change to what is sent when the plans match', async () => {
    const base = path.join(work, 'base.json');
    expect(await difference(base, base)).toBe(
      '### What this change adds to or removes from the next 14 days\n\nNo change to what is sent.\n',
    );
  });
});
