/**
 * Emails: personalising a touch, filling its compiled layout with HTML and text, and the message a
 * delivery adapter sends. Nothing here parses MDX or HTML: that is `core/markup`'s, handed in as
 * a `BodyRenderer`, so filling in subjects loads neither parser.
 */
export { elementStyles, escapeHtml, type Palette } from './email-html.ts';
export { buildMessage, type Delivery, type MessageBuilder, type OutgoingEmail } from './message.ts';
export { EMAIL_FIELDS, EMAIL_KINDS } from './kinds/index.ts';
export { type BodyRenderer, createPersonalizer, type EmailDraft, SUBJECTS_ONLY } from './personalize.ts';
export { fillText, prepareLayout, renderEmail, type CompiledLayout } from './render-email.ts';
