/**
 * Raw RFC 5322 messages to intake's plain data, with mailparser; the sender's new words are cut
 * from the quoted history and signature by email-reply-parser. Translates, decides nothing.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import EmailReplyParser from 'email-reply-parser';
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import type { IncomingMessage, Returned } from '../../core/intake/index.ts';
import { htmlToText } from '../../core/markup/index.ts';
import { problem, type Problem } from '../../core/problems/index.ts';
import { type SenderCheck, verifySender } from './verify-sender.ts';

const REPORT_PARTS = ['message/delivery-status', 'message/global-delivery-status'];
const FEEDBACK_PARTS = ['message/feedback-report'];
const RETURNED_PARTS = ['message/rfc822', 'message/global', 'text/rfc822-headers', 'message/global-headers', 'message/partial'];
// `ignoreEmbedded`: a returned message marked `Content-Disposition: inline` (SendGrid, MailFoundry)
// stays a part of its own, with its Message-ID, rather than being merged into the notice's text.
const PARSE = { keepDeliveryStatus: true, ignoreEmbedded: true, skipImageLinks: true, skipTextToHtml: true } as const;

/**
 * Parses one message; undefined when the bytes are not an email at all. `check` says how its
 * sender is verified (see verify-sender.ts).
 */
export async function parseMessage(raw: Buffer | string, source: string, check: SenderCheck = {}): Promise<IncomingMessage | undefined> {
  const bytes = withLineFeeds(raw);
  const mail = await simpleParser(bytes, PARSE);
  if (!mail.from && !mail.messageId && !mail.date && mail.subject === undefined) return undefined;
  const header = (name: string) => headerText(mail, name);
  // A reply sent as HTML alone (Outlook's, with its logo beside it) has no text part: its text is made from the HTML.
  const body = typeof mail.text === 'string' ? mail.text : typeof mail.html === 'string' ? htmlToText(mail.html) : '';
  const parsed = body.replace(/\r\n?/g, '\n');
  const text = parsed.trim() ? parsed : unparsedBody(mail, bytes);
  const parts = await reportParts(mail, 0);
  const from = mail.from ? addresses(mail.from)[0] : undefined;
  const verified = await verifySender(bytes, from, mail.headerLines, check);
  return {
    source,
    ...(mail.messageId ? { messageId: mail.messageId } : { contentDigest: contentDigest(mail, bytes) }),
    ...(mail.date && !Number.isNaN(mail.date.getTime()) ? { date: Temporal.Instant.fromEpochMilliseconds(mail.date.getTime()) } : {}),
    ...(from ? { from } : {}),
    to: [
      ...new Set([
        ...addresses(mail.to),
        ...addresses(mail.cc),
        ...['delivered-to', 'x-original-to', 'envelope-to'].flatMap((h) => bareAddresses(header(h))),
      ]),
    ],
    subject: mail.subject ?? '',
    references: [...new Set(messageIds(`${mail.inReplyTo ?? ''} ${[mail.references ?? []].flat().join(' ')}`))],
    words: new EmailReplyParser().read(text).getVisibleText().trim(),
    text,
    headers: Object.fromEntries([...mail.headers.keys()].map((name) => [name, header(name)])),
    ...parts,
    ...(verified ? { verified } : {}),
  };
}

/**
 * A multipart message whose parts never use the boundary its Content-Type declares (a relay that
 * rewrote one and not the other) parses to no text and no parts: its raw body is its text, so the
 * notice and the report inside it can still be read.
 */
function unparsedBody(mail: ParsedMail, bytes: Buffer | string): string {
  const type = mail.headers.get('content-type') as { value?: string } | undefined;
  if (!type?.value?.toLowerCase().startsWith('multipart/') || mail.attachments.length || mail.html) return '';
  const raw = (typeof bytes === 'string' ? bytes : bytes.toString('utf8')).replace(/\r\n?/g, '\n');
  const start = raw.indexOf('\n\n');
  return start < 0 ? '' : raw.slice(start + 2);
}

/** Mail saved with bare CR line ends (old Mac tools) reads as one long line: make them CRLF. */
function withLineFeeds(raw: Buffer | string): Buffer | string {
  if (typeof raw === 'string') return raw.replace(/\r(?!\n)/g, '\r\n');
  if (!raw.includes(0x0d)) return raw;
  return Buffer.from(raw.toString('latin1').replace(/\r(?!\n)/g, '\r\n'), 'latin1');
}

/**
 * SHA-256 of the From and Subject headers and the body, line ends made LF: its first 16 hex
 * digits. Other headers are left out, since servers on the way add trace headers to one copy of a
 * message and not another.
 */
function contentDigest(mail: ParsedMail, bytes: Buffer | string): string {
  const text = (typeof bytes === 'string' ? bytes : bytes.toString('latin1')).replace(/\r\n?/g, '\n');
  const start = text.indexOf('\n\n');
  return createHash('sha256')
    .update(`${mail.from?.text ?? ''}\n${mail.subject ?? ''}\n`)
    .update(start < 0 ? '' : text.slice(start + 2), 'latin1')
    .digest('hex')
    .slice(0, 16);
}

type Parts = Pick<IncomingMessage, 'report' | 'feedback' | 'returned'>;

/**
 * The report parts (RFC 3462): a delivery status (RFC 3464) or a feedback report (RFC 5965), with
 * the returned message. A report forwarded inside another message (a list's "uncaught bounce") is
 * looked for in the attached message, a few levels deep.
 */
async function reportParts(mail: ParsedMail, depth: number): Promise<Parts> {
  const part = (types: string[]) => mail.attachments.find((a) => types.includes(a.contentType.toLowerCase()));
  const status = part(REPORT_PARTS);
  const feedback = part(FEEDBACK_PARTS);
  const returnedPart = part(RETURNED_PARTS);
  const returned = returnedPart ? await originalOf(returnedPart) : undefined;
  if (status) return { report: { deliveryStatus: status.content.toString('utf8'), ...(returned ? { original: returned } : {}) } };
  const report = feedback?.content.toString('utf8') ?? labelledText(mail);
  if (report !== undefined) return { feedback: { report, ...(returned ? { original: returned } : {}) } };
  if (depth < 3) {
    for (const attached of mail.attachments.filter((a) => a.contentType.toLowerCase() === 'message/rfc822')) {
      const inner = await reportParts(await simpleParser(withLineFeeds(attached.content), PARSE), depth + 1);
      if (inner.report || inner.feedback) return inner;
    }
  }
  return returned ? { returned } : {};
}

/**
 * A feedback report's fields sent as text/plain, not `message/feedback-report`: mailparser folds
 * such a part into the text. Read only when the message says it is a feedback report (RFC 6650
 * asks for the right type, but some providers' reports lack it).
 */
function labelledText(mail: ParsedMail): string | undefined {
  const type = mail.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  if (type?.params?.['report-type']?.toLowerCase() !== 'feedback-report' || typeof mail.text !== 'string') return undefined;
  return /^Feedback-Type:[^\n]*(?:\n(?:[\w-]+:|[ \t])[^\n]*)*/im.exec(mail.text.replace(/\r\n?/g, '\n'))?.[0];
}

async function originalOf(part: Attachment): Promise<Returned> {
  const original = await simpleParser(withLineFeeds(part.content), { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const touchHeader = headerText(original, 'x-referable-touch');
  const [deliveredTo] = bareAddresses(headerText(original, 'x-hmxmroriginalrecipient'));
  return {
    ...(original.messageId ? { messageId: original.messageId } : {}),
    ...(touchHeader ? { touchHeader } : {}),
    to: [...addresses(original.to), ...addresses(original.cc)],
    ...(deliveredTo ? { deliveredTo } : {}),
  };
}

function headerText(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object' && 'value' in value) {
    const inner = (value as { value: unknown; text?: string }).value;
    return typeof inner === 'string' ? inner.trim() : ((value as { text?: string }).text ?? '');
  }
  return String(value);
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const out: string[] = [];
  const walk = (list: { address?: string; group?: { address?: string }[] }[]) => {
    for (const a of list) {
      if (a.address) out.push(a.address.toLowerCase());
      if (a.group) walk(a.group);
    }
  };
  for (const object of [field ?? []].flat()) walk(object.value);
  return out;
}

function bareAddresses(text: string): string[] {
  return [...text.matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)].map((m) => m[0].toLowerCase());
}

function messageIds(text: string): string[] {
  return [...text.matchAll(/<[^<>\s]+>/g)].map((m) => m[0]);
}

/**
 * Reads saved messages (.eml), verifying their senders as `check` says. A file that cannot be
 * read, or holds no email, is a problem; the rest go on.
 */
export async function readMessageFiles(
  files: readonly string[],
  check: SenderCheck = {},
): Promise<{ messages: IncomingMessage[]; problems: Problem[] }> {
  const messages: IncomingMessage[] = [];
  const problems: Problem[] = [];
  const unreadable = (file: string, why: string) => problems.push(problem('UnreadableMessage', file, { line: 0, column: 0 }, '', why));
  for (const file of files) {
    const raw = await readFile(file).catch((error: NodeJS.ErrnoException) => error);
    if (raw instanceof Error) {
      const why = { ENOENT: 'no such file', EISDIR: 'is a folder, not a message file', EACCES: 'cannot be read (permission denied)' }[
        raw.code ?? ''
      ];
      if (!why) throw raw;
      unreadable(file, why);
      continue;
    }
    if (!raw.length) {
      unreadable(file, 'is empty');
      continue;
    }
    const message = await parseMessage(raw, file, check).catch((error: Error) => `could not be parsed as an email: ${error.message}`);
    if (typeof message === 'string') unreadable(file, message);
    else if (message) messages.push(message);
    else unreadable(file, 'is not an email message: it has no From, Date, Message-ID or Subject header');
  }
  return { messages, problems };
}
