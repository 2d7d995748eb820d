/**
 * A draft testimonial made from a reply to a testimonial request: the quote, who gave it, and the
 * consent evidence the reply holds. A draft is never published; the owner flips it.
 */
import { shortName } from '../contacts/index.ts';
import { EMAIL_KINDS } from '../email/index.ts';
import { readReplyWords } from './words.ts';

/** The contact who replied, as intake knows them. */
export type Author = { id: string; name: string; firstName?: string; area?: string };

export type TestimonialDraft = { data: Record<string, unknown>; body: string };

/** The layouts whose emails ask for a testimonial: a reply to one is taken in as a draft. */
export const TESTIMONIAL_REQUEST_TEMPLATES: readonly string[] = EMAIL_KINDS.filter((kind) => kind.asksForTestimonial).map(
  (kind) => kind.layout,
);

/**
 * The draft for a reply. `evidence` names the message (`email <id> of 2026-11-04`); `day` is the
 * day it was written, in the business's time zone.
 */
export function draftTestimonial(words: string, author: Author, day: string, evidence: string): TestimonialDraft {
  const reply = readReplyWords(words);
  const said = reply.consent.join(' ');
  const consent =
    reply.consent.length && reply.scope.length ? { scope: reply.scope, date: day, evidence: `${evidence}: "${said}"` } : undefined;
  const data: Record<string, unknown> = {
    kind: 'consumer',
    status: 'draft',
    author: { name: shortName(author), contact: author.id, ...(author.area ? { description: author.area } : {}) },
    quote: reply.quote,
    date: day,
    source: { name: 'Email reply to our testimonial request' },
    ...(consent ? { consent } : {}),
  };
  const lines = [
    `A reply to our testimonial request, taken in from ${code(evidence)}.`,
    'It stays a draft, shown nowhere, until you check the quote and the name and set `status: published`.',
    '',
  ];
  if (consent) {
    lines.push(`The reply says yes to publishing, on: ${consent.scope.join(', ')}. The words are in \`consent.evidence\`.`);
  } else if (reply.consent.length) {
    lines.push(
      'The reply says yes to publishing but not where. Ask where (website, emails, social media), then add `consent`:',
      '',
      quoted(said),
    );
  } else {
    lines.push(
      'The reply does not say yes to publishing yet. Ask whether, where (website, emails, social media) and how they would',
      'like to be named, then add `consent` with their answer as evidence.',
    );
  }
  if (reply.refusal.length) lines.push('', 'They also wrote, and this limits what may be published:', '', quoted(reply.refusal.join(' ')));
  return { data, body: `${lines.join('\n')}\n` };
}

/** MDX inline code: a Message-ID's angle brackets would otherwise open a JSX tag. */
function code(text: string): string {
  return `\`${text.replaceAll('`', "'")}\``;
}

/** The sender's words as a Markdown quote, with everything MDX reads as syntax escaped. */
function quoted(text: string): string {
  return `> ${text.replace(/[\\`*_{}[\]<>()#+!|~]/g, '\\$&')}`;
}
