/**
 * `npm start` on the sample content writes .eml files that a mail client shows right: the
 * sender, where replies go, the day, a Message-ID from the touch id, the unsubscribe headers, and
 * both bodies. Each file is read back with mailparser, as a mail client would read it.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/core/problems/index.ts';
import { runScript, type ScriptRun } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

const DAY = '2026-12-01';
let dir = '';
let outbox = '';
let run: ScriptRun;

beforeAll(async () => {
  dir = await writeTree({}, 'referable-eml-');
  await copySample(path.join(dir, 'content'));
  outbox = path.join(dir, 'outbox');
  run = await runScript('daily', ['--content', path.join(dir, 'content'), '--outbox', outbox, '--date', DAY]);
}, 60_000);

afterAll(() => removeTree(dir));

async function open(name: string): Promise<{ raw: Buffer; mail: ParsedMail }> {
  const raw = await readFile(path.join(outbox, name));
  return { raw, mail: await simpleParser(raw) };
}

function header(mail: ParsedMail, key: string): string[] {
  return mail.headerLines.filter((h) => h.key === key).map((h) => h.line.replace(/\r?\n\s+/g, ' '));
}

describe('an outbox .eml from npm start', () => {
  it('runs on the sample content and writes one file per email', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).not.toBe(EXIT.problems);
    const files = await readdir(outbox);
    expect(files).toContain(`ana-ruiz.monthly-newsletter.send.${DAY}.eml`);
    expect(files.filter((f) => f.endsWith('.eml')).length).toBeGreaterThan(10);
  });

  it('is a newsletter a mail client shows right', async () => {
    const { raw, mail } = await open(`ana-ruiz.monthly-newsletter.send.${DAY}.eml`);
    // RFC 5322 line ends, as SMTP would carry the message.
    expect(raw.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(mail.from?.value).toEqual([{ name: 'Hannah Wells', address: 'hannah@wellsmercer.example' }]);
    expect(mail.replyTo?.value).toEqual([{ name: '', address: 'hello@wellsmercer.example' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([{ name: 'Ana Ruiz', address: 'ana.ruiz@example.org' }]);
    expect(mail.subject).toBe("What a survey will and won't tell you");
    expect(mail.date?.toISOString().slice(0, 10)).toBe(DAY);
    expect(mail.messageId).toBe(`<ana-ruiz.monthly-newsletter.send.${DAY}@wellsmercer.example>`);
    // Repeated for senders that put their own Message-ID in its place (Amazon SES).
    expect(header(mail, 'x-referable-touch')).toEqual([`X-Referable-Touch: <ana-ruiz.monthly-newsletter.send.${DAY}@wellsmercer.example>`]);
    // Without REFERABLE_SECRET nothing is signed, and the sample names no one-click endpoint:
    // the mailto alone, with no List-Unsubscribe-Post.
    const mailto = 'mailto:unsubscribe@wellsmercer.example?subject=Unsubscribe%20ana-ruiz';
    expect(header(mail, 'list-unsubscribe')).toEqual([`List-Unsubscribe: <${mailto}>`]);
    expect(header(mail, 'list-unsubscribe-post')).toEqual([]);
    expect(header(mail, 'mime-version')).toEqual(['MIME-Version: 1.0']);
    expect(raw.toString('latin1')).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(mail.attachments).toEqual([]);

    const text = mail.text ?? '';
    expect(text).toMatch(/^Wells & Mercer\n/);
    expect(text).toContain('Hi Ana,');
    expect(text).toContain('A mortgage valuation is not a survey');
    expect(text).toContain('Recent results');
    expect(text).toContain("Wells & Mercer, 2 Brewer's Yard, High Street, Lewes, East Sussex, BN7 2AA, United Kingdom");
    expect(text).toContain(`Unsubscribe [${mailto}]`);
    // Neither the preheader's invisible filler nor a field marker reaches the text part.
    expect(text).not.toMatch(/[\u034f\u200c{}]/u);

    const html = String(mail.html);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>What a survey will and won&#39;t tell you</title>');
    expect(html).toContain(`<a href="${mailto}"`);
    expect(html).toContain('2 Brewer&#39;s Yard, High Street, Lewes, East Sussex, BN7 2AA, United Kingdom');
    expect(html).not.toContain('{{');
  });

  it('is a personal note a mail client shows right', async () => {
    // The sample's history decides which personal emails are still due; without it, the same
    // business on the same day has notes to send whatever the history files say.
    const content = path.join(dir, 'content-fresh');
    await copySample(content);
    await rm(path.join(content, 'history'), { recursive: true, force: true });
    const notes = path.join(dir, 'outbox-fresh');
    const fresh = await runScript('daily', ['--content', content, '--outbox', notes, '--date', DAY]);
    expect(fresh.stderr).toBe('');
    const name = (await readdir(notes)).find((f) => f.endsWith('.eml') && !f.includes('.monthly-newsletter.'));
    expect(name, 'a personal email due on the day').toBeDefined();
    const mail = await simpleParser(await readFile(path.join(notes, name as string)));
    const contact = (name as string).split('.')[0];
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.value[0] : undefined;
    const first = to?.name.split(' ')[0];
    expect(mail.messageId).toBe(`<${(name as string).slice(0, -4)}@wellsmercer.example>`);
    expect(mail.from?.text).toBe('"Hannah Wells" <hannah@wellsmercer.example>');
    expect(mail.subject).toMatch(/\S/);
    expect(mail.subject).not.toContain('{{');
    expect(mail.text).toMatch(new RegExp(`^Hi ${first},\n\n\\S`));
    expect(mail.text).toContain('Best wishes,\nHannah Wells');
    const mailto = `mailto:unsubscribe@wellsmercer.example?subject=Unsubscribe%20${contact}`;
    expect(mail.text).toContain(`Unsubscribe [${mailto}]`);
    expect(String(mail.html)).toContain(`Hi ${first},`);
    expect(header(mail, 'list-unsubscribe')).toEqual([`List-Unsubscribe: <${mailto}>`]);
  });

  it('with REFERABLE_SECRET and a one-click endpoint: an opaque Message-ID, signed links, and List-Unsubscribe-Post', async () => {
    const content = path.join(dir, 'content-signed');
    await copySample(content);
    const settings = await readFile(path.join(content, 'settings.yaml'), 'utf8');
    const endpoint = 'https://unsubscribe.wellsmercer.workers.dev/';
    const withUrl = settings.replace(/^(unsubscribe:\n\s+mailto: .*\n)/m, `$1  url: ${endpoint}\n`);
    expect(withUrl).not.toBe(settings);
    await writeFile(path.join(content, 'settings.yaml'), withUrl);
    const secret = { REFERABLE_SECRET: 'the outbox test secret, forty characters' };
    const signed = await runScript('daily', ['--content', content, '--outbox', path.join(dir, 'outbox-signed'), '--date', DAY], secret);
    expect(signed.stderr).toBe('');
    const mail = await simpleParser(await readFile(path.join(dir, 'outbox-signed', `ana-ruiz.monthly-newsletter.send.${DAY}.eml`)));
    // No contact, plan or step name shows in the Message-ID.
    expect(mail.messageId).toMatch(/^<[\w-]{32}@wellsmercer\.example>$/);
    const footer = /Unsubscribe \[(https:\/\/wellsmercer\.example\/unsubscribe\/\?t=([\w.-]+))\]/.exec(mail.text ?? '');
    expect(footer, 'the footer opens the site’s /unsubscribe/ page with a token').not.toBeNull();
    const [, link, token] = footer as RegExpExecArray;
    expect(token).not.toContain('ana-ruiz');
    expect(String(mail.html)).toContain(`<a href="${link}"`);
    expect(header(mail, 'list-unsubscribe')).toEqual([
      `List-Unsubscribe: <mailto:unsubscribe@wellsmercer.example?subject=Unsubscribe%20${token}>, <${endpoint}?t=${token}>`,
    ]);
    expect(header(mail, 'list-unsubscribe-post')).toEqual(['List-Unsubscribe-Post: List-Unsubscribe=One-Click']);
  });
});
