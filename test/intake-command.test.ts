import { afterEach, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readContent } from '../src/adapters/fs/index.ts';
import { planTouches } from '../src/core/planning/index.ts';
import { buildBounce, buildMail, touchMessageId } from './helpers/intake-mail.ts';
import { runScript, ROOT } from './helpers/run-script.ts';
import { removeTree } from './helpers/temp-dir.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/intake');

// Issue 9: a reply to a testimonial request, as a phone's mail program writes one.
const ANA_REPLY = `Hi Maya,

Buying with Harbour & Hill was the calmest part of our move. You told us what the survey
meant before we had to ask, and you kept the chain together when our buyer wobbled.

Happy for you to use this on your website and in your emails, as Ana R.

Best wishes,
Ana

-- 
Ana Ruiz
Sent from my phone

On Mon, 2 Nov 2026 at 09:00, Maya Okafor <maya@harbourhill.example> wrote:
> Hi Ana,
>
> Would you reply to this email with a sentence or two about what it was like to work with us?
`;

/** Writes every kind of message intake meets into `dir`, returning their paths in a stable order. */
async function writeMessages(dir: string): Promise<string[]> {
  const messages: Record<string, Buffer | string> = {
    'reply.eml': await buildMail({
      from: 'Ana Ruiz <ana.ruiz@example.com>',
      to: 'Harbour & Hill <hello@harbourhill.example>',
      subject: 'Re: A small favour, Ana?',
      text: ANA_REPLY,
      messageId: '<CAF=reply-1@mail.example.com>',
      inReplyTo: touchMessageId('ana-ruiz.testimonial-request.ask.2026-11-02'),
      references: [touchMessageId('ana-ruiz.testimonial-request.ask.2026-11-02')],
      // Checked on arrival by the mailbox the fixture's settings trust: her consent is recorded.
      headers: { 'Authentication-Results': 'mx.harbourhill.example; dkim=pass header.d=example.com; dmarc=pass header.from=example.com' },
    }),
    'unsubscribe-mailbox.eml': await buildMail({
      from: 'Tom Harris <Tom.Harris@example.com>',
      to: 'unsubscribe@harbourhill.example',
      subject: 'Unsubscribe tom-harris',
      text: '',
      messageId: '<unsub-7@example.com>',
    }),
    'unsubscribe-reply.eml': await buildMail({
      from: 'Leo Novak <leo.novak@example.net>',
      to: 'hello@harbourhill.example',
      subject: 'Re: News from the harbour, Leo',
      text: 'Please take me off your list.\n\nThanks, Leo\n\nOn Wed, 4 Nov 2026, Maya Okafor wrote:\n> News from the harbour\n',
      messageId: '<leo-2@example.net>',
      inReplyTo: touchMessageId('leo-novak.monthly-note.note.2026-11-04'),
    }),
    'bounce-permanent.eml': await buildBounce({
      recipient: 'priya@patel.example',
      status: '5.1.1',
      action: 'failed',
      diagnostic: '550 5.1.1 <priya@patel.example>: Recipient address rejected: User unknown in virtual mailbox table',
      original: touchMessageId('priya-patel.monthly-note.note.2026-11-04'),
      messageId: '<20261104090100.4F9B21C0A2@mx.harbourhill.example>',
    }),
    'bounce-temporary.eml': await buildBounce({
      recipient: 'ana.ruiz@example.com',
      status: '4.2.2',
      action: 'delayed',
      diagnostic: '452 4.2.2 <ana.ruiz@example.com>: Mailbox full, try again later please',
      original: touchMessageId('ana-ruiz.monthly-note.note.2026-11-04'),
      messageId: '<20261104090100.5A0C31D0B3@mx.harbourhill.example>',
    }),
    'hello.eml': await buildMail({
      from: 'Sam Lee <sam@lee.example>',
      to: 'hello@harbourhill.example',
      subject: 'Lunch on Friday?',
      text: 'Are you free?',
      messageId: '<lunch@lee.example>',
    }),
    'notes.txt': 'Just some notes about Friday, not an email.\n',
  };
  for (const [name, raw] of Object.entries(messages)) await writeFile(path.join(dir, name), raw);
  return [...Object.keys(messages).map((n) => path.join(dir, n)), path.join(dir, 'missing.eml')];
}

async function snapshotFolder(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out: Record<string, string> = {};
  for (const e of files) out[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(path.join(e.parentPath, e.name), 'utf8');
  return out;
}

describe('npm run intake', () => {
  let dir: string;
  afterEach(async () => removeTree(dir));

  /** A copy of the fixture's content in a new temporary folder, `dir`, removed after the test. */
  async function freshContent(): Promise<string> {
    dir = await mkdtemp(path.join(tmpdir(), 'referable-intake-'));
    const content = path.join(dir, 'content');
    await cp(FIXTURE, content, { recursive: true });
    return content;
  }

  // Ana's monthly note of 4 November, sent: the touch the delivery notices below return.
  const touch = 'ana-ruiz.monthly-note.note.2026-11-04';
  const sent = { touch, contact: 'ana-ruiz', plan: 'monthly-note', step: 'note', due: '2026-11-04', channel: 'email' };

  it('takes in a testimonial reply, unsubscribes and a bounce, notes a delay, lists the rest, and changes nothing the second time', async () => {
    const content = await freshContent();
    const files = await writeMessages(dir);
    const shown = (text: string) => text.replaceAll(`${dir}/`, '');

    const first = await runScript('intake', [...files, '--content', content, '--date', '2026-11-04']);
    expect(shown(first.stdout)).toMatchInlineSnapshot(`
      "  testimonial  reply.eml: ana-ruiz replied to the testimonial request: draft content/testimonials/ana-ruiz-reply-2026-11-04.mdx
        unsubscribe  unsubscribe-mailbox.eml: tom-harris asked to unsubscribe (sent to unsubscribe@harbourhill.example): marked unsubscribed in content/contacts/tom-harris.yaml
        unsubscribe  unsubscribe-reply.eml: leo-novak asked to unsubscribe (a message asking to stop): marked unsubscribed in content/contacts/leo-novak.yaml
        bounce       bounce-permanent.eml: priya@patel.example (550 5.1.1 <priya@patel.example>: Recipient address rejected: User unknown in virtual mailbox table): the address does not exist; flagged in content/contacts/priya-patel.yaml, never used again
        mailbox full bounce-temporary.eml: ana.ruiz@example.com (452 4.2.2 <ana.ruiz@example.com>: Mailbox full, try again later please): the mailbox is full; noted in the history of ana-ruiz.monthly-note.note.2026-11-04, the address is kept
        left alone   hello.eml: "Lunch on Friday?" from sam@lee.example: not recognised; left alone
      8 messages read: 4 changes written, 0 already taken in, 1 noted, 1 left alone, 1 reply counted as a touch; 2 files not read.
      "
    `);
    expect(shown(first.stderr)).toMatchInlineSnapshot(`
      "notes.txt is not an email message: it has no From, Date, Message-ID or Subject header
        Save the message again with its full source (in most mail programs: "Save as" or "Show original", as .eml) and run intake on that file.
      missing.eml no such file
        Save the message again with its full source (in most mail programs: "Save as" or "Show original", as .eml) and run intake on that file.
      "
    `);
    expect(first.code).toBe(1);

    const after = await snapshotFolder(content);
    expect(after['contacts/tom-harris.yaml']).toMatchInlineSnapshot(`
      "name: Tom Harris
      emails:
        - tom.harris@example.com
      segment: sphere
      consent:
        email:
          basis: consent
          source: Signed up at the Clifton open house
          date: 2025-06-14
      unsubscribed:
        date: 2026-11-04
        evidence: 'Email <unsub-7@example.com> of 2026-11-04 from tom.harris@example.com: subject "Unsubscribe tom-harris"'

      # Plays golf on Sundays.
      "
    `);
    expect(after['contacts/leo-novak.yaml']).toMatchInlineSnapshot(`
      "name: Leo Novak
      emails:
        - leo@novak-bakery.example
        - leo.novak@example.net
      segment: partner
      consent:
        email:
          basis: legitimate-interest
          source: Supplier of our open-house pastries
          date: 2025-01-10
      unsubscribed:
        date: 2026-11-04
        evidence: 'Email <leo-2@example.net> of 2026-11-04 from leo.novak@example.net: "Please take me off your list. Thanks, Leo"'
      offers: Pastries and cakes for events
      "
    `);
    expect(after['contacts/priya-patel.yaml']).toMatchInlineSnapshot(`
      "name: Priya Patel
      firstName: Priya
      emails: [priya@patel.example]
      segment: past-client
      dates:
        closing: 2026-10-01
      consent:
        email:
          basis: existing-client
          source: Sale of the flat on Cotham Hill
          date: 2026-06-01
      bounced:
        - email: priya@patel.example
          date: 2026-11-04
          reason: "550 5.1.1 <priya@patel.example>: Recipient address rejected: User unknown in virtual mailbox table (email <20261104090100.4F9B21C0A2@mx.harbourhill.example> of 2026-11-04)"
          code: BadAddress
      "
    `);
    expect(after['contacts/ana-ruiz.yaml']).toBe(await readFile(path.join(FIXTURE, 'contacts/ana-ruiz.yaml'), 'utf8'));
    expect(after['testimonials/ana-ruiz-reply-2026-11-04.mdx']).toMatchInlineSnapshot(`
      "---
      # A reply to our testimonial request, taken in from email <CAF=reply-1@mail.example.com> of 2026-11-04.
      # It stays a draft, shown nowhere, until you check the quote and the name and set status: published.
      # These comment lines are never shown; what you write below the front matter is, once published.
      #
      # The reply says yes to publishing, on: website, email. The words are in consent.evidence.
      kind: consumer
      status: draft
      author:
        name: Ana R.
        contact: ana-ruiz
      quote: Buying with Harbour & Hill was the calmest part of our move. You told us what the survey
        meant before we had to ask, and you kept the chain together when our buyer wobbled.
      date: 2026-11-04
      source:
        name: Email reply to our testimonial request
      consent:
        scope:
          - website
          - email
        date: 2026-11-04
        evidence: 'email <CAF=reply-1@mail.example.com> of 2026-11-04, sender verified by your mailbox
          provider for example.com: "Happy for you to use this on your website and in your emails, as Ana
          R."'
      ---
      "
    `);

    // Issue 14: a reply from a contact counts as a touch, done by hand on the day it came.
    const history = after['history/2026-11.jsonl']
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(history).toEqual([
      {
        event: 'done',
        at: expect.stringMatching(/^2026-11-04T/),
        touch: 'ana-ruiz.manual.reply.2026-11-04',
        contact: 'ana-ruiz',
        plan: 'manual',
        step: 'reply',
        due: '2026-11-04',
        channel: 'email',
        note: 'replied: A small favour, Ana?',
      },
      {
        event: 'noted',
        at: expect.stringMatching(/^2026-11-04T/),
        touch: 'ana-ruiz.monthly-note.note.2026-11-04',
        contact: 'ana-ruiz',
        plan: 'monthly-note',
        step: 'note',
        due: '2026-11-04',
        channel: 'email',
        reason: "the recipient's mailbox was full: 452 4.2.2 <[address]>: Mailbox full, try again later please",
        code: 'MailboxFull',
        evidence: 'email <20261104090100.5A0C31D0B3@mx.harbourhill.example> of 2026-11-04',
      },
    ]);

    const check = await runScript('check', ['--content', content]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);

    const second = await runScript('intake', [...files, '--content', content, '--date', '2026-11-05']);
    expect(shown(second.stdout)).toMatchInlineSnapshot(`
      "  testimonial  reply.eml: ana-ruiz replied to the testimonial request: already taken in as content/testimonials/ana-ruiz-reply-2026-11-04.mdx
        unsubscribe  unsubscribe-mailbox.eml: tom-harris asked to unsubscribe (sent to unsubscribe@harbourhill.example): already unsubscribed in content/contacts/tom-harris.yaml
        unsubscribe  unsubscribe-reply.eml: leo-novak asked to unsubscribe (a message asking to stop): already unsubscribed in content/contacts/leo-novak.yaml
        bounce       bounce-permanent.eml: priya@patel.example (550 5.1.1 <priya@patel.example>: Recipient address rejected: User unknown in virtual mailbox table): already flagged in content/contacts/priya-patel.yaml
        mailbox full bounce-temporary.eml: ana.ruiz@example.com (452 4.2.2 <ana.ruiz@example.com>: Mailbox full, try again later please): the mailbox is full; already noted in its touch's history, the address is kept
        left alone   hello.eml: "Lunch on Friday?" from sam@lee.example: not recognised; left alone
      8 messages read: 0 changes written, 4 already taken in, 1 noted, 1 left alone; 2 files not read.
      "
    `);
    expect(await snapshotFolder(content)).toEqual(after);
  });

  it('honours an unsubscribe and a bounce in the very next plan (issue 9, point 4)', async () => {
    const content = await freshContent();
    const files = await writeMessages(dir);
    const day = Temporal.PlainDate.from('2026-11-04');
    const planFor = async () => {
      const { content: read, problems } = await readContent(content);
      expect(problems).toEqual([]);
      const plan = planTouches({ ...read, settings: read.settings! }, { from: day, days: 1 });
      return {
        due: plan.due.map((t) => `${t.contact} ${t.plan}`),
        skipped: plan.skipped.map((t) => `${t.contact} ${t.plan}: ${t.reason}`),
      };
    };
    expect(await planFor()).toMatchInlineSnapshot(`
      {
        "due": [
          "ana-ruiz monthly-note",
          "leo-novak monthly-note",
          "priya-patel monthly-note",
          "tom-harris monthly-note",
        ],
        "skipped": [],
      }
    `);
    await runScript('intake', [files[1], files[2], files[3], '--content', content, '--date', '2026-11-04']);
    expect(await planFor()).toMatchInlineSnapshot(`
      {
        "due": [
          "ana-ruiz monthly-note",
        ],
        "skipped": [
          "leo-novak monthly-note: unsubscribed on 2026-11-04",
          "priya-patel monthly-note: every email address bounced (the last, priya@patel.example, on 2026-11-04: 550 5.1.1 <priya@patel.example>: Recipient address rejected: User unknown in virtual mailbox table (email <20261104090100.4F9B21C0A2@mx.harbourhill.example> of 2026-11-04))",
          "tom-harris monthly-note: unsubscribed on 2026-11-04",
        ],
      }
    `);

    const plan = await runScript('plan', ['--content', content, '--date', '2026-11-04', '--days', '1', '--json']);
    expect(JSON.parse(plan.stdout).map((t: { contact: string }) => t.contact)).toEqual(['ana-ruiz']);
  });

  it('notes a full mailbox and a delay beside the touch, which stays sent; once each (issue 16, point 2)', async () => {
    const content = await freshContent();
    await mkdir(path.join(content, 'history'), { recursive: true });
    const sentLines = [
      { event: 'claimed', at: '2026-11-04T09:00:00Z', ...sent },
      { event: 'sent', at: '2026-11-04T09:00:01Z', ...sent, messageId: touchMessageId(touch), response: '250 2.0.0 Ok: queued' },
    ];
    await writeFile(path.join(content, 'history/2026-11.jsonl'), sentLines.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const full = path.join(dir, 'full.eml');
    const delay = path.join(dir, 'delay.eml');
    await writeFile(
      full,
      await buildBounce({
        recipient: 'ana.ruiz@example.com',
        status: '5.2.2',
        action: 'failed',
        diagnostic: '552 5.2.2 <ana.ruiz@example.com>: Recipient mailbox is full, over quota',
        original: touchMessageId(touch),
        messageId: '<full-1@mx.harbourhill.example>',
      }),
    );
    await writeFile(
      delay,
      await buildBounce({
        recipient: 'ana.ruiz@example.com',
        status: '4.4.1',
        action: 'delayed',
        diagnostic: '421 4.4.1 connect to mail.example.com[203.0.113.9]:25: Connection timed out',
        original: touchMessageId(touch),
        messageId: '<delay-1@mx.harbourhill.example>',
      }),
    );
    const shown = (text: string) => text.replaceAll(`${dir}/`, '');

    // A day after the bounces came: the notes are written then, after the send, at any hour the test runs.
    const first = await runScript('intake', [full, delay, '--content', content, '--date', '2026-11-05']);
    expect(shown(first.stdout)).toMatchInlineSnapshot(`
      "  mailbox full full.eml: ana.ruiz@example.com (552 5.2.2 <ana.ruiz@example.com>: Recipient mailbox is full, over quota): the mailbox is full; noted in the history of ana-ruiz.monthly-note.note.2026-11-04, the address is kept
        delayed      delay.eml: ana.ruiz@example.com (421 4.4.1 connect to mail.example.com[203.0.113.9]:25: Connection timed out): not delivered for a passing reason (the server may still be trying); noted in the history of ana-ruiz.monthly-note.note.2026-11-04, the address is kept
      2 messages read: 0 changes written, 0 already taken in, 2 noted, 0 left alone.
      "
    `);
    const history = await readFile(path.join(content, 'history/2026-11.jsonl'), 'utf8');
    expect(
      history
        .trim()
        .split('\n')
        .slice(2)
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        event: 'noted',
        at: expect.stringMatching(/^2026-11-05T/),
        ...sent,
        reason: "the recipient's mailbox was full: 552 5.2.2 <[address]>: Recipient mailbox is full, over quota",
        code: 'MailboxFull',
        evidence: 'email <full-1@mx.harbourhill.example> of 2026-11-04',
      },
      {
        event: 'noted',
        at: expect.stringMatching(/^2026-11-05T/),
        ...sent,
        reason:
          'delivery delayed or failed for a passing reason: 421 4.4.1 connect to mail.example.com[203.0.113.9]:25: Connection timed out',
        code: 'TemporaryFailure',
        evidence: 'email <delay-1@mx.harbourhill.example> of 2026-11-04',
      },
    ]);

    const second = await runScript('intake', [full, delay, '--content', content, '--date', '2026-11-06']);
    expect(shown(second.stdout)).toMatchInlineSnapshot(`
      "  mailbox full full.eml: ana.ruiz@example.com (552 5.2.2 <ana.ruiz@example.com>: Recipient mailbox is full, over quota): the mailbox is full; already noted in its touch's history, the address is kept
        delayed      delay.eml: ana.ruiz@example.com (421 4.4.1 connect to mail.example.com[203.0.113.9]:25: Connection timed out): not delivered for a passing reason (the server may still be trying); already noted in its touch's history, the address is kept
      2 messages read: 0 changes written, 0 already taken in, 2 noted, 0 left alone.
      "
    `);
    expect(await readFile(path.join(content, 'history/2026-11.jsonl'), 'utf8')).toBe(history);

    const check = await runScript('check', ['--content', content]);
    expect(check.stderr).toBe('');
    // The touch stays sent: not planned again.
    const plan = await runScript('plan', ['--content', content, '--date', '2026-11-04', '--days', '1', '--json']);
    expect(JSON.parse(plan.stdout).map((t: { contact: string }) => t.contact)).not.toContain('ana-ruiz');
    const report = await runScript('report', ['--content', content, '--date', '2026-11-06', '--out', path.join(dir, 'report')]);
    const cameBack = report.stdout.slice(report.stdout.indexOf('## Emails that came back'));
    expect(cameBack.slice(0, cameBack.indexOf('\n## ', 5))).toMatchInlineSnapshot(`
      "## Emails that came back

      Bounces of the last 30 days. A flagged address is never emailed again; a full mailbox or a delay is only noted. Reach these people another way if it matters.

      | Day | Contact | What came back |
      | --- | --- | --- |
      | 2026-11-05 | Ana Ruiz | Monthly note: the recipient's mailbox was full: 552 5.2.2 <[address]>: Recipient mailbox is full, over quota |
      | 2026-11-05 | Ana Ruiz | Monthly note: delivery delayed or failed for a passing reason: 421 4.4.1 connect to mail.example.com[203.0.113.9]:25: Connection timed out |
      "
    `);
    const timeline = await runScript('report', ['--content', content, '--contact', 'ana-ruiz', '--date', '2026-11-06']);
    expect(timeline.stdout).toMatchInlineSnapshot(`
      "Ana Ruiz (ana-ruiz): past-client, top tier. Everything up to 2026-11-06, newest first.

      2026-11-05  touch    Monthly note: delivery notice (the recipient's mailbox was full: 552 5.2.2 <[address]>: Recipient mailbox is full, over quota)
      2026-11-05  touch    Monthly note: delivery notice (delivery delayed or failed for a passing reason: 421 4.4.1 connect to mail.example.com[203.0.113.9]:25: Connection timed out)
      2026-11-04  touch    Monthly note: email sent
      2026-09-01  event    became a client
      2026-09-01  consent  consented to email (existing-client: Sale of 14 Elm Road)
      "
    `);
  });

  it('notes a bounce with no Message-ID and no Date once, however many runs read it (issue 16)', async () => {
    const content = await freshContent();
    await mkdir(path.join(content, 'history'), { recursive: true });
    await writeFile(
      path.join(content, 'history/2026-11.jsonl'),
      `${JSON.stringify({ event: 'sent', at: '2026-11-04T09:00:01Z', ...sent, messageId: touchMessageId(touch) })}\n`,
    );
    // A copy with CRLF line ends, as an IMAP server or another mail program saves it: the same message.
    const raw = await readFile(path.join(ROOT, 'test/fixtures/bounces/qmail-undated-full.eml'), 'utf8');
    const copy = path.join(dir, 'copy.eml');
    await writeFile(copy, raw.replace(/\n/g, '\r\n'));
    const fixture = path.join(ROOT, 'test/fixtures/bounces/qmail-undated-full.eml');

    const first = await runScript('intake', [fixture, '--content', content, '--date', '2026-11-05']);
    expect(first.stdout).toContain('noted in the history of ana-ruiz.monthly-note.note.2026-11-04');
    const history = await readFile(path.join(content, 'history/2026-11.jsonl'), 'utf8');
    const notes = history
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((e) => e.event === 'noted');
    expect(notes.map((e) => [e.code, e.evidence])).toEqual([
      ['MailboxFull', expect.stringMatching(/^email with no Message-ID \(content [0-9a-f]{16}\), undated$/)],
    ]);

    // Read again on later days, once from a copy with other line ends: nothing more is written.
    const second = await runScript('intake', [fixture, copy, '--content', content, '--date', '2026-11-09']);
    expect(second.stdout).toContain('2 messages read: 0 changes written, 0 already taken in, 2 noted, 0 left alone.');
    expect(second.stdout.match(/already noted in its touch's history/g)).toHaveLength(2);
    expect(await readFile(path.join(content, 'history/2026-11.jsonl'), 'utf8')).toBe(history);
  });

  it('says how to call it when given nothing', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referable-intake-'));
    const run = await runScript('intake', ['--content', FIXTURE]);
    expect(run.stderr).toMatchInlineSnapshot(`
      "usage: npm run intake -- MESSAGE.eml… [--content DIR] [--date D], or npm run intake -- --imap (reads IMAP_URL)
      "
    `);
    expect(run.code).toBe(2);
  });
});
