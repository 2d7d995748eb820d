import { describe, expect, it } from 'vitest';
import { deliverEmails } from './deliver.ts';
import type { Journal, SendOutcome, DueTouch } from '../touches/index.ts';
import type { Delivery, OutgoingEmail } from '../email/index.ts';
import type { HistoryEntry } from '../model/index.ts';

const day = Temporal.PlainDate.from('2026-11-03');
const at = '2026-11-03T09:00:00Z';
const touches: DueTouch[] = Array.from({ length: 23 }, (_, i) => ({
  id: `c${i}.news.send.2026-11-03`,
  contact: `c${i}`,
  plan: 'news',
  step: 'send',
  channel: 'email',
  due: day,
  date: day,
  priority: 1,
  reason: 'r',
}));
const email = (touch: DueTouch): OutgoingEmail => ({
  touch: touch.id,
  from: { name: 'Harbour Hill', address: 'hello@harbourhill.example' },
  to: [{ name: touch.contact, address: `${touch.contact}@example.com` }],
  subject: 'News',
  messageId: `<${touch.id}@harbourhill.example>`,
  date: Temporal.Instant.from(at),
  html: '<p>News</p>',
  text: 'News\n',
  listUnsubscribe: ['mailto:unsubscribe@harbourhill.example'],
  oneClick: false,
});
const sent = (touch: string): SendOutcome => ({ status: 'sent', messageId: `<${touch}@harbourhill.example>`, response: '250 Ok' });

/**
 * A journal that keeps what reached "disk" (durable appends, and everything before them) apart
 * from what was only appended, and a delivery that checks each message's claim is on disk.
 */
function edges(answer: (touch: string, sends: string[]) => Promise<SendOutcome>, failDurable?: number) {
  const appended: HistoryEntry[] = [];
  const onDisk: HistoryEntry[] = [];
  const sends: string[] = [];
  const unclaimed: string[] = [];
  let durables = 0;
  let open = 0;
  let mostOpen = 0;
  const journal: Journal = {
    async append(entries, options) {
      await Promise.resolve();
      if (options?.durable && ++durables === failDurable) throw new Error('ENOSPC: no space left on device');
      appended.push(...entries);
      if (options?.durable) onDisk.splice(0, onDisk.length, ...appended);
    },
  };
  let aborted = 0;
  const delivery: Delivery = {
    name: 'test',
    async send(message) {
      if (!onDisk.some((e) => e.event === 'claimed' && e.touch === message.touch)) unclaimed.push(message.touch);
      sends.push(message.touch);
      mostOpen = Math.max(mostOpen, ++open);
      const outcome = await answer(message.touch, sends);
      open--;
      return outcome;
    },
    abort() {
      aborted++;
    },
    async close() {},
  };
  return { journal, delivery, appended, sends, unclaimed, mostOpen: () => mostOpen, aborted: () => aborted };
}

describe('the send loop', () => {
  it('claims each batch on disk before any of its messages leaves, and records every outcome', async () => {
    const e = edges(async (touch) => sent(touch));
    const report = await deliverEmails({ touches, prepare: (t) => ({ ok: true, email: email(t) }), ...e, now: () => at, batchSize: 5 });
    expect(e.unclaimed).toEqual([]);
    expect(e.sends.toSorted()).toEqual(touches.map((t) => t.id).toSorted());
    expect(report.results.map((r) => r.touch.id).toSorted()).toEqual(touches.map((t) => t.id).toSorted());
    for (const t of touches) expect(e.appended.filter((h) => h.touch === t.id).map((h) => h.event)).toEqual(['claimed', 'sent']);
    // At most two batches claimed and unanswered: what a crash can leave unknown.
    expect(e.mostOpen()).toBeLessThanOrEqual(10);
  });

  it('sends a household’s touch once, claiming and recording it for each member', async () => {
    const [lead, partner, ...rest] = touches.slice(0, 4);
    const together = { ...lead, household: [partner] };
    const e = edges(async (touch) => sent(touch));
    await deliverEmails({ touches: [together, ...rest], prepare: (t) => ({ ok: true, email: email(t) }), ...e, now: () => at });
    expect(e.sends).toEqual([lead.id, ...rest.map((t) => t.id)]);
    for (const t of [lead, partner]) {
      expect(e.appended.filter((h) => h.touch === t.id).map((h) => [h.event, h.contact, 'messageId' in h ? h.messageId : ''])).toEqual([
        ['claimed', t.contact, ''],
        ['sent', t.contact, `<${lead.id}@harbourhill.example>`],
      ]);
    }
  });

  it('claims the next batch when a batch’s worth has answered, while one slow message waits', async () => {
    // The first message is answered only once the last one has gone out: a loop that waited for
    // whole batches would wait for it forever.
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const last = touches.at(-1)!.id;
    const e = edges(async (touch, sends) => {
      if (sends.includes(last)) release();
      if (touch === touches[0].id) await slow;
      return sent(touch);
    });
    const report = await deliverEmails({ touches, prepare: (t) => ({ ok: true, email: email(t) }), ...e, now: () => at, batchSize: 5 });
    expect(report.results).toHaveLength(touches.length);
    expect(e.unclaimed).toEqual([]);
    expect(e.mostOpen()).toBeLessThanOrEqual(10);
  });

  it('stops claiming and sending when history cannot be written', async () => {
    const e = edges(async (touch) => sent(touch), 2);
    await expect(
      deliverEmails({ touches, prepare: (t) => ({ ok: true, email: email(t) }), ...e, now: () => at, batchSize: 5 }),
    ).rejects.toThrow('ENOSPC');
    // Only the first batch, whose claims were written, went out.
    expect(e.sends.toSorted()).toEqual(
      touches
        .slice(0, 5)
        .map((t) => t.id)
        .toSorted(),
    );
    expect(e.unclaimed).toEqual([]);
  });

  it('stops at a fault beyond one recipient: releases the claims it did not send, leaves the rest unclaimed', async () => {
    // Issue 15: a wrong password failed every touch permanently; now it fails none.
    const ordered = touches.toSorted((a, b) => a.id.localeCompare(b.id));
    const e = edges(async (touch) =>
      touch >= ordered[7].id
        ? { status: 'not-sent', fault: 'account', reason: 'EAUTH 535 Authentication credentials invalid' }
        : sent(touch),
    );
    const report = await deliverEmails({
      touches: ordered,
      prepare: (t) => ({ ok: true, email: email(t) }),
      ...e,
      now: () => at,
      batchSize: 5,
    });
    expect(report.stopped).toEqual({
      fault: 'account',
      reason: 'EAUTH 535 Authentication credentials invalid',
      fix: 'the mail server refused the account: check the user name and password in SMTP_URL',
    });
    expect(e.aborted()).toBe(1);
    const events = (id: string) => e.appended.filter((h) => h.touch === id).map((h) => h.event);
    const claimed = ordered.filter((t) => events(t.id).length);
    // Claimed touches end sent or released, never failed; the rest have no entry and are unsent.
    for (const t of claimed) expect(events(t.id)).toEqual(t.id < ordered[7].id ? ['claimed', 'sent'] : ['claimed', 'released']);
    expect(claimed.length).toBeLessThan(ordered.length);
    expect(report.unsent.map((t) => t.id)).toEqual(ordered.slice(claimed.length).map((t) => t.id));
    expect(e.appended.some((h) => h.event === 'failed')).toBe(false);
  });

  it('stops after N timeouts in a row: the open sends end unknown, the rest stay unclaimed', async () => {
    const e = edges(async () => ({ status: 'unknown', fault: 'timeout', reason: 'ETIMEDOUT Timeout' }));
    const report = await deliverEmails({
      touches,
      prepare: (t) => ({ ok: true, email: email(t) }),
      ...e,
      now: () => at,
      batchSize: 5,
      stopAfter: 3,
    });
    expect(report.stopped?.fault).toBe('timeout');
    // The loop never claims past the batch in flight and the one after it.
    expect(e.sends.length).toBeLessThanOrEqual(10);
    expect(report.results.every((r) => r.outcome.status === 'unknown')).toBe(true);
    expect(report.results.length + report.unsent.length).toBe(touches.length);
  });
});
