/**
 * The daily job with EMAIL_TRANSPORT=ses against the local SES v2 stand-in (issue 18): the day's
 * emails go out once through the same claim/record journal as SMTP; throttled touches are retried
 * on a later run, a rejected one fails alone, and keys SES refuses stop the run as a wrong SMTP
 * password does. The keys never appear in any output or in history.
 */
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../src/core/problems/index.ts';
import { FIXTURE } from './helpers/email-fixture.ts';
import { runScript } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';
import { SES_KEYS, type SesApi, sesEnv, startSesApi } from './helpers/ses-api.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

let dir = '';
let api: SesApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
  await removeTree(dir);
});

// Recognisable fake keys: neither may show anywhere.
const SECRET = 'Fake-S3cret-7f3a9c1e-do-not-print-000000';
const KEYS = { AWS_ACCESS_KEY_ID: SES_KEYS.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET };

async function setup(from: 'fixture' | 'sample') {
  dir = await writeTree({});
  const content = path.join(dir, 'content');
  if (from === 'sample') await copySample(content);
  else await cp(FIXTURE, content, { recursive: true });
  return { content, outbox: path.join(dir, 'outbox'), summary: path.join(dir, 'summary.md') };
}
type At = Awaited<ReturnType<typeof setup>>;
const daily = (at: At, env: NodeJS.ProcessEnv, args = ['--date', '2026-11-03']) =>
  runScript('daily', ['--content', at.content, '--outbox', at.outbox, ...args], { GITHUB_STEP_SUMMARY: at.summary, ...env });
const historyText = async (content: string) => {
  const folder = path.join(content, 'history');
  const files = (await readdir(folder).catch(() => [])).sort();
  return (await Promise.all(files.map((f) => readFile(path.join(folder, f), 'utf8')))).join('');
};
const emailEvents = async (content: string, month = '2026-11') =>
  (await readFile(path.join(content, 'history', `${month}.jsonl`), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { event: string; touch: string; channel: string; temporary?: boolean; messageId?: string })
    .filter((e) => e.channel === 'email');
const counts = (stdout: string) => Object.fromEntries([...stdout.matchAll(/^ {2}(\w+) +(\d+)/gm)].map((m) => [m[1], Number(m[2])]));
const recipients = (a: SesApi) => a.received.map((r) => /^To: .*<([^>]+)>/m.exec(r.raw.toString())?.[1] ?? '?').sort();

describe('npm run daily with EMAIL_TRANSPORT=ses', () => {
  it('sends the sample’s day once through SES, and a rerun sends none; the keys show nowhere', async () => {
    const at = await setup('sample');
    const before = await historyText(at.content);
    api = await startSesApi();
    const env = { ...sesEnv(api), ...KEYS };
    const first = await daily(at, env, ['--showcase']);
    expect(first.code).toBe(EXIT.ok);
    expect(first.stdout).toContain('emails to Amazon SES (eu-west-1)');
    const sent = counts(first.stdout).sent;
    expect(sent).toBeGreaterThan(20);
    expect(api.accepted).toBe(sent);
    // Each touch once: as many distinct Message-IDs as messages, each recorded as sent.
    const ids = await Promise.all(api.received.map(async (r) => (await simpleParser(r.raw)).messageId));
    expect(new Set(ids).size).toBe(sent);
    // A household's one email is recorded for each member, under its one Message-ID.
    const recorded = (await emailEvents(at.content, '2026-12')).filter((e) => e.event === 'sent');
    expect(new Set(recorded.map((e) => e.messageId))).toEqual(new Set(ids));
    expect(await readdir(at.outbox)).not.toContain(expect.stringMatching(/\.eml$/));

    const again = await daily(at, env, ['--showcase']);
    expect(again.code).toBe(EXIT.ok);
    expect(counts(again.stdout).sent).toBe(0);
    expect(api.accepted).toBe(sent);

    const everything = [
      first.stdout,
      first.stderr,
      again.stdout,
      again.stderr,
      await readFile(at.summary, 'utf8'),
      await historyText(at.content),
    ];
    for (const text of everything) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(KEYS.AWS_ACCESS_KEY_ID);
    }
    expect((await historyText(at.content)).length).toBeGreaterThan(before.length);
  });

  it('throttled mid-run: those touches fail for now and go out on the next run, none lost or doubled', async () => {
    const at = await setup('fixture');
    let throttling = true;
    api = await startSesApi({ answer: (raw) => (throttling && /^To: .*priya@/m.test(raw) ? 'throttle' : 'accept') });
    const env = { ...sesEnv(api), ...KEYS };
    const first = await daily(at, env);
    expect(counts(first.stdout)).toMatchObject({ sent: 2, failed: 1, unknown: 0 });
    expect(first.stdout).toMatch(/priya-patel\.monthly-newsletter\.send\.2026-11-03: .*TooManyRequestsException 429.*\(temporary\)/);
    expect(api.throttled).toBe(3);
    throttling = false;
    const second = await daily(at, env);
    expect(counts(second.stdout)).toMatchObject({ sent: 1, failed: 0 });
    const third = await daily(at, env);
    expect(counts(third.stdout)).toMatchObject({ sent: 0, failed: 0 });
    expect(recipients(api)).toEqual(['ana@mail.example', 'priya@mail.example', 'tom@mail.example']);
  });

  it('a rejected message is permanent for that touch only', async () => {
    const at = await setup('fixture');
    api = await startSesApi({ answer: (raw) => (/^To: .*tom@/m.test(raw) ? 'unverified' : 'accept') });
    const env = { ...sesEnv(api), ...KEYS };
    const first = await daily(at, env);
    expect(counts(first.stdout)).toMatchObject({ sent: 2, failed: 1 });
    expect(first.stdout).toMatch(/tom-harris\.monthly-newsletter\.send\.2026-11-03: .*MessageRejected 400 Email address is not verified/);
    const failed = (await emailEvents(at.content)).filter((e) => e.event === 'failed');
    expect(failed.map((e) => [e.touch, e.temporary])).toEqual([['tom-harris.monthly-newsletter.send.2026-11-03', false]]);
    // History names no address, even from SES's message.
    expect(await historyText(at.content)).not.toContain('tom@mail.example');
    const again = await daily(at, env);
    expect(counts(again.stdout)).toMatchObject({ sent: 0, failed: 0 });
    expect(recipients(api)).toEqual(['ana@mail.example', 'priya@mail.example']);
  });

  it('keys SES refuses stop the run before anything is claimed, with exit 3 and what to fix', async () => {
    const at = await setup('fixture');
    const before = await historyText(at.content);
    api = await startSesApi();
    const run = await daily(at, { ...sesEnv(api), AWS_ACCESS_KEY_ID: 'AKIAWRONGKEY00000000', AWS_SECRET_ACCESS_KEY: SECRET });
    expect(run.code).toBe(EXIT.attention);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      'Nothing was sent: SES refused the AWS keys: check the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY secrets, and AWS_REGION (UnrecognizedClientException 403 The security token included in the request is invalid.).',
    );
    expect(await readFile(at.summary, 'utf8')).toContain('Nothing was sent: SES refused the AWS keys');
    expect(await historyText(at.content)).toBe(before);
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
    expect(`${run.stdout}${run.stderr}`).not.toContain('AKIAWRONGKEY00000000');
  });

  it('sending refused for the account mid-run stops it as a wrong SMTP password does; the next working run sends all', async () => {
    const at = await setup('fixture');
    let denied = true;
    api = await startSesApi({ answer: () => (denied ? 'deny' : 'accept') });
    const env = { ...sesEnv(api), ...KEYS };
    const run = await daily(at, env);
    expect(run.code).toBe(EXIT.attention);
    expect(run.stdout).toContain(
      'Sending stopped: SES refused the AWS keys: check the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY secrets, and AWS_REGION (UnrecognizedClientException 403',
    );
    expect(run.stdout).toMatch(/no touch was marked failed/);
    const events = await emailEvents(at.content);
    expect(events.filter((e) => /^(sent|failed|unknown)$/.test(e.event))).toEqual([]);
    expect(events.filter((e) => e.event === 'released').length).toBe(events.filter((e) => e.event === 'claimed').length);
    denied = false;
    const again = await daily(at, env);
    expect(again.code).toBe(EXIT.ok);
    expect(recipients(api)).toEqual(['ana@mail.example', 'priya@mail.example', 'tom@mail.example']);
  });

  it('without a region: one line, exit 3, nothing claimed', async () => {
    const at = await setup('fixture');
    const before = await historyText(at.content);
    api = await startSesApi();
    const run = await daily(at, { ...sesEnv(api), ...KEYS, AWS_REGION: '', AWS_DEFAULT_REGION: '' });
    expect(run.code).toBe(EXIT.attention);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      'Nothing was sent: EMAIL_TRANSPORT=ses needs an AWS region: set AWS_REGION (for example eu-west-1).',
    );
    expect(api.requests).toEqual([]);
    expect(await historyText(at.content)).toBe(before);
  });
});
