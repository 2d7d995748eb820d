/**
 * The email the /leave-a-review/ page writes for each choice of consent. Intake's `site-review`
 * message kind (`src/core/intake/messages/site-review.ts`) reads it back: the subject, the
 * "My review:" line, and the choice's sentence, which is the consent it records.
 */

/** How the reviewer lets us use their words: with their name, their first name only, or not at all. */
export const REVIEW_CHOICES = [
  {
    id: 'full',
    label: 'Publish it with my name',
    explained: 'Shown here and in our emails with your full name.',
    sentence: 'You may publish my review, with my full name, on your website and in your emails.',
  },
  {
    id: 'first',
    label: 'Publish it with my first name only',
    explained: 'Shown here and in our emails with your first name alone.',
    sentence: 'You may publish my review, with my first name only, on your website and in your emails.',
  },
  {
    id: 'private',
    label: 'Keep it private',
    explained: 'Read by us only, and never published.',
    sentence: 'Please do not publish my review: it is for you only.',
  },
] as const;

export type ReviewChoice = (typeof REVIEW_CHOICES)[number];

/** The subject and body of the review email for one choice. */
export function reviewEmail(business: string, choice: ReviewChoice): { subject: string; body: string } {
  return {
    subject: `My review of ${business}`,
    body: [`Hello ${business},`, '', 'My review:', '', '', choice.sentence, '', 'Thanks,', ''].join('\n'),
  };
}
