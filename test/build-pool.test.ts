/**
 * The build pool (issue 20, point 3): messages built on worker threads are the messages the
 * transport builds itself, byte for byte apart from the random MIME boundaries, and a message a
 * worker cannot build ends as it would without the pool. Real threads, a real SMTP server on
 * loopback, and mailparser reading back what arrived.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { openHistoryJournal } from '../src/adapters/fs/index.ts';
import { createBuildPool, createSmtpDelivery } from '../src/adapters/mail/index.ts';
import { deliverEmails } from '../src/core/daily/index.ts';
import type { MessageBuilder, OutgoingEmail } from '../src/core/email/index.ts';
import type { DueTouch } from '../src/core/touches/index.ts';
import { emailTouch, fixtureMessages } from './helpers/email-fixture.ts';
import { startSmtpSink, type Received } from './helpers/smtp-sink.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const TOUCHES = [
  emailTouch('ana-ruiz', 'newsletter', { plan: 'monthly-newsletter', step: 'send', newsletter: '2026-11-winter-bills' }),
  emailTouch('tom-harris', 'note', { subject: 'Hello, {{firstName}}' }),
  emailTouch('ana-ruiz', 'referral-thanks', { subject: 'Thank you, {{firstName}}' }),
];

async function pool(): Promise<MessageBuilder> {
  const builder = createBuildPool({ threads: 1 });
  cleanups.push(() => builder.close());
  // Until a thread is up, the sending thread builds; these tests are about the thread.
  await builder.ready;
  return builder;
}

/** Sends `touches` through the real send loop to a fresh server; what it received, by touch. */
async function sendThroughLoop(touches: DueTouch[], messages: OutgoingEmail[], builder?: MessageBuilder) {
  const sink = await startSmtpSink();
  const dir = await writeTree({}, 'referable-build-pool-');
  const delivery = createSmtpDelivery(sink.url, { perSecond: 1000 });
  cleanups.push(
    () => removeTree(dir),
    () => sink.close(),
    () => delivery.close(),
  );
  const journal = await openHistoryJournal(dir, '2026-11');
  const byTouch = new Map(messages.map((m) => [m.touch, m]));
  const report = await deliverEmails({
    touches,
    prepare: (t) => ({ ok: true, email: byTouch.get(t.id) as OutgoingEmail }),
    delivery,
    journal,
    now: () => '2026-11-03T09:00:00Z',
    ...(builder ? { builder } : {}),
  });
  await journal.close();
  return { report, received: sink.received };
}

/** What a reader sees of a message: every header line (the MIME boundary aside), both bodies. */
async function reading(message: Received) {
  const mail: ParsedMail = await simpleParser(message.raw);
  const lines = mail.headerLines.map((h) => h.line.replace(/boundary="?[^";\s]+"?/, 'boundary=…'));
  return {
    envelope: { from: message.from, to: message.to },
    lines,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments.length,
  };
}

const byMessageId = async (received: Received[]) =>
  (await Promise.all(received.map(reading))).toSorted((a, b) => String(a.lines).localeCompare(String(b.lines)));

describe('the build pool', () => {
  it('builds every message on a worker thread', async () => {
    const messages = await fixtureMessages(TOUCHES);
    const raws = await (await pool()).build(messages);
    expect(raws.map((r) => r instanceof Uint8Array && r.byteLength > 1000)).toEqual([true, true, true]);
  });

  it('sends, through the send loop, the same messages as the single-thread path', async () => {
    const messages = await fixtureMessages(TOUCHES);
    const single = await sendThroughLoop(TOUCHES, messages);
    const builder = await pool();
    const built: (Uint8Array | undefined)[] = [];
    const pooled = await sendThroughLoop(TOUCHES, messages, {
      build: async (emails) => {
        const raws = await builder.build(emails);
        built.push(...raws);
        return raws;
      },
      close: builder.close,
    });
    expect(built.map((raw) => raw instanceof Uint8Array)).toEqual([true, true, true]);
    expect(pooled.report.results.map((r) => r.outcome.status)).toEqual(['sent', 'sent', 'sent']);
    expect(single.received).toHaveLength(3);
    const [a, b] = [await byMessageId(single.received), await byMessageId(pooled.received)];
    expect(b).toEqual(a);
    // Not the same bytes by accident: each path drew its own MIME boundaries.
    expect(pooled.received.map((m) => m.raw.toString()).toSorted()).not.toEqual(single.received.map((m) => m.raw.toString()).toSorted());
    expect(a.every((m) => m.lines.some((l) => l.startsWith('List-Unsubscribe:')))).toBe(true);
  });

  it('leaves a message it cannot build to the delivery, which ends it as it does without the pool', async () => {
    const [good, bad] = await fixtureMessages(TOUCHES.slice(0, 2));
    // Bad input: a body that asks nodemailer to read a file, which the options forbid.
    const broken = { ...bad, html: { path: '/etc/hostname' } as unknown as string };
    const raws = await (await pool()).build([good, broken]);
    expect(raws.map((r) => r === undefined)).toEqual([false, true]);
    const touches = TOUCHES.slice(0, 2);
    const single = await sendThroughLoop(touches, [good, broken]);
    const pooled = await sendThroughLoop(touches, [good, broken], await pool());
    const outcomes = (r: typeof single) => r.report.results.map((x) => x.outcome).toSorted((p, q) => p.status.localeCompare(q.status));
    expect(outcomes(pooled)).toEqual(outcomes(single));
    const failed = outcomes(pooled).find((o) => o.status !== 'sent');
    expect(failed && 'reason' in failed ? failed.reason : '').toContain('File access rejected');
    expect(JSON.stringify(failed)).not.toMatch(/\n\s+at /);
    expect(pooled.received).toHaveLength(1);
  });
});
