import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { parseImapUrl, TAKEN_IN } from '../src/adapters/mailbox/index.ts';
import { startDovecot, type Dovecot } from './helpers/dovecot.ts';
import { buildBounce, buildMail, touchMessageId } from './helpers/intake-mail.ts';
import { runScript, ROOT } from './helpers/run-script.ts';
import { removeTree } from './helpers/temp-dir.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/intake');

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
}, 30_000);
afterAll(async () => dovecot?.stop());

/** A client of the test mailbox, to put messages in and read their flags back. */
async function withMailbox<T>(mailbox: string, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await client.connect();
  try {
    await client.mailboxCreate(mailbox).catch(() => undefined);
    return await work(client);
  } finally {
    await client.logout();
  }
}

async function flagsBySubject(mailbox: string): Promise<Record<string, string[]>> {
  return withMailbox(mailbox, async (client) => {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const out: Record<string, string[]> = {};
      for (const m of await client.fetchAll('1:*', { envelope: true, flags: true }))
        out[m.envelope?.subject ?? ''] = [...(m.flags ?? [])].sort();
      return out;
    } finally {
      lock.release();
    }
  });
}

describe('parseImapUrl', () => {
  it('reads the parts of IMAP_URL, and refuses what is not one', () => {
    expect(parseImapUrl('imaps://hello%40harbourhill.example:p%40ss%2Fword@imap.example.com/Referable%20replies')).toEqual({
      host: 'imap.example.com',
      port: 993,
      secure: true,
      user: 'hello@harbourhill.example',
      pass: 'p@ss/word',
      mailbox: 'Referable replies',
    });
    expect(parseImapUrl('imap://owner:secret@127.0.0.1:1430')).toMatchObject({ port: 1430, secure: false, mailbox: 'INBOX' });
    expect(parseImapUrl('smtp://owner:secret@mail.example.com')).toBeUndefined();
    expect(parseImapUrl('imap://mail.example.com')).toBeUndefined();
    expect(parseImapUrl('imap://owner:%E0%A4%A@mail.example.com')).toBeUndefined();
  });
});

describe('npm run intake -- --imap, against dovecot on loopback', () => {
  let dir: string;
  afterEach(async () => removeTree(dir));

  it('takes in new messages, marks them only after their effect is written, and never takes one in twice', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referable-imap-'));
    const content = path.join(dir, 'content');
    await cp(FIXTURE, content, { recursive: true });
    const mailbox = 'Replies';
    await withMailbox(mailbox, async (client) => {
      const reply = await buildMail({
        from: 'Ana Ruiz <ana.ruiz@example.com>',
        to: 'hello@harbourhill.example',
        subject: 'Re: A small favour, Ana?',
        text: 'Hi Maya,\n\nYou made buying our first house easy.\n\nYou can use this on your website.\n\nAna\n\nOn Mon, 2 Nov 2026, Maya Okafor wrote:\n> Would you reply?\n',
        messageId: '<imap-reply@example.com>',
        inReplyTo: touchMessageId('ana-ruiz.testimonial-request.ask.2026-11-02'),
        // As the mailbox provider the fixture's settings trust wrote it on arrival.
        headers: { 'Authentication-Results': 'mx.harbourhill.example; dkim=pass header.d=example.com; dmarc=pass header.from=example.com' },
      });
      await client.append(mailbox, reply, []);
      await client.append(
        mailbox,
        await buildMail({
          from: 'tom.harris@example.com',
          to: 'unsubscribe@harbourhill.example',
          subject: 'Unsubscribe tom-harris',
          text: '',
          messageId: '<imap-unsub@example.com>',
        }),
        [],
      );
      await client.append(
        mailbox,
        await buildBounce({
          recipient: 'priya@patel.example',
          status: '5.1.1',
          action: 'failed',
          diagnostic: '550 5.1.1 <priya@patel.example>: Recipient address rejected: User unknown',
          original: touchMessageId('priya-patel.monthly-note.note.2026-11-04'),
          messageId: '<imap-dsn@mx.example>',
        }),
        [],
      );
      await client.append(
        mailbox,
        await buildMail({
          from: 'sam@lee.example',
          to: 'hello@harbourhill.example',
          subject: 'Lunch on Friday?',
          text: 'Are you free?',
          messageId: '<imap-lunch@lee.example>',
        }),
        [],
      );
      // Read by the owner already: not new, so not taken in.
      await client.append(
        mailbox,
        await buildMail({
          from: 'leo.novak@example.net',
          to: 'unsubscribe@harbourhill.example',
          subject: 'Unsubscribe leo-novak',
          text: '',
          messageId: '<imap-read@example.net>',
        }),
        ['\\Seen'],
      );
    });
    const env = { IMAP_URL: dovecot.url(mailbox) };
    const shown = (text: string) => text.replaceAll(String(dovecot.port), 'PORT').replaceAll(`${dir}/`, '');

    // The effect cannot be written (testimonials/ is a file): nothing may be marked.
    await rm(path.join(content, 'testimonials'), { recursive: true });
    await writeFile(path.join(content, 'testimonials'), 'in the way');
    const failed = await runScript('intake', ['--imap', '--content', content, '--date', '2026-11-04'], env);
    expect(shown(failed.stderr)).toMatchInlineSnapshot(`
      "Intake from the mailbox failed, nothing was marked read: could not write the changes: EEXIST on content/testimonials
      "
    `);
    expect(failed.code).toBe(1);
    expect(await flagsBySubject(mailbox)).toEqual({
      'Re: A small favour, Ana?': [],
      'Unsubscribe tom-harris': [],
      'Undelivered Mail Returned to Sender': [],
      'Lunch on Friday?': [],
      'Unsubscribe leo-novak': ['\\Seen'],
    });
    await rm(path.join(content, 'testimonials'));

    // The contact changes written before the failure are found already made: nothing twice.
    const first = await runScript('intake', ['--imap', '--content', content, '--date', '2026-11-04'], env);
    expect(shown(first.stderr)).toBe('');
    expect(shown(first.stdout)).toMatchInlineSnapshot(`
      "  testimonial  imap:Replies/1: ana-ruiz replied to the testimonial request: draft content/testimonials/ana-ruiz-reply-2026-11-04.mdx
        unsubscribe  imap:Replies/2: tom-harris asked to unsubscribe (sent to unsubscribe@harbourhill.example): already unsubscribed in content/contacts/tom-harris.yaml
        bounce       imap:Replies/3: priya@patel.example (550 5.1.1 <priya@patel.example>: Recipient address rejected: User unknown): already flagged in content/contacts/priya-patel.yaml
        left alone   imap:Replies/4: "Lunch on Friday?" from sam@lee.example: not recognised; left alone
      imap://127.0.0.1:PORT/Replies: 4 messages read: 1 change written, 2 already taken in, 0 noted, 1 left alone, 1 reply counted as a touch.
      "
    `);
    expect(first.code).toBe(0);
    expect(await flagsBySubject(mailbox)).toEqual({
      'Re: A small favour, Ana?': [TAKEN_IN, '\\Seen'].sort(),
      'Unsubscribe tom-harris': [TAKEN_IN, '\\Seen'].sort(),
      'Undelivered Mail Returned to Sender': [TAKEN_IN, '\\Seen'].sort(),
      'Lunch on Friday?': [TAKEN_IN],
      'Unsubscribe leo-novak': ['\\Seen'],
    });
    expect(await readFile(path.join(content, 'testimonials/ana-ruiz-reply-2026-11-04.mdx'), 'utf8')).toContain(
      'quote: You made buying our first house easy.',
    );
    expect(await readFile(path.join(content, 'contacts/tom-harris.yaml'), 'utf8')).toContain(
      "evidence: 'Email <imap-unsub@example.com> of 2026-11-04",
    );
    expect(await readFile(path.join(content, 'contacts/leo-novak.yaml'), 'utf8')).not.toContain('unsubscribed');

    const second = await runScript('intake', ['--imap', '--content', content, '--date', '2026-11-05'], env);
    expect(shown(second.stdout)).toMatchInlineSnapshot(`
      "imap://127.0.0.1:PORT/Replies: 0 messages read: 0 changes written, 0 already taken in, 0 noted, 0 left alone.
      "
    `);
  });

  it("runs in the daily job before planning, so an unsubscribe read today is honoured by today's sends (issue 9, point 4)", async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referable-imap-'));
    const content = path.join(dir, 'content');
    const outbox = path.join(dir, 'outbox');
    await cp(FIXTURE, content, { recursive: true });
    const mailbox = 'Daily';
    const request = await buildMail({
      from: 'tom.harris@example.com',
      to: 'unsubscribe@harbourhill.example',
      subject: 'Unsubscribe tom-harris',
      text: '',
      messageId: '<daily-unsub@example.com>',
    });
    await withMailbox(mailbox, (client) => client.append(mailbox, request, []));
    const env = { IMAP_URL: dovecot.url(mailbox), SMTP_URL: '', GITHUB_TOKEN: '', GITHUB_REPOSITORY: '' };
    const rehearsal = await runScript('daily', ['--content', content, '--outbox', outbox, '--date', '2026-11-04', '--dry-run'], env);
    expect(rehearsal.stdout).toContain(`imap://127.0.0.1:${dovecot.port}/Daily: not read in a dry run.`);

    const run = await runScript('daily', ['--content', content, '--outbox', outbox, '--date', '2026-11-04'], env);
    expect(run.stdout).toContain('tom-harris asked to unsubscribe (sent to unsubscribe@harbourhill.example): marked unsubscribed');
    const sent = (await readdir(outbox)).filter((f) => f.endsWith('.eml')).sort();
    expect(sent).toEqual([
      'ana-ruiz.monthly-note.note.2026-11-04.eml',
      'leo-novak.monthly-note.note.2026-11-04.eml',
      'priya-patel.monthly-note.note.2026-11-04.eml',
    ]);
    expect(await flagsBySubject(mailbox)).toEqual({ 'Unsubscribe tom-harris': [TAKEN_IN, '\\Seen'].sort() });
  });

  it('says why when it cannot log in, and shows no password', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referable-imap-'));
    // On a copy: even a run that fails takes the history's lock, which makes the folder.
    const content = path.join(dir, 'content');
    await cp(FIXTURE, content, { recursive: true });
    const url = `imap://${dovecot.user}:wrong-secret@127.0.0.1:${dovecot.port}/INBOX`;
    const run = await runScript('intake', ['--imap', '--content', content], { IMAP_URL: url });
    expect(run.stderr.replaceAll(String(dovecot.port), 'PORT')).toMatchInlineSnapshot(`
      "Intake from the mailbox failed, nothing was marked read: could not log in to imap://127.0.0.1:PORT/INBOX: Authentication failed.
      "
    `);
    expect(run.stderr + run.stdout).not.toContain('wrong-secret');
    expect(run.code).toBe(1);
  });
});
