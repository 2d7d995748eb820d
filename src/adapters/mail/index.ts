/**
 * Sending mail: SMTP through nodemailer, Amazon SES v2 through the AWS SDK, and the outbox of .eml
 * files that stands in for both; `choose-delivery.ts` picks one from the environment.
 */
export { buildPoolAhead, createBuildPool } from './build-pool.ts';
export { toMailOptions } from './mail-options.ts';
export { buildRawMessage } from './raw-message.ts';
export { createOutbox, writeOutboxFile } from './outbox.ts';
export { createSmtpDelivery, redactSmtpUrl } from './smtp.ts';
export { openDelivery, transportFromEnv, type Transport } from './choose-delivery.ts';
export { openSesDelivery, type SesOptions } from './ses.ts';
