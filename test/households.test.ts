import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

/** The sample's couples: the December newsletter reaches each as one email greeting both. */
describe('households on the sample content, 1 December 2026', () => {
  let dir: string;
  let sink: SmtpSink;
  let first: Awaited<ReturnType<typeof runScript>>;
  let second: Awaited<ReturnType<typeof runScript>>;
  const content = () => path.join(dir, 'content');
  const args = () => ['--content', content(), '--date', '2026-12-01', '--outbox', path.join(dir, 'outbox')];

  beforeAll(async () => {
    dir = await writeTree({});
    await copySample(content());
    sink = await startSmtpSink();
    first = await runScript('daily', args(), { SMTP_URL: sink.url });
    second = await runScript('daily', args(), { SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await sink?.close();
    await removeTree(dir);
  });

  it('sends the newsletter to the Grants once, to both, greeting both', async () => {
    expect(first.code).toBe(0);
    const theirs = sink.received.filter((m) => m.to.some((to) => /grant/.test(to)));
    expect(theirs.map((m) => m.to)).toEqual([['hana.grant@example.com', 'oliver@grant-studio.example']]);
    const mail = await simpleParser(theirs[0].raw);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([
      { name: 'Hana Grant', address: 'hana.grant@example.com' },
      { name: 'Oliver Grant', address: 'oliver@grant-studio.example' },
    ]);
    expect(mail.text).toMatch(/\nHi Hana and Oliver,\n/);
    // The Harrises and the Okafors too: no couple gets two copies.
    for (const name of ['harris', 'okafor']) expect(sink.received.filter((m) => m.to.some((to) => to.includes(name)))).toHaveLength(1);
  });

  it('records the touch for each member, with the one message sent, and sends nothing on a rerun', async () => {
    const history = (await readFile(path.join(content(), 'history', '2026-12.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; touch: string; messageId?: string });
    const sent = (touch: string) => history.filter((e) => e.touch === touch && e.event === 'sent').map((e) => e.messageId);
    const id = '<hana-grant.monthly-newsletter.send.2026-12-01@wellsmercer.example>';
    expect(sent('hana-grant.monthly-newsletter.send.2026-12-01')).toEqual([id]);
    expect(sent('oliver-grant.monthly-newsletter.send.2026-12-01')).toEqual([id]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^\s+sent\s+0$/m);
  });
});
