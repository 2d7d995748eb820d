import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingEmail } from '../../core/email/index.ts';
import { toMailOptions } from './mail-options.ts';

/**
 * The whole RFC 5322 message of one email, CRLF line ends, as SMTP would carry it: the bytes the
 * build pool already made on another core, else built here by nodemailer's own MailComposer from
 * the same options as the SMTP and outbox transports. A delivery that takes a raw message (SES)
 * sends these bytes.
 */
export async function buildRawMessage(email: OutgoingEmail): Promise<Buffer> {
  if (email.raw) return Buffer.from(email.raw.buffer, email.raw.byteOffset, email.raw.byteLength);
  return new MailComposer(toMailOptions(email)).compile().build();
}
