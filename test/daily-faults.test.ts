/**
 * The daily job against a mail server that fails as a whole (issue 15): a wrong password, a server
 * out of reach, one that stalls after DATA, one that refuses every recipient for now, and a
 * mailbox that cannot be read. The run stops, says what to fix, exits 3, and fails no touch that
 * a working run could still send.
 */
import { appendFile, cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../src/core/problems/index.ts';
import { FIXTURE } from './helpers/email-fixture.ts';
import { runScript } from './helpers/run-script.ts';
import { startSilentServer, startSmtpSink, type SinkOptions, type SmtpSink } from './helpers/smtp-sink.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

let dir = '';
const sinks: SmtpSink[] = [];
afterEach(async () => {
  while (sinks.length) await sinks.pop()?.close();
  await removeTree(dir);
});

async function setup(settings = '') {
  dir = await writeTree({});
  const content = path.join(dir, 'content');
  await cp(FIXTURE, content, { recursive: true });
  if (settings) await appendFile(path.join(content, 'settings.yaml'), settings);
  return { content, outbox: path.join(dir, 'outbox'), summary: path.join(dir, 'summary.md') };
}
async function sink(options: SinkOptions = {}) {
  const s = await startSmtpSink(options);
  sinks.push(s);
  return s;
}
const daily = (at: { content: string; outbox: string; summary: string }, env: NodeJS.ProcessEnv) =>
  runScript('daily', ['--content', at.content, '--outbox', at.outbox, '--date', '2026-11-03'], {
    GITHUB_STEP_SUMMARY: at.summary,
    ...env,
  });
const events = async (content: string) =>
  (await readFile(path.join(content, 'history', '2026-11.jsonl'), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { event: string; touch: string; channel: string })
    .filter((e) => e.channel === 'email')
    .map((e) => `${e.event} ${e.touch.split('.')[0]}`);
const EMAILS = ['ana-ruiz', 'priya-patel', 'tom-harris'];

describe('a mail server that fails as a whole', () => {
  // Issue 15: a 535 recorded every recipient as failed permanently, and they were never sent.
  it('a wrong password stops the run and fails no touch; the next working run sends them all', async () => {
    const at = await setup();
    const wrong = await sink({ authFails: true });
    const run = await daily(at, { SMTP_URL: `smtp://agent:Wr0ng-pa55word@127.0.0.1:${wrong.port}` });
    expect(run.code).toBe(EXIT.attention);
    expect(run.stdout).toContain(
      'Sending stopped: the mail server refused the account: check the user name and password in SMTP_URL (EAUTH 535 Authentication credentials invalid).',
    );
    expect(run.stdout).toMatch(/[123] emails? (was|were) not sent and go out on the next run that works; no touch was marked failed/);
    const summary = await readFile(at.summary, 'utf8');
    expect(summary).toContain('Sending stopped: the mail server refused the account');
    expect(`${run.stdout}${run.stderr}${summary}`).not.toContain('Wr0ng-pa55word');
    const after = await events(at.content);
    expect(after.filter((e) => /^(failed|unknown|sent)/.test(e))).toEqual([]);
    expect(after.filter((e) => e.startsWith('released')).length).toBe(after.filter((e) => e.startsWith('claimed')).length);

    const good = await sink();
    const again = await daily(at, { SMTP_URL: good.url });
    expect(again.code).toBe(EXIT.ok);
    expect(good.received.map((r) => r.to[0].split('@')[0]).sort()).toEqual(['ana', 'priya', 'tom']);
    expect((await events(at.content)).filter((e) => e.startsWith('sent')).sort()).toEqual(EMAILS.map((c) => `sent ${c}`));
  });

  it('a server out of reach stops the run at once, with what to fix', async () => {
    const at = await setup();
    const gone = await startSilentServer();
    await gone.close();
    const run = await daily(at, { SMTP_URL: `smtp://127.0.0.1:${gone.port}` });
    expect(run.code).toBe(EXIT.attention);
    expect(run.stdout).toContain('Sending stopped: the mail server could not be reached: check the host and port in SMTP_URL');
    expect((await events(at.content)).filter((e) => e.startsWith('failed') || e.startsWith('unknown'))).toEqual([]);
  });

  it('every recipient refused for now: no email could be delivered, exit 3, retried next run', async () => {
    const at = await setup();
    const busy = await sink({ rcpt: () => 451 });
    const run = await daily(at, { SMTP_URL: busy.url });
    expect(run.code).toBe(EXIT.attention);
    expect(run.stdout).toMatch(/No email could be delivered: all 3 failed \(the first: EENVELOPE 451 Mailbox busy, try later\)/);
    expect(await readFile(at.summary, 'utf8')).toContain('No email could be delivered');
  });

  it('a server that stalls after DATA: each message gives up after sending.timeoutSeconds, and the breaker stops the run', async () => {
    const at = await setup('sending:\n  timeoutSeconds: 0.5\n  stopAfter: 2\n');
    const stalls = await sink({ data: () => 'hang' });
    const run = await daily(at, { SMTP_URL: stalls.url });
    expect(run.code).toBe(EXIT.attention);
    expect(run.stdout).toContain('Sending stopped: 2 timeouts or lost connections in a row');
    // The server may hold each message: unknown, and listed with how to settle it.
    const unknown = (await events(at.content)).filter((e) => e.startsWith('unknown'));
    expect(unknown.length).toBeGreaterThanOrEqual(2);
    expect(run.stdout).toContain('(unknown outcome: settle it with npm run settle -- ');
  });

  it('a mailbox that cannot be read inside daily: exit 3, and the job summary says why', async () => {
    const at = await setup();
    const gone = await startSilentServer();
    await gone.close();
    const run = await daily(at, { SMTP_URL: '', IMAP_URL: `imap://agent:Imap-s3cret@127.0.0.1:${gone.port}` });
    expect(run.code).toBe(EXIT.attention);
    expect(run.stdout).toContain('Intake from the mailbox failed: nothing was marked read');
    expect(await readFile(at.summary, 'utf8')).toContain('Intake from the mailbox failed');
    expect(`${run.stdout}${run.stderr}`).not.toContain('Imap-s3cret');
  });
});
