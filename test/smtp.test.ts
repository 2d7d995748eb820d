import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpDelivery, redactSmtpUrl } from '../src/adapters/mail/index.ts';
import { signerFromEnv } from '../src/adapters/signing/index.ts';
import type { Delivery } from '../src/core/email/index.ts';
import { readUnsubscribeToken, type Sign, signedMessageId } from '../src/core/signing/index.ts';
import { emailTouch, fixtureMessages } from './helpers/email-fixture.ts';
import { startSilentServer, startSmtpSink, type SinkOptions } from './helpers/smtp-sink.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(options: SinkOptions = {}, timeouts = {}) {
  const sink = await startSmtpSink(options);
  const delivery = createSmtpDelivery(sink.url, { perSecond: 1000, ...timeouts });
  cleanups.push(
    () => sink.close(),
    () => delivery.close(),
  );
  return { sink, delivery };
}

const newsletter = (sign?: Sign) =>
  fixtureMessages(
    [emailTouch('ana-ruiz', 'newsletter', { plan: 'monthly-newsletter', step: 'send', newsletter: '2026-11-winter-bills' })],
    undefined,
    sign,
  );

describe('SMTP delivery to a real server', () => {
  it('delivers the newsletter with its headers, both bodies, links and the unsubscribe parts', async () => {
    const { sink, delivery } = await setup();
    // Signed, as real mail is with REFERABLE_SECRET set.
    const signer = signerFromEnv({ REFERABLE_SECRET: 'the smtp test secret of forty characters' });
    const sign = signer.ok ? signer.sign : undefined;
    if (!sign) throw new Error('no signer');
    const [message] = await newsletter(sign);
    const messageId = signedMessageId(sign, 'ana-ruiz.monthly-newsletter.send.2026-11-03', 'maya@harbourhill.example');
    const outcome = await delivery.send(message);
    expect(outcome).toMatchObject({ status: 'sent', messageId });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0].from).toBe('maya@harbourhill.example');
    expect(sink.received[0].to).toEqual(['ana@mail.example']);

    const mail = await simpleParser(sink.received[0].raw);
    expect(mail.from?.value).toEqual([{ name: 'Maya Brennan', address: 'maya@harbourhill.example' }]);
    expect(mail.replyTo?.value).toEqual([{ name: '', address: 'hello@harbourhill.example' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([{ name: 'Ana Ruiz', address: 'ana@mail.example' }]);
    expect(mail.subject).toBe('Ana, five ways to cut your winter energy bill');
    expect(mail.messageId).toBe(messageId);
    expect(mail.date?.toISOString()).toBe('2026-11-03T09:00:00.000Z');
    const header = (key: string) => mail.headerLines.filter((h) => h.key === key).map((h) => h.line.replace(/\r?\n\s+/g, ' '));
    expect(header('list-unsubscribe-post')).toEqual(['List-Unsubscribe-Post: List-Unsubscribe=One-Click']);
    const token = /[?&]t=([\w.-]+)/.exec(header('list-unsubscribe')[0] ?? '')?.[1] ?? '';
    expect(readUnsubscribeToken(sign, token)?.contacts).toEqual(['ana-ruiz']);
    expect(header('list-unsubscribe')).toEqual([
      `List-Unsubscribe: <mailto:unsubscribe@harbourhill.example?subject=Unsubscribe%20${token}>, <https://harbourhill.example/unsubscribe?t=${token}>`,
    ]);

    const html = String(mail.html);
    expect(html).toContain('Small changes that pay for themselves before spring'); // preheader
    expect(html).toContain(`<a href="https://harbourhill.example/unsubscribe/?t=${token}"`);
    expect(html).toContain('12 Wapping Road, Bristol, BS1 4RW, United Kingdom');
    expect(html).toContain('Bleed the radiators first');
    expect(html).toContain('Maya sold our home in nine days');
    expect(html).toContain('Most homes we sell in Clifton take four to eight weeks.');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('{{');
    expect(html).not.toMatch(/fonts\.googleapis|<script/);
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(2);
    for (const link of links) expect(link).toMatch(/^(https:\/\/|mailto:)/);

    const text = mail.text ?? '';
    expect(text).toContain('Hi Ana,');
    expect(text).toContain(`Unsubscribe [https://harbourhill.example/unsubscribe/?t=${token}]`);
    expect(text).toContain('Harbour & Hill Homes, 12 Wapping Road, Bristol, BS1 4RW, United Kingdom');
    expect(text).toContain('Read the Energy Saving Trust guide [https://energysavingtrust.org.uk/advice/roof-and-loft-insulation/]');
  });

  it('sends many messages over one pool, each once', async () => {
    const { sink, delivery } = await setup();
    const messages = await fixtureMessages(
      ['ana-ruiz', 'priya-patel', 'tom-harris'].map((c) => emailTouch(c, 'note', { subject: 'Hello {{firstName}}' })),
    );
    const outcomes = await Promise.all(messages.map((m) => delivery.send(m)));
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'sent', 'sent']);
    expect(sink.received.map((r) => r.to[0]).sort()).toEqual(['ana@mail.example', 'priya@mail.example', 'tom@mail.example']);
  });
});

describe('SMTP failures become outcomes', () => {
  it('421 on connect is temporary, and counts towards stopping the run', async () => {
    const { sink, delivery } = await setup({ refuseConnect: true });
    const [message] = await newsletter();
    expect(await delivery.send(message)).toMatchObject({
      status: 'failed',
      temporary: true,
      fault: 'lost',
      reason: expect.stringContaining('421'),
    });
    expect(sink.received).toEqual([]);
  });

  // Issue 15: a 535 used to fail every recipient permanently, and those emails were never sent.
  it('535 on AUTH is not the touch’s failure: not sent, and the run must stop; the password appears nowhere', async () => {
    const sink = await startSmtpSink({ authFails: true });
    const delivery = createSmtpDelivery(`smtp://agent:s3cret-Pa55@127.0.0.1:${sink.port}`, { perSecond: 100 });
    cleanups.push(
      () => sink.close(),
      () => delivery.close(),
    );
    const [message] = await newsletter();
    const outcome = await delivery.send(message);
    expect(outcome).toMatchObject({ status: 'not-sent', fault: 'account', reason: expect.stringContaining('535') });
    expect(JSON.stringify(outcome)).not.toContain('s3cret');
    expect(sink.received).toEqual([]);
  });

  it('a server that requires TLS, and a certificate that cannot be trusted, stop the run', async () => {
    const sink = await startSmtpSink({ requireTls: true });
    const plain = createSmtpDelivery(`smtp://127.0.0.1:${sink.port}?ignoreTLS=true`, { perSecond: 100 });
    const checked = createSmtpDelivery(sink.url, { perSecond: 100 });
    cleanups.push(
      () => sink.close(),
      () => plain.close(),
      () => checked.close(),
    );
    const [message] = await newsletter();
    expect(await plain.send(message)).toMatchObject({ status: 'not-sent', fault: 'tls', reason: expect.stringContaining('530') });
    expect(await checked.send(message)).toMatchObject({ status: 'not-sent', fault: 'tls' });
    expect(sink.received).toEqual([]);
  });

  it('a server that refuses every connection with 554 stops the run', async () => {
    const { delivery } = await setup({ refuseConnect: 554 });
    const [message] = await newsletter();
    expect(await delivery.send(message)).toMatchObject({ status: 'not-sent', fault: 'refused', reason: expect.stringContaining('554') });
  });

  it('451 on RCPT is temporary, 550 is permanent, and the pool carries on', async () => {
    const { sink, delivery } = await setup({ rcpt: (a) => (a.startsWith('ana') ? 451 : a.startsWith('priya') ? 550 : undefined) });
    const messages = await fixtureMessages(['ana-ruiz', 'priya-patel', 'tom-harris'].map((c) => emailTouch(c, 'note', { subject: 'Hi' })));
    const outcomes = [];
    for (const m of messages) outcomes.push(await delivery.send(m));
    expect(outcomes[0]).toMatchObject({ status: 'failed', temporary: true, reason: expect.stringContaining('451') });
    expect(outcomes[1]).toMatchObject({ status: 'failed', temporary: false, reason: expect.stringContaining('550') });
    expect(outcomes[2]).toMatchObject({ status: 'sent' });
    expect(sink.received.map((r) => r.to)).toEqual([['tom@mail.example']]);
  });

  it('a connection dropped in the middle of DATA is unknown, and is not sent again', async () => {
    let attempts = 0;
    const { sink, delivery } = await setup({ data: () => (attempts++ === 0 ? 'drop' : 'accept') });
    const [message] = await newsletter();
    expect(await delivery.send(message)).toMatchObject({
      status: 'unknown',
      reason: expect.stringContaining('after the message was handed over'),
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(attempts).toBe(1);
    expect(sink.received).toEqual([]);
  });

  it('a server that takes the message and never replies is unknown after the timeout, counted as a timeout', async () => {
    const { delivery } = await setup({ data: () => 'hang' }, { timeout: 400 });
    const [message] = await newsletter();
    expect(await delivery.send(message)).toMatchObject({
      status: 'unknown',
      fault: 'timeout',
      reason: expect.stringContaining('ETIMEDOUT'),
    });
  });

  it('abort gives up on every open send: the one on the wire is unknown, the one waiting is not sent', async () => {
    let arrived: () => void = () => {};
    const onWire = new Promise<void>((resolve) => (arrived = resolve));
    const { delivery } = await setup({ data: () => 'hang', onHang: () => arrived() }, { timeout: 10_000, maxConnections: 1 });
    const [first, second] = await fixtureMessages(['ana-ruiz', 'tom-harris'].map((c) => emailTouch(c, 'note', { subject: 'Hi' })));
    const sends = [delivery.send(first), delivery.send(second)];
    await onWire;
    delivery.abort();
    const [a, b] = await Promise.all(sends);
    expect(a).toMatchObject({ status: 'unknown' });
    expect(b).toEqual({ status: 'not-sent', reason: 'Connection pool was closed' });
  });

  it('a server that never greets times out before DATA: temporary', async () => {
    const silent = await startSilentServer();
    const delivery: Delivery = createSmtpDelivery(`smtp://127.0.0.1:${silent.port}`, {
      perSecond: 10,
      greetingTimeout: 300,
      connectionTimeout: 300,
      socketTimeout: 300,
    });
    cleanups.push(
      () => silent.close(),
      () => delivery.close(),
    );
    const [message] = await newsletter();
    expect(await delivery.send(message)).toMatchObject({
      status: 'failed',
      temporary: true,
      fault: 'timeout',
      reason: expect.stringContaining('ETIMEDOUT'),
    });
  });

  it('a refused connection stops the run, and the secret in SMTP_URL appears nowhere', async () => {
    const silent = await startSilentServer();
    const port = silent.port;
    await silent.close();
    const url = `smtp://agent:s3cret-Pa55@127.0.0.1:${port}`;
    const delivery = createSmtpDelivery(url, { perSecond: 10, connectionTimeout: 300 });
    cleanups.push(() => delivery.close());
    const [message] = await newsletter();
    const outcome = await delivery.send(message);
    expect(outcome).toMatchObject({ status: 'not-sent', fault: 'unreachable', reason: expect.stringContaining('ECONNREFUSED') });
    expect(JSON.stringify(outcome)).not.toContain('s3cret');
    expect(delivery.name).toBe(`smtp://127.0.0.1:${port}`);
    expect(redactSmtpUrl('smtps://u:p%40ss@mail.example.com:465/?x=1')).toBe('smtps://mail.example.com:465');
  });
});
