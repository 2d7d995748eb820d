/**
 * Sending mail: SMTP through nodemailer, and the outbox of .eml files that stands in for it.
 */
export { buildPoolFor, createBuildPool, POOL_FROM_EMAILS } from './build-pool.ts';
export { rawMailOptions, toMailOptions } from './mail-options.ts';
export { createOutbox, writeOutboxFile } from './outbox.ts';
export { createSmtpDelivery, isSmtpUrl, redactSmtpUrl } from './smtp.ts';
