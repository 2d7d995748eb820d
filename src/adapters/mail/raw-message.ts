import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingEmail } from '../../core/email/index.ts';
import { toMailOptions } from './mail-options.ts';

/**
 * The whole RFC 5322 message of one email, CRLF line ends, as SMTP would carry it: built by
 * nodemailer's own MailComposer from the same options as the SMTP and outbox transports. A
 * delivery that takes a raw message (SES) sends these bytes.
 */
export function buildRawMessage(email: OutgoingEmail): Promise<Buffer> {
  return new MailComposer(toMailOptions(email)).compile().build();
}
