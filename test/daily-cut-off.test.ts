/**
 * A daily run cut off in the middle of sending, as a time limit or a cancelled workflow does
 * (issue 6, history checkpoints): what it sent is in history, every message that went out was
 * claimed first, and the next run sends none of them again.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { generateContent } from './helpers/generate-content.ts';
import { ROOT, runScript } from './helpers/run-script.ts';
import { startSmtpSink, type Received, type SmtpSink } from './helpers/smtp-sink.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

const DAY = '2026-11-03';
let dir = '';
const sinks: SmtpSink[] = [];
afterEach(async () => {
  for (const sink of sinks.splice(0)) await sink.close();
  await removeTree(dir);
});

const content = () => path.join(dir, 'content');
const args = () => ['--content', content(), '--outbox', path.join(dir, 'outbox'), '--date', DAY];
const history = async () =>
  (await readFile(path.join(content(), 'history', '2026-11.jsonl'), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { event: string; touch: string; channel: string });
const touchesOf = async (received: Received[]) =>
  Promise.all(received.map(async (m) => /^<([^@>]+)@/.exec((await simpleParser(m.raw)).messageId ?? '')?.[1] ?? ''));

/** Starts the daily job and kills it (SIGKILL: no chance to tidy up) once `ready` says so. */
async function runUntil(env: NodeJS.ProcessEnv, ready: () => Promise<boolean>): Promise<void> {
  const child = spawn(process.execPath, ['scripts/daily.js', ...args()], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', GITHUB_TOKEN: '', ...env },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let done = false;
  void exited.then(() => (done = true));
  while (!done && !(await ready())) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  await exited;
}

describe('a daily run cut off while sending', () => {
  it('keeps what it did, and the next run sends none of it again', async () => {
    dir = await writeTree(
      Object.fromEntries(Object.entries(generateContent({ contacts: 150, seed: 4 })).map(([k, v]) => [`content/${k}`, v])),
    );
    // The server accepts 30 messages, then takes the rest and never answers.
    let accepted = 0;
    const slow = await startSmtpSink({ data: () => (++accepted > 30 ? 'hang' : 'accept') });
    sinks.push(slow);
    await runUntil(
      { SMTP_URL: slow.url },
      async () => (await history()).filter((e) => e.event === 'sent' && e.channel === 'email').length >= 30,
    );

    const cut = await history();
    const received = await touchesOf(slow.received);
    const sent = cut.filter((e) => e.event === 'sent' && e.channel === 'email').map((e) => e.touch);
    const claimed = new Set(cut.filter((e) => e.event === 'claimed' && e.channel === 'email').map((e) => e.touch));
    expect(sent.toSorted()).toEqual(received.toSorted());
    for (const touch of received) expect(claimed.has(touch)).toBe(true);
    const open = [...claimed].filter((t) => !sent.includes(t));
    expect(open.length).toBeGreaterThan(0);

    const fast = await startSmtpSink();
    sinks.push(fast);
    const next = await runScript('daily', args(), { SMTP_URL: fast.url, GITHUB_TOKEN: '' });
    expect(next.code).toBe(3);
    expect(next.stdout).toContain('check by hand: never resent automatically');
    const again = await touchesOf(fast.received);
    expect(again.length).toBeGreaterThan(0);
    expect(again.filter((t) => claimed.has(t))).toEqual([]);
    const final = await history();
    for (const touch of open) expect(final.filter((e) => e.touch === touch).map((e) => e.event)).toEqual(['claimed', 'unknown']);
    const emailed = final.filter((e) => e.event === 'sent' && e.channel === 'email').map((e) => e.touch);
    expect(new Set(emailed).size).toBe(emailed.length);
  });
});
