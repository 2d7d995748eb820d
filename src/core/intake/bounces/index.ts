/**
 * Bounces: a delivery report (RFC 3464, wherever it sits in the message) or a plain-text notice
 * from a server that writes none, read into one entry per recipient with what the failure means.
 */
import type { Returned } from '../run.ts';
import { parseDeliveryStatus, reportedMessageId } from './dsn.ts';
import { inlineReturnedTo, noticeWords, readPlainNotice } from './formats.ts';
import { bounceReason, soundsTemporary, statusOf, type BounceReason } from './reason.ts';

export { parseDeliveryStatus };

export type BouncedRecipient = {
  address: string;
  /** The enhanced status code, like `5.1.1`; empty when the server gave none. */
  status: string;
  /** The server's words: `550 5.1.1 <ana@example.com>: User unknown`. */
  diagnostic: string;
  /** `Delivered` for a success report (delivered, relayed, expanded): nothing failed. */
  reason: BounceReason | 'Delivered';
};

export type Bounce = {
  recipients: BouncedRecipient[];
  /** Message-IDs that may name the returned message: ours carry the touch. */
  returnedIds: string[];
  /** Addresses the returned message was sent to. */
  returnedTo: string[];
};

/** What `readBounce` needs of a message. */
export type BounceSource = {
  from?: string;
  subject: string;
  text: string;
  headers: Readonly<Record<string, string>>;
  report?: { deliveryStatus: string; original?: Returned };
  returned?: Returned;
};

/** Reads a bounce; undefined when the message is none. `own` are addresses never taken for the failed one. */
export function readBounce(source: BounceSource, own: readonly string[]): Bounce | undefined {
  const message = source.report ? source : withInlineReport(source);
  const returned = message.report?.original ?? message.returned;
  const returnedTo = returned?.to ?? inlineReturnedTo(message.text);
  const returnedIds = [
    ...[returned?.messageId, returned?.touchHeader].filter((id) => id !== undefined),
    ...(message.report ? [reportedMessageId(message.report.deliveryStatus)].filter((id) => id !== undefined) : []),
    ...[...message.text.matchAll(/^[ \t>]*(?:Message-ID|X-Referable-Touch):[ \t]*(<[^<>\s]+>)/gim)].map((m) => m[1]),
  ];
  // A report that names no address (Exim's local delivery to a file or a pipe) is read as a notice.
  const statuses = message.report ? parseDeliveryStatus(message.report.deliveryStatus) : [];
  if (statuses.length) {
    let words: Map<string, string> | undefined;
    const recipients = statuses.map((r): BouncedRecipient => {
      // `smtp; 550 …`, `X-Postfix; mail … loops back to myself`; with none, the notice's words.
      const given = r.diagnostic.replace(/^[\w-]+;\s*/, '');
      const diagnostic = given || ((words ??= noticeWords(message.text, own)).get(r.address) ?? '').replace(/\s+/g, ' ').slice(0, 300);
      const status = statusOf(r.status, diagnostic);
      if (r.kind === 'none') return { address: r.address, status, diagnostic, reason: 'Delivered' };
      const permanent = r.kind === 'permanent' && !status.startsWith('4');
      return { address: r.address, status, diagnostic, reason: bounceReason(permanent, status, diagnostic) };
    });
    return { recipients, returnedIds, returnedTo };
  }
  const failedRecipients = (message.headers['x-failed-recipients'] ?? '')
    .split(/[\s,]+/)
    .map((a) => a.replace(/^<|>$/g, '').toLowerCase())
    .filter((a) => a.includes('@'));
  const notice = readPlainNotice({ ...message, failedRecipients }, own);
  if (!notice) return undefined;
  const named =
    notice.recipients.length || !notice.returnedRecipient ? notice.recipients : returnedTo.map((address) => ({ address, words: '' }));
  const whole = message.text.replace(/\s+/g, ' ');
  const recipients = named.map(({ address, words }): BouncedRecipient => {
    const flat = (words || whole).replace(/\s+/g, ' ').trim();
    // The server's reply, from its code on, when the notice wraps it in words of its own.
    const reply = /(?<![\w.#])[45]\d\d(?=[\s:-])/.exec(flat);
    const diagnostic = (reply ? flat.slice(reply.index) : flat).slice(0, 300);
    const enhanced = /(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.]\d)/.exec(diagnostic)?.[1] ?? '';
    const klass = enhanced[0] ?? /(?<![\w.])([45])\d\d(?=[\s:-]|$)/.exec(diagnostic)?.[1];
    const permanent = klass ? klass === '5' : !notice.delay && !(soundsTemporary(diagnostic) && !/permanent/i.test(whole));
    return { address, status: enhanced, diagnostic, reason: bounceReason(permanent, enhanced, words ? flat : whole) };
  });
  return { recipients, returnedIds, returnedTo };
}

/**
 * A report whose part is labelled as plain text (some servers and gateways do): its fields read
 * as the report, when its text holds a recipient and an action.
 */
function withInlineReport(message: BounceSource): BounceSource {
  const at = /^(?:Reporting-MTA|Original-Recipient|Final-Recipient)[ \t]*:/im.exec(message.text);
  if (!at || !/^Action[ \t]*:/im.test(message.text)) return message;
  const deliveryStatus = message.text.slice(at.index);
  if (!parseDeliveryStatus(deliveryStatus).length) return message;
  return { ...message, report: { deliveryStatus, ...(message.returned ? { original: message.returned } : {}) } };
}
