/** Every field a layout may use. Text fields are `{{name}}`, fragments `{{{name}}}`. */
export const FIELD_NAMES = [
  'subject',
  'preheader',
  'greeting',
  'firstName',
  'name',
  'household',
  'partnerName',
  'community',
  'area',
  'businessName',
  'tagline',
  'businessPhone',
  'senderName',
  'signOff',
  'signatureLine',
  'postalAddress',
  'siteUrl',
  'siteName',
  'unsubscribeUrl',
  'replyMailto',
  'footerReason',
  'referredName',
  'referredFirstName',
  'resultTitle',
  'suggestedDisplayName',
  'body',
  'message',
  'nearbyResult',
  'results',
  'testimonial',
  'recap',
  'referralUpdate',
  'referBack',
  'frameOfReference',
] as const;
type EmailField = (typeof FIELD_NAMES)[number];

/** A kind of email: its layout in `emails/`, the words it says by default, and the fields its layout uses. */
export type EmailKind = {
  /** `emails/<layout>.mjml`, and what a plan step's `template:` says. */
  layout: string;
  /** The message when the step gives no `suggestion`; `{{fields}}` are filled. */
  message?: string;
  /** The preview line beside the subject in an inbox. */
  preheader?: string;
  /** The fields its layout file uses (its partials use the shared ones). */
  fields: readonly EmailField[];
  /** A reply to it may be a testimonial: intake drafts one from the reply. */
  asksForTestimonial?: boolean;
};
