/**
 * Delivery through Amazon SES v2 (issue 18) against a local stand-in that speaks SES's SendEmail
 * and GetAccount endpoints: the same message SMTP sends, SES's rate, and each kind of failure.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRawMessage, createOutbox, createSmtpDelivery, openSesDelivery, type SesOptions } from '../src/adapters/mail/index.ts';
import type { Delivery } from '../src/core/email/index.ts';
import { emailTouch, fixtureMessages } from './helpers/email-fixture.ts';
import { SES_KEYS, type SesApi, startSesApi } from './helpers/ses-api.ts';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

const SENDER = 'maya@harbourhill.example';
let api: SesApi | undefined;
let sink: SmtpSink | undefined;
let delivery: Delivery | undefined;
afterEach(async () => {
  await delivery?.close();
  await api?.close();
  await sink?.close();
  delivery = api = sink = undefined;
});

const keys = (accessKeyId = SES_KEYS.AWS_ACCESS_KEY_ID) => ({ accessKeyId, secretAccessKey: SES_KEYS.AWS_SECRET_ACCESS_KEY });
async function open(options: Partial<SesOptions> = {}, accessKeyId?: string) {
  if (!api) throw new Error('start the stand-in first');
  const start = await openSesDelivery({
    perSecond: 1000,
    sender: SENDER,
    timeout: 2000,
    ...options,
    config: { region: 'eu-west-1', endpoint: api.url, credentials: keys(accessKeyId) },
  });
  if (start.ok) delivery = start.delivery;
  return start;
}
async function opened(options: Partial<SesOptions> = {}) {
  const start = await open(options);
  if (!start.ok) throw new Error(start.problem);
  return start.delivery;
}
const messages = (n: number) =>
  fixtureMessages(
    Array.from({ length: n }, (_, i) =>
      emailTouch(['ana-ruiz', 'tom-harris', 'priya-patel'][i % 3], 'note', { plan: `p${i}`, subject: `Hello ${i}` }),
    ),
  );

/** What a reader sees of a message: every header but the MIME boundary, and both bodies. */
const seen = (mail: ParsedMail) => ({
  headers: [...mail.headers].filter(([key]) => key !== 'content-type').map(([key, value]) => [key, JSON.stringify(value)]),
  text: mail.text,
  html: mail.html,
});

describe('delivery through Amazon SES v2', () => {
  it('sends the very message SMTP sends: headers, Message-ID, List-Unsubscribe, text and HTML', async () => {
    api = await startSesApi();
    sink = await startSmtpSink();
    const [email] = await fixtureMessages([emailTouch('ana-ruiz', 'newsletter', { subject: 'News for {{firstName}}' })]);
    const ses = await opened();
    expect(ses.name).toBe('Amazon SES (eu-west-1)');
    expect(await ses.send(email)).toEqual({ status: 'sent', messageId: email.messageId, response: 'SES message 0102019a-stand-in-000001' });
    const smtp = createSmtpDelivery(sink.url, { perSecond: 100 });
    expect(await smtp.send(email)).toMatchObject({ status: 'sent' });
    await smtp.close();

    const viaSes = await simpleParser(api.received[0].raw);
    const viaSmtp = await simpleParser(sink.received[0].raw);
    expect(seen(viaSes)).toEqual(seen(viaSmtp));
    expect(viaSes.messageId).toBe(email.messageId);
    expect(viaSes.headers.get('list')).toEqual(viaSmtp.headers.get('list'));
    expect(api.received[0].raw.toString()).toMatch(/^List-Unsubscribe:\s+<mailto:[^>]+>/m);
    expect(viaSes.subject).toBe('News for Ana');
    expect(String(viaSes.html)).toContain('<html');
    // CRLF throughout, as SMTP carries it.
    expect(api.received[0].raw.toString('latin1').replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('buildRawMessage gives the bytes the outbox writes, MIME boundaries aside', async () => {
    const [email] = await fixtureMessages([emailTouch('tom-harris', 'note', { subject: 'Hello' })]);
    const dir = await writeTree({});
    try {
      await createOutbox(dir).send(email);
      const written = await readFile(path.join(dir, `${email.touch}.eml`));
      const built = await buildRawMessage(email);
      expect(seen(await simpleParser(built))).toEqual(seen(await simpleParser(written)));
      // The same bytes but for the MIME boundaries, which are random.
      const boundaries = (raw: Buffer) => raw.toString().replace(/_NmP-[0-9a-f-]+Part_\d+/gi, 'BOUNDARY');
      expect(boundaries(built)).toBe(boundaries(written));
    } finally {
      await removeTree(dir);
    }
  });

  it('sends at SES’s own rate when it is lower than limits.perSecond, without being throttled', async () => {
    api = await startSesApi({ maxSendRate: 20, rate: 20 });
    const start = await open({ perSecond: 1000 });
    expect(start).toMatchObject({ ok: true, rate: 20 });
    expect(start.ok && start.notes).toEqual([
      "Sending 20 emails a second, SES's maximum send rate for this account (limits.perSecond is 1000).",
    ]);
    const batch = await messages(45);
    const outcomes = await Promise.all(batch.map((m) => delivery?.send(m)));
    expect(outcomes.filter((o) => o?.status === 'sent').length).toBe(45);
    expect(api.throttled).toBe(0);
    expect(api.accepted).toBe(45);
  });

  it('when the quota cannot be read, sends at limits.perSecond; throttled, it slows down, and nothing is lost or sent twice', async () => {
    api = await startSesApi({ accountDenied: true, rate: 10 });
    const start = await open({ perSecond: 200, maxAttempts: 4 });
    expect(start.ok && start.notes).toEqual([
      "SES's sending quota could not be read (AccessDeniedException 403 User is not authorized to perform: ses:GetAccount): sending at most 200 a second (limits.perSecond). Allow the keys ses:GetAccount to use SES's own rate.",
    ]);
    const batch = await messages(40);
    const outcomes = await Promise.all(batch.map((m) => delivery?.send(m)));
    expect(api.throttled).toBeGreaterThan(0);
    const sent = outcomes.filter((o) => o?.status === 'sent').length;
    const temporary = outcomes.filter((o) => o?.status === 'failed' && o.temporary).length;
    // Each message is either taken once, or refused and failed for now: never both, never twice.
    expect(sent + temporary).toBe(40);
    expect(api.accepted).toBe(sent);
    expect(new Set(api.received.map((r) => r.raw.toString())).size).toBe(sent);
    // The SDK's adaptive mode retried the throttled ones after slowing down: most got through.
    expect(sent).toBeGreaterThan(20);
  });

  it('a throttled message is temporary, a rejected one permanent, and only that touch’s', async () => {
    api = await startSesApi({ answer: (raw) => (raw.includes('Hello 0') ? 'throttle' : raw.includes('Hello 1') ? 'reject' : 'accept') });
    const ses = await opened({ maxAttempts: 2 });
    const [throttled, rejected, fine] = await messages(3);
    expect(await ses.send(throttled)).toEqual({
      status: 'failed',
      temporary: true,
      reason: 'TooManyRequestsException 429 Maximum sending rate exceeded.',
    });
    expect(api.requests.filter((r) => r.startsWith('POST')).length).toBe(2);
    expect(await ses.send(rejected)).toEqual({ status: 'failed', temporary: false, reason: 'MessageRejected 400 Illegal address' });
    expect(await ses.send(fine)).toMatchObject({ status: 'sent' });
    // A rejection is not retried: one request for it.
    expect(api.requests.filter((r) => r.startsWith('POST')).length).toBe(4);
  });

  it('keys SES refuses stop it before anything is sent, never showing them', async () => {
    api = await startSesApi();
    const start = await open({}, 'AKIAWRONGKEY12345678');
    expect(start).toEqual({
      ok: false,
      problem:
        'Nothing was sent: SES refused the AWS keys: check the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY secrets, and AWS_REGION (UnrecognizedClientException 403 The security token included in the request is invalid.).',
    });
    expect(api.requests).toEqual(['GET /v2/email/account']);
    // Signed, never sent: the secret key itself never travels.
    expect(api.wire.join('\n')).not.toContain(SES_KEYS.AWS_SECRET_ACCESS_KEY);
  });

  it('a send refused for the account stops the run; a connection cut after the request is unknown', async () => {
    api = await startSesApi({ answer: (raw) => (raw.includes('Hello 0') ? 'deny' : 'hang-up') });
    const ses = await opened();
    const [denied, cut] = await messages(2);
    expect(await ses.send(denied)).toEqual({
      status: 'not-sent',
      fault: 'account',
      fix: 'SES refused the AWS keys: check the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY secrets, and AWS_REGION',
      reason: 'UnrecognizedClientException 403 The security token included in the request is invalid.',
    });
    expect(await ses.send(cut)).toEqual({
      status: 'unknown',
      fault: 'lost',
      reason: 'connection lost after the message was handed over (TimeoutError socket hang up)',
    });
    // Never retried: the request went out, and SES may have taken it.
    expect(api.requests.filter((r) => r.startsWith('POST')).length).toBe(2);
  });

  it('after abort, messages waiting for their turn are not sent', async () => {
    api = await startSesApi({ maxSendRate: 2 });
    const ses = await opened();
    const batch = await messages(4);
    const pending = batch.map((m) => ses.send(m));
    await pending[0];
    ses.abort();
    const outcomes = (await Promise.all(pending)).map((o) => o.status);
    expect(outcomes[0]).toBe('sent');
    expect(outcomes.filter((s) => s === 'not-sent').length).toBeGreaterThanOrEqual(2);
    expect(api.accepted).toBe(outcomes.filter((s) => s === 'sent').length);
  });
});
