/**
 * History never records an email address (issue 15 point 7), even when the mail server names the
 * recipient in its replies, as many do. The real daily job sends to a real SMTP server on
 * loopback that echoes addresses in its 250, 451 and 550 replies; the history it writes is read
 * back from disk.
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE } from './helpers/email-fixture.ts';
import { runScript } from './helpers/run-script.ts';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

let dir = '';
let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  await removeTree(dir);
});

describe('history written from a server that echoes addresses', () => {
  it('keeps what happened and drops every address', async () => {
    dir = await writeTree({});
    const content = path.join(dir, 'content');
    await cp(FIXTURE, content, { recursive: true });
    sink = await startSmtpSink({
      echoAddresses: true,
      rcpt: (address) => (address.startsWith('priya@') ? 550 : address.startsWith('tom@') ? 451 : undefined),
    });
    const run = await runScript('daily', ['--content', content, '--outbox', path.join(dir, 'outbox'), '--date', '2026-11-03'], {
      SMTP_URL: sink.url,
    });
    // Real mail without REFERABLE_SECRET: said once, and sent unsigned.
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe(
      'REFERABLE_SECRET is not set: Message-IDs are not signed and emails offer only the mailto unsubscribe (README: "Use it for real", step 3).',
    );
    expect(run.stdout.match(/REFERABLE_SECRET/g)).toHaveLength(1);
    expect(sink.received.map((m) => m.to)).toEqual([['ana@mail.example']]);

    const text = await readFile(path.join(content, 'history', '2026-11.jsonl'), 'utf8');
    const outcomes = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, string>)
      .filter((e) => e.channel === 'email' && e.event !== 'claimed')
      .map(({ event, contact, response, reason, messageId }) => ({ event, contact, said: response ?? reason, messageId }));
    expect(outcomes.toSorted((a, b) => a.contact.localeCompare(b.contact))).toEqual([
      {
        event: 'sent',
        contact: 'ana-ruiz',
        said: '250 2.0.0 OK <[address]> queued as 1',
        messageId: '<ana-ruiz.monthly-newsletter.send.2026-11-03@harbourhill.example>',
      },
      { event: 'skipped', contact: 'leo-novak', said: 'unsubscribed on 2026-09-01', messageId: undefined },
      { event: 'failed', contact: 'priya-patel', said: 'EENVELOPE 550 5.1.1 <[address]>: user unknown', messageId: undefined },
      { event: 'failed', contact: 'tom-harris', said: 'EENVELOPE 451 4.2.1 <[address]>: mailbox busy, try later', messageId: undefined },
    ]);
    // The only @ left in the whole file is in the Message-IDs, which name a touch, not a person.
    const withoutMessageIds = text.replace(/"messageId":"<[^"]*>"/g, '');
    expect(withoutMessageIds).not.toContain('@');
  });
});
