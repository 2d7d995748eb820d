/**
 * `npm run log` (issue 14): a touch done outside the plans is recorded in history as a `done`
 * entry of plan `manual`, and keep-in-touch steps count from it. Run on a copy of the sample.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../src/core/problems/index.ts';
import { runScript } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

let dir = '';
afterEach(() => removeTree(dir));

async function sample() {
  dir = await writeTree({});
  return copySample(path.join(dir, 'content'));
}

const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);

/** Tom's keep-in-touch call as `npm run plan -- --contact tom-harris` explains it on 2 Dec. */
async function tomsCall(content: string): Promise<string[]> {
  const run = await runScript('plan', ['--content', content, '--date', '2026-12-02', '--contact', 'tom-harris']);
  expect(run.code).toBe(0);
  const at = run.stdout.split('\n').indexOf('top-client-calls');
  return run.stdout.split('\n').slice(at + 1, at + 3);
}

describe('npm run log', () => {
  it("records a call as a done touch of plan manual, and Tom's keep-in-touch call is no longer due", async () => {
    const content = await sample();
    expect(await tomsCall(content)).toEqual([
      '  call (call): due today: Call {{firstName}} for a catch-up',
      '      why: last touch 10 Nov (call), 21 days ago; due 2026-12-01, 1 day late',
    ]);

    const log = () => runScript('log', ['tom-harris', '--channel', 'call', '--date', '2026-12-01', '--content', content]);
    const file = path.join(content, 'history', '2026-12.jsonl');
    expect(await log()).toEqual({
      code: 0,
      stdout:
        `Logged a call with Tom Harris on 2026-12-01 in ${file} (tom-harris.manual.call.2026-12-01).\n` +
        'It counts as a touch: keep-in-touch steps count from it.\n',
      stderr: '',
    });
    const written = await lines(file);
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0])).toEqual({
      event: 'done',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      touch: 'tom-harris.manual.call.2026-12-01',
      contact: 'tom-harris',
      plan: 'manual',
      step: 'call',
      due: '2026-12-01',
      channel: 'call',
    });
    expect(await tomsCall(content)).toEqual([
      '  call (call): not due today; next due 2026-12-22 (last touch 1 Dec (call), 21 days ago) [NotDueToday]',
      '      last in history: done, due 2026-11-10',
    ]);

    // The same channel on the same day is one touch.
    expect(await log()).toEqual({
      code: 0,
      stdout:
        'Already logged: a call with Tom Harris on 2026-12-01 (tom-harris.manual.call.2026-12-01). A channel counts once a day; nothing was written.\n',
      stderr: '',
    });
    expect(await lines(file)).toEqual(written);
    expect((await runScript('check', ['--content', content])).code).toBe(0);
  });

  it('keeps a note, logs a meeting, and files a touch in the history of its month', async () => {
    const content = await sample();
    const run = await runScript('log', [
      'ana-ruiz',
      '--channel',
      'meeting',
      '--date',
      '2026-11-28',
      '--note',
      'Coffee at Novak’s',
      '--content',
      content,
    ]);
    expect(run.code).toBe(0);
    const november = await lines(path.join(content, 'history', '2026-11.jsonl'));
    expect(JSON.parse(november.at(-1)!)).toMatchObject({
      touch: 'ana-ruiz.manual.meeting.2026-11-28',
      channel: 'meeting',
      note: 'Coffee at Novak’s',
    });
  });

  it('refuses an unknown contact, a future day, an empty note and a bad command line, and writes nothing', async () => {
    const content = await sample();
    const log = (...args: string[]) => runScript('log', [...args, '--content', content]);
    const before = await lines(path.join(content, 'history', '2026-11.jsonl'));
    expect(await log('tom-haris', '--channel', 'call')).toEqual({
      code: EXIT.problems,
      stdout: '',
      stderr: 'Nothing was logged: CONTACT: no contact "tom-haris" (there is no contacts/tom-haris.yaml).\n',
    });
    const future = await log('tom-harris', '--channel', 'call', '--date', '2999-01-01');
    expect(future.code).toBe(EXIT.problems);
    expect(future.stderr).toMatch(
      /^Nothing was logged: --date: 2999-01-01 is in the future \(today is \d{4}-\d\d-\d\d\): log a touch once it is done\.\n$/,
    );
    expect(await log('tom-harris', '--channel', 'text', '--note', ' ')).toMatchObject({
      code: EXIT.problems,
      stderr: 'Nothing was logged: --note: should not be empty.\n',
    });
    expect(await log('tom-harris', '--channel', 'phone')).toMatchObject({
      code: 2,
      stderr: '--channel: "phone" is not a channel; use one of email, call, text, card, gift, event, meeting\n',
    });
    expect(await log('tom-harris', '--channel', 'call', '--date', '2026-02-30')).toMatchObject({
      code: 2,
      stderr: '--date: 2026-02-30 is not a real date (write YYYY-MM-DD)\n',
    });
    expect((await log('tom-harris')).code).toBe(2);
    expect(await lines(path.join(content, 'history', '2026-11.jsonl'))).toEqual(before);
    await expect(readFile(path.join(content, 'history', '2026-12.jsonl'))).rejects.toThrow('ENOENT');
  });

  it('waits for a daily run that holds the lock: exit 75, nothing written', async () => {
    const content = await sample();
    const holder = { pid: process.pid, host: hostname(), since: '2026-12-01T09:00:00.000Z', command: 'npm run daily' };
    await writeFile(path.join(content, 'history', '.lock'), JSON.stringify(holder));
    const run = await runScript('log', ['tom-harris', '--channel', 'call', '--date', '2026-12-01', '--content', content]);
    expect(run.code).toBe(EXIT.locked);
    expect(run.stderr).toContain('npm run daily');
    await expect(readFile(path.join(content, 'history', '2026-12.jsonl'))).rejects.toThrow('ENOENT');
  });
});
