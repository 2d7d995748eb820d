/**
 * The message one touch sends, and the contract every delivery adapter keeps. A message is plain
 * data in nodemailer's shape; the outbox and SMTP adapters hand it to a nodemailer transport,
 * or send the bytes a `MessageBuilder` built from it ahead.
 */
import type { EmailDraft } from './personalize.ts';
import type { RenderedEmail } from './render-email.ts';
import type { Settings } from '../model/index.ts';
import { touchMessageId, type SendOutcome } from '../touches/index.ts';
import { type Sign, signedMessageId } from '../signing/index.ts';

/** Everything an adapter needs to send one email. Header values are already free of CR/LF. */
export type OutgoingEmail = {
  /** The touch id: the outbox names the file by it; history records it. */
  touch: string;
  from: { name: string; address: string };
  replyTo?: string;
  /** One recipient, or each member of a household. */
  to: { name: string; address: string }[];
  subject: string;
  /**
   * The same touch always has the same Message-ID: signed and opaque with the secret (see
   * `signedMessageId`), else `<touch-id@sender-domain>`.
   */
  messageId: string;
  date: Temporal.Instant;
  html: string;
  text: string;
  /** RFC 2369 List-Unsubscribe targets, mailto first. */
  listUnsubscribe: string[];
  /** RFC 8058: present only when an https one-click URL is given. */
  oneClick: boolean;
  /**
   * The whole message (RFC 5322, CRLF) when a `MessageBuilder` built it ahead from the fields
   * above: a delivery sends these bytes as they are, with the envelope from `from` and `to`.
   */
  raw?: Uint8Array;
};

/**
 * Builds the bytes of many messages at once, off the thread that sends (both cores at work).
 * It only builds: it never claims, sends or records. Each answer lines up with its email; an
 * answer left undefined means "not built here", and the delivery builds that message itself,
 * so a message the builder could not build ends exactly as it would without one.
 */
export type MessageBuilder = {
  build(emails: readonly OutgoingEmail[]): Promise<(Uint8Array | undefined)[]>;
  close(): Promise<void>;
};

/** The one contract of the outbox and SMTP adapters, like nodemailer's transports. */
export type Delivery = {
  /** A short name for summaries: "outbox/" or "smtp://mail.example.com:587". Never a secret. */
  readonly name: string;
  send(email: OutgoingEmail): Promise<SendOutcome>;
  /**
   * Gives up on every send not yet answered, once the run has stopped sending: a message still
   * waiting for a connection ends `not-sent`, one on the wire ends as its connection is cut.
   */
  abort(): void;
  close(): Promise<void>;
};

/** Builds the message for a personalized, rendered touch; `sign` makes its Message-ID signed. */
export function buildMessage(
  draft: EmailDraft,
  rendered: RenderedEmail,
  settings: Settings,
  now: Temporal.Instant,
  sign?: Sign,
): OutgoingEmail {
  const listUnsubscribe = [draft.unsubscribe.mailto, ...(draft.unsubscribe.url ? [draft.unsubscribe.url] : [])];
  return {
    touch: draft.touch.id,
    from: { name: settings.sender.name, address: settings.sender.email },
    ...(settings.sender.replyTo ? { replyTo: settings.sender.replyTo } : {}),
    to: draft.to,
    subject: draft.subject,
    messageId: sign ? signedMessageId(sign, draft.touch.id, settings.sender.email) : touchMessageId(draft.touch.id, settings.sender.email),
    date: now,
    html: rendered.html,
    text: rendered.text,
    listUnsubscribe,
    oneClick: Boolean(draft.unsubscribe.url),
  };
}
