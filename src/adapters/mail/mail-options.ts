import type { SendMailOptions } from 'nodemailer';
import type { OutgoingEmail } from '../../core/email/index.ts';

/** nodemailer's message options for one outgoing email; shared by the outbox and SMTP. */
export function toMailOptions(email: OutgoingEmail): SendMailOptions {
  return {
    from: email.from,
    to: email.to,
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    subject: email.subject,
    messageId: email.messageId,
    date: new Date(email.date.epochMilliseconds),
    text: email.text,
    html: email.html,
    headers: {
      // The Message-ID again, in a header a sender that replaces the Message-ID (Amazon SES) keeps:
      // intake finds the touch a bounce or complaint is about by either.
      'X-Referable-Touch': email.messageId,
      // RFC 2369: one header listing every target; Gmail and Yahoo read only the first header.
      'List-Unsubscribe': email.listUnsubscribe.map((url) => `<${url}>`).join(', '),
      // RFC 8058 one-click: only beside an https target.
      ...(email.oneClick ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
    },
    // base64 bodies build about 1.7 times faster than quoted-printable.
    textEncoding: 'base64',
    // Nothing from the content may make nodemailer read a local file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/**
 * nodemailer's options to send bytes a builder built ahead (`email.raw`) as they are: the
 * envelope still comes from `from` and `to`, and the Message-ID names the send.
 */
export function rawMailOptions(email: OutgoingEmail, raw: Uint8Array): SendMailOptions {
  return {
    from: email.from,
    to: email.to,
    messageId: email.messageId,
    // A Uint8Array that crossed from a worker; nodemailer reads a Buffer (a view, not a copy).
    raw: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
