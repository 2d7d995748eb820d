import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE } from './helpers/email-fixture.ts';
import { runScript } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink.ts';
import { addToTree, removeTree, writeTree } from './helpers/temp-dir.ts';

let dir = '';
let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
  await removeTree(dir);
});

async function setup() {
  dir = await writeTree({});
  await cp(FIXTURE, path.join(dir, 'content'), { recursive: true });
  return { content: path.join(dir, 'content'), outbox: path.join(dir, 'outbox') };
}
const daily = (content: string, outbox: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) =>
  runScript('daily', ['--content', content, '--outbox', outbox, '--date', '2026-11-03', ...extra], { SMTP_URL: '', ...env });
const readText = (file: string) => readFile(file, 'utf8').catch(() => '');
const history = async (content: string) =>
  (await readText(path.join(content, 'history', '2026-11.jsonl')))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const counts = (stdout: string) => Object.fromEntries([...stdout.matchAll(/^ {2}(\w+) +(\d+)/gm)].map((m) => [m[1], Number(m[2])]));

describe('npm run daily', () => {
  it('writes the day’s emails and tasks to the outbox, records them, and sends nothing new on a second run', async () => {
    const { content, outbox } = await setup();
    const first = await daily(content, outbox);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(counts(first.stdout)).toEqual({ sent: 3, failed: 0, unknown: 0, skipped: 1, held: 0, missed: 0, deferred: 0, tasks: 1 });
    expect(first.stdout).toContain('leo-novak.monthly-newsletter.send.2026-11-03: unsubscribed on 2026-09-01');
    expect(first.stdout).toContain('Call Ana to catch up (Ana Ruiz, 2026-11-03)');
    expect((await readdir(outbox)).sort()).toEqual([
      'ana-ruiz.monthly-newsletter.send.2026-11-03.eml',
      'priya-patel.monthly-newsletter.send.2026-11-03.eml',
      'tasks-2026-11-03.md',
      'tom-harris.monthly-newsletter.send.2026-11-03.eml',
    ]);
    const mail = await simpleParser(await readFile(path.join(outbox, 'tom-harris.monthly-newsletter.send.2026-11-03.eml')));
    expect(mail.subject).toBe('Tom, five ways to cut your winter energy bill');
    expect(await readText(path.join(outbox, 'tasks-2026-11-03.md'))).toContain('Ask how the garden at the new house is coming on.');

    const entries = await history(content);
    expect(entries.map((e) => `${e.event} ${e.touch}`).sort()).toEqual([
      'claimed ana-ruiz.catch-up-call.call.2026-11-03',
      'claimed ana-ruiz.monthly-newsletter.send.2026-11-03',
      'claimed priya-patel.monthly-newsletter.send.2026-11-03',
      'claimed tom-harris.monthly-newsletter.send.2026-11-03',
      'sent ana-ruiz.catch-up-call.call.2026-11-03',
      'sent ana-ruiz.monthly-newsletter.send.2026-11-03',
      'sent priya-patel.monthly-newsletter.send.2026-11-03',
      'sent tom-harris.monthly-newsletter.send.2026-11-03',
      'skipped leo-novak.monthly-newsletter.send.2026-11-03',
    ]);
    // History names contacts by id, never by address.
    expect(JSON.stringify(entries)).not.toMatch(/@mail\.example/);

    const second = await daily(content, outbox);
    expect(second.code).toBe(0);
    expect(counts(second.stdout)).toEqual({ sent: 0, failed: 0, unknown: 0, skipped: 0, held: 0, missed: 0, deferred: 0, tasks: 0 });
    expect(await readdir(outbox)).toHaveLength(4);
    // Issue 14, point 6: the call handed over by the first run is still to do.
    expect(second.stdout).not.toContain('Nothing needs you');
    expect(second.stdout).toContain(
      'Needs you:\n  1 personal touch from earlier runs is not done yet (handed over earlier today): see Still open below;',
    );
    expect(second.stdout).toContain('Still open:\n  ana-ruiz.catch-up-call.call.2026-11-03: call, handed over 2026-11-03');
  });

  // Issue 14, point 6: a task planned a day late counts its days right, and lists each touch once.
  it('writes a late task with its due day, and only the touches that reached the contact', async () => {
    dir = await writeTree({});
    const content = await copySample(path.join(dir, 'content'));
    const outbox = path.join(dir, 'outbox');
    const run = await runScript('daily', ['--content', content, '--outbox', outbox, '--date', '2026-12-02'], { SMTP_URL: '' });
    expect(run.code).toBe(0);
    const tasks = await readText(path.join(outbox, 'tasks-2026-12-02.md'));
    const card = tasks.slice(tasks.indexOf('## [ ] Write and post a handwritten thank-you card to Tom (Tom Harris, 2026-12-02)'));
    expect(card).toContain(
      '**Why now:** 1 day after referring Peter Lang on 2026-11-30 (A valuation of his house in Offham before downsizing to a flat in town); due 2026-12-01, 1 day late\n',
    );
    // The call of 10 November once (claimed, sent as an issue, done), and not the Christmas card
    // that was only written into a task list on 26 November.
    expect(card).toContain(
      '- **Last touches:** call on 2026-11-10 (top-client-calls), email on 2026-11-03 (monthly-newsletter), email on 2026-10-06 (monthly-newsletter)\n',
    );
  });

  it('--dry-run renders and reports, and writes nothing', async () => {
    const { content, outbox } = await setup();
    const run = await daily(content, outbox, ['--dry-run']);
    expect(run.code).toBe(0);
    expect(counts(run.stdout)).toMatchObject({ ready: 3, skipped: 1, tasks: 1 });
    await expect(readdir(outbox)).rejects.toThrow();
    expect(await history(content)).toEqual([]);
  });

  it('turns a claim left by a killed run into unknown and never sends it again', async () => {
    const { content, outbox } = await setup();
    const claim = {
      event: 'claimed',
      at: '2026-11-03T09:00:00Z',
      touch: 'tom-harris.monthly-newsletter.send.2026-11-03',
      contact: 'tom-harris',
      plan: 'monthly-newsletter',
      step: 'send',
      due: '2026-11-03',
      channel: 'email',
    };
    await addToTree(content, { 'history/2026-11.jsonl': `${JSON.stringify(claim)}\n{"event":"sent","at":"2026-11-` });
    const run = await daily(content, outbox);
    expect(run.stderr).toContain('removed an unfinished last line');
    expect(counts(run.stdout)).toMatchObject({ sent: 2, unknown: 1 });
    expect(run.stdout).toMatch(/tom-harris\.monthly-newsletter\.send\.2026-11-03: claimed by an earlier run/);
    expect(await readdir(outbox)).not.toContain('tom-harris.monthly-newsletter.send.2026-11-03.eml');
    expect((await history(content)).filter((e) => e.touch === claim.touch).map((e) => e.event)).toEqual(['claimed', 'unknown']);
  });

  it('sends over SMTP when SMTP_URL is set, retries temporary failures on the next run, and never shows the secret', async () => {
    const { content, outbox } = await setup();
    let busy = true;
    sink = await startSmtpSink({ rcpt: (address) => (busy && address.startsWith('priya') ? 451 : undefined) });
    const url = `smtp://agent:Sup3r-s3cret@127.0.0.1:${sink.port}`;
    const first = await daily(content, outbox, [], { SMTP_URL: url });
    expect(counts(first.stdout)).toMatchObject({ sent: 2, failed: 1 });
    expect(first.stdout).toContain(`emails to smtp://127.0.0.1:${sink.port}`);
    expect(first.stdout).toMatch(/priya-patel\.monthly-newsletter\.send\.2026-11-03: .*451.*\(temporary\)/);
    busy = false;
    const second = await daily(content, outbox, [], { SMTP_URL: url });
    expect(counts(second.stdout)).toMatchObject({ sent: 1, failed: 0 });
    expect(sink.received.map((r) => r.to[0]).sort()).toEqual(['ana@mail.example', 'priya@mail.example', 'tom@mail.example']);
    const everything = [
      first.stdout,
      first.stderr,
      second.stdout,
      second.stderr,
      await readText(path.join(content, 'history', '2026-11.jsonl')),
    ];
    for (const file of await readdir(outbox)) everything.push(await readText(path.join(outbox, file)));
    for (const text of everything) expect(text).not.toContain('Sup3r-s3cret');
  });

  it('refuses a malformed SMTP_URL without echoing it', async () => {
    const { content, outbox } = await setup();
    const run = await daily(content, outbox, [], { SMTP_URL: 'http://user:Sup3r-s3cret@host' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SMTP_URL is not an smtp:// or smtps:// URL');
    expect(run.stderr + run.stdout).not.toContain('Sup3r-s3cret');
  });
});
