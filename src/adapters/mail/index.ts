/**
 * Sending mail: SMTP through nodemailer, and the outbox of .eml files that stands in for it.
 */
export { toMailOptions } from './mail-options.ts';
export { createOutbox, writeOutboxFile } from './outbox.ts';
export { createSmtpDelivery, isSmtpUrl, redactSmtpUrl } from './smtp.ts';
