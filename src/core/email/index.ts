/**
 * Emails: personalising a touch, rendering its layout to HTML and text, and the message a delivery
 * adapter sends.
 */
export { escapeHtml } from './email-html.ts';
export { buildMessage, type Delivery, type MessageBuilder, type OutgoingEmail } from './message.ts';
export { EMAIL_FIELDS, EMAIL_KINDS } from './kinds/index.ts';
export { createPersonalizer, type EmailDraft } from './personalize.ts';
export { fillText, prepareLayout, renderEmail, type CompiledLayout } from './render-email.ts';
