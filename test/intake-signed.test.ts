/**
 * Intake with REFERABLE_SECRET (issue 15, point 6): a touch is found only from a Message-ID we
 * signed, a bounce that returns no message we signed is not believed, and an unsubscribe's signed
 * token finds its contact whoever sends it, while one without is honoured and marked unverified.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signerFromEnv } from '../src/adapters/signing/index.ts';
import { type Sign, signedMessageId, unsubscribeToken } from '../src/core/signing/index.ts';
import { buildBounce, buildMail, touchMessageId } from './helpers/intake-mail.ts';
import { ROOT, runScript, type ScriptRun } from './helpers/run-script.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

const SECRET = { REFERABLE_SECRET: 'the intake test secret, forty characters!' };
const SENDER = 'maya@harbourhill.example';
const REQUEST = 'ana-ruiz.testimonial-request.ask.2026-11-02';
const PRIYA_NOTE = 'priya-patel.monthly-note.note.2026-11-04';
const TOM_NOTE = 'tom-harris.monthly-note.note.2026-11-04';

let dir: string;
let content: string;
let run: ScriptRun;
let sign: Sign;

beforeAll(async () => {
  const signer = signerFromEnv(SECRET);
  if (!signer.ok || !signer.sign) throw new Error('no signer');
  sign = signer.sign;
  dir = await writeTree({}, 'referable-intake-signed-');
  content = path.join(dir, 'content');
  await cp(path.join(ROOT, 'test/fixtures/intake'), content, { recursive: true });
  // What the daily job recorded when it sent these emails.
  const sent = (touch: string) => {
    const [contact, plan, step, due] = touch.split('.');
    const messageId = signedMessageId(sign, touch, SENDER);
    return JSON.stringify({ event: 'sent', at: `${due}T09:00:00Z`, touch, contact, plan, step, due, channel: 'email', messageId });
  };
  await mkdir(path.join(content, 'history'), { recursive: true });
  await writeFile(path.join(content, 'history', '2026-11.jsonl'), `${[REQUEST, PRIYA_NOTE, TOM_NOTE].map(sent).join('\n')}\n`);

  const leoToken = unsubscribeToken(sign, ['leo-novak'], 'leo.novak@example.net');
  const [who, tag, mac] = leoToken.split('.');
  const messages: Record<string, Buffer> = {
    'reply.eml': await buildMail({
      from: 'Ana Ruiz <ana.ruiz@example.com>',
      to: 'hello@harbourhill.example',
      subject: 'Re: A small favour, Ana?',
      text: 'Harbour & Hill kept our chain together when our buyer wobbled. Happy for you to use this on your website, as Ana R.\n',
      messageId: '<CAF=reply-9@mail.example.com>',
      inReplyTo: signedMessageId(sign, REQUEST, SENDER),
    }),
    'bounce-signed.eml': await buildBounce({
      recipient: 'priya@patel.example',
      status: '5.1.1',
      action: 'failed',
      diagnostic: '550 5.1.1 <priya@patel.example>: Recipient address rejected: User unknown',
      original: signedMessageId(sign, PRIYA_NOTE, SENDER),
      messageId: '<20261104090100.AAAA@mx.harbourhill.example>',
    }),
    // A bounce anyone could write: it returns a readable Message-ID, which we no longer send.
    'bounce-forged.eml': await buildBounce({
      recipient: 'tom.harris@example.com',
      status: '5.1.1',
      action: 'failed',
      diagnostic: '550 5.1.1 <tom.harris@example.com>: User unknown',
      original: touchMessageId(TOM_NOTE),
      messageId: '<20261104090100.BBBB@mx.example.net>',
    }),
    // Forwarded to Leo's partner, who clicked it: the signed token still names Leo.
    'unsubscribe-signed.eml': await buildMail({
      from: 'Someone Else <someone@else.example>',
      to: 'unsubscribe@harbourhill.example',
      subject: `Unsubscribe ${leoToken}`,
      text: '',
      messageId: '<unsub-signed@else.example>',
    }),
    'unsubscribe-forged.eml': await buildMail({
      from: 'Mallory <mallory@evil.example>',
      to: 'unsubscribe@harbourhill.example',
      subject: `Unsubscribe ${btoa('ana-ruiz').replace(/=+$/, '')}.${tag}.${mac}`,
      text: '',
      messageId: '<unsub-forged@evil.example>',
    }),
    'unsubscribe-plain.eml': await buildMail({
      from: 'Ana Ruiz <ana.ruiz@example.com>',
      to: 'unsubscribe@harbourhill.example',
      subject: 'Unsubscribe',
      text: '',
      messageId: '<unsub-plain@example.com>',
    }),
  };
  expect(who).not.toBe('');
  for (const [name, raw] of Object.entries(messages)) await writeFile(path.join(dir, name), raw);
  run = await runScript(
    'intake',
    [...Object.keys(messages).map((n) => path.join(dir, n)), '--content', content, '--date', '2026-11-05'],
    SECRET,
  );
});

afterAll(() => removeTree(dir));

const line = (file: string) => run.stdout.split('\n').find((l) => l.includes(`${file}:`)) ?? '';
const contactFile = (id: string) => readFile(path.join(content, 'contacts', `${id}.yaml`), 'utf8');

describe('intake with REFERABLE_SECRET', () => {
  it('finds the request a reply answers from its signed Message-ID', async () => {
    expect(run.stderr).toBe('');
    expect(line('reply.eml')).toMatch(/testimonial/);
    expect(line('reply.eml')).toContain('draft');
  });

  it('believes a bounce that returns a message we signed, and not one that returns a readable ID', async () => {
    expect(line('bounce-signed.eml')).toContain('contacts/priya-patel.yaml, never used again');
    expect(await contactFile('priya-patel')).toContain('bounced:');
    expect(line('bounce-forged.eml')).toContain('returns no message we signed: left alone');
    expect(await contactFile('tom-harris')).not.toContain('bounced:');
  });

  it('unsubscribes the contact a signed token names, whoever sends it; a forged token names no one', async () => {
    expect(await contactFile('leo-novak')).toMatch(/unsubscribed:[\s\S]*evidence: .*\(signed unsubscribe link\)/);
    expect(line('unsubscribe-forged.eml')).toContain('which no contact has: left alone');
  });

  it('honours an unsubscribe with no token from a contact’s address, marked as not verified', async () => {
    expect(await contactFile('ana-ruiz')).toMatch(/unsubscribed:[\s\S]*\(not verified: no signed unsubscribe link\)/);
  });
});
