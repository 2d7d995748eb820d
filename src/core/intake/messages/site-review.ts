import type { MessageKind } from '../run.ts';
import { takeTestimonial } from '../take-testimonial.ts';
import type { NameForm } from '../testimonial.ts';

/**
 * The email the site's /leave-a-review/ page writes (`src/site/review-email.ts`): the subject
 * "My review of <business>", a "My review:" line to write under, and the sentence of the choice
 * the reviewer tapped: "You may publish my review, with my full name, …", "…, with my first name
 * only, …", or "Please do not publish my review …". From a contact, it becomes a draft
 * testimonial; the sentence is the consent, as for a reply to a testimonial request, and names
 * how to show the author. From anyone else it is left alone until they are a contact.
 */
export const siteReview: MessageKind = {
  recognise: ({ message }) => SUBJECT.test(message.subject) && LABEL.test(message.words),
  apply(heard, run) {
    const { message, from, out } = heard;
    if (!from) {
      out(
        'unknown',
        `a review from the site by ${message.from ?? 'no address'}, who is no contact: left alone; add them as a contact and take it in again`,
      );
      return;
    }
    const words = message.words.replace(LABEL, '');
    takeTestimonial(run, heard, from, words, {
      source: "Email from our website's review page",
      came: "A review sent from our website's review page",
      did: 'sent a review from the site',
      idPart: 'review',
      name: nameForm(words),
    });
  },
};

const SUBJECT = /^(?:\s*fwd?\s*:\s*)*my review\b/i;
const LABEL = /^[ \t>]*my review:[ \t]*/im;

function nameForm(words: string): NameForm {
  if (/\bwith my first name only\b/i.test(words)) return 'first';
  if (/\bwith my full name\b/i.test(words)) return 'full';
  return 'short';
}
