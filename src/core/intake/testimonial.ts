/**
 * A draft testimonial made from a reply to a testimonial request: the quote, who gave it, and the
 * consent evidence the reply holds. A draft is never published; the owner flips it.
 */
import { firstNameOf, shortName } from '../contacts/index.ts';
import { EMAIL_KINDS } from '../email/index.ts';
import { type Verified, verifiedBy } from './sender.ts';
import { readReplyWords } from './words.ts';

/** The contact who replied, as intake knows them. */
export type Author = { id: string; name: string; firstName?: string };

/**
 * A draft: its front matter, and notes for the owner that are written as YAML comments above it.
 * The body is left for the owner: whatever is in it goes on the site once the draft is published,
 * so nothing intake knows privately (the message, the reply's other words) is put there.
 */
export type TestimonialDraft = { data: Record<string, unknown>; notes: string[] };

/** The layouts whose emails ask for a testimonial: a reply to one is taken in as a draft. */
export const TESTIMONIAL_REQUEST_TEMPLATES: readonly string[] = EMAIL_KINDS.filter((kind) => kind.asksForTestimonial).map(
  (kind) => kind.layout,
);

/** How a testimonial came in: the source shown on the site, and the words for the owner's notes. */
export type TestimonialWay = { source: string; came: string };

/** A reply to the testimonial request email. */
export const REQUEST_REPLY: TestimonialWay = {
  source: 'Email reply to our testimonial request',
  came: 'A reply to our testimonial request',
};

/**
 * How the author asked to be named: `full` (Ana Ruiz), `first` (Ana) or `short`, the default
 * when they did not say (Ana R.).
 */
export type NameForm = 'full' | 'first' | 'short';

function shownName(author: Author, form: NameForm): string {
  if (form === 'full') return author.name;
  if (form === 'first') return firstNameOf(author);
  return shortName(author);
}

/**
 * The draft for a reply. `evidence` names the message (`email <id> of 2026-11-04`); `day` is the
 * day it was written, in the business's time zone. The front matter holds only what a consent to
 * publish covers: the quote, the name as it would be shown, and the consent itself; never the
 * contact's area or notes. Consent is recorded only when `verified` vouches for the sender: a
 * From address anyone could write is no one's consent, so the owner is asked to confirm it first.
 */
export function draftTestimonial(
  words: string,
  author: Author,
  day: string,
  evidence: string,
  verified?: Verified,
  way: TestimonialWay & { name?: NameForm } = REQUEST_REPLY,
): TestimonialDraft {
  const reply = readReplyWords(words, [author.name, firstNameOf(author)]);
  const said = reply.consent.join(' ');
  const given = reply.consent.length && reply.scope.length ? { scope: reply.scope, date: day } : undefined;
  const consent = given && verified ? { ...given, evidence: `${evidence}, ${verifiedBy(verified)}: "${said}"` } : undefined;
  const data: Record<string, unknown> = {
    kind: 'consumer',
    status: 'draft',
    author: { name: shownName(author, way.name ?? 'short'), contact: author.id },
    quote: reply.quote,
    date: day,
    source: { name: way.source },
    ...(consent ? { consent } : {}),
  };
  const notes = [
    `${way.came}, taken in from ${evidence}.`,
    'It stays a draft, shown nowhere, until you check the quote and the name and set status: published.',
    'These comment lines are never shown; what you write below the front matter is, once published.',
    '',
  ];
  if (consent) {
    notes.push(`The reply says yes to publishing, on: ${consent.scope.join(', ')}. The words are in consent.evidence.`);
  } else if (given) {
    notes.push(
      `Unverified sender: consent not recorded until you confirm. The reply says yes to publishing, on: ${given.scope.join(', ')},`,
      'but nothing proves who sent it: no DKIM signature of their domain checked out, and your mailbox provider did not',
      'vouch for it. Ask them, then add consent (scope, date and evidence) with their answer. Their words were:',
      `  "${said}"`,
    );
  } else if (reply.consent.length) {
    notes.push(
      'The reply says yes to publishing but not where. Ask where (website, emails, social media), then add consent:',
      `  "${said}"`,
    );
  } else {
    notes.push(
      'The reply does not say yes to publishing yet. Ask whether, where (website, emails, social media) and how they would',
      'like to be named, then add consent with their answer as evidence.',
    );
  }
  if (reply.refusal.length) notes.push('', 'They also wrote, and this limits what may be published:', `  "${reply.refusal.join(' ')}"`);
  return { data, notes };
}
