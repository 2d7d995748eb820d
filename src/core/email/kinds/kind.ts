import type { Segment } from '../../model/index.ts';

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
  'experience',
  'reviewLink',
] as const;
type EmailField = (typeof FIELD_NAMES)[number];

/** A kind of email: its layout in `emails/`, the words it says by default, and the fields its layout uses. */
export type EmailKind = {
  /** `emails/<layout>.mjml`, and what a plan step's `template:` says. */
  layout: string;
  /**
   * The message when the step gives no `suggestion`; `{{fields}}` are filled. Words that speak of
   * the relationship ("as we looked after you") are given by segment, so each is true for the
   * person it reaches.
   */
  message?: string | BySegment;
  /** Text fields of its layout whose words depend on the segment, `{{fields}}` filled. */
  words?: Partial<Record<EmailField, BySegment>>;
  /** The preview line beside the subject in an inbox. */
  preheader?: string;
  /** The fields its layout file uses (its partials use the shared ones). */
  fields: readonly EmailField[];
  /**
   * It is a record of the contact's own result: with no result naming them it is held (skipped
   * with `NoResultToRecap`) rather than sent with nothing to show.
   */
  recapsResult?: boolean;
  /** A reply to it may be a testimonial: intake drafts one from the reply. */
  asksForTestimonial?: boolean;
};

/** Words for each segment: a past client, someone from the sphere, a partner, a prospect. */
export type BySegment = Record<Segment, string>;

/** The words for a contact of `segment`. */
export function wordsFor(words: string | BySegment | undefined, segment: Segment): string {
  return typeof words === 'object' ? words[segment] : (words ?? '');
}
