/**
 * Sending mail: SMTP through nodemailer, and the outbox of .eml files that stands in for it.
 */
export { buildPoolFor, createBuildPool } from './build-pool.ts';
export { toMailOptions } from './mail-options.ts';
export { createOutbox, writeOutboxFile } from './outbox.ts';
export { createSmtpDelivery, isSmtpUrl, redactSmtpUrl } from './smtp.ts';
