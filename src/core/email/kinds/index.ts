/**
 * Email kinds: one file per kind, each giving its layout in `emails/`, its default words and its
 * fields. `EMAIL_KINDS` is the registry the personalizer and intake read. Adding a kind is one
 * file here, one line below, and its `emails/<layout>.mjml`. A layout the owner adds with no kind
 * still works: it has no default words.
 */
import { aboveAndBeyond } from './above-and-beyond.ts';
import { introductionAsk } from './introduction-ask.ts';
import { FIELD_NAMES, type EmailKind } from './kind.ts';

export { wordsFor } from './kind.ts';
import { newsletter } from './newsletter.ts';
import { note } from './note.ts';
import { referralThanks } from './referral-thanks.ts';
import { testimonialRequest } from './testimonial-request.ts';

export const EMAIL_KINDS: readonly EmailKind[] = [note, referralThanks, aboveAndBeyond, testimonialRequest, introductionAsk, newsletter];

const BY_LAYOUT = new Map(EMAIL_KINDS.map((kind) => [kind.layout, kind]));

/** The kind of email a layout makes, when it is one Referable knows. */
export function emailKind(layout: string): EmailKind | undefined {
  return BY_LAYOUT.get(layout);
}

/** Every field a layout may use. Text fields are `{{name}}`, fragments `{{{name}}}`. */
export const EMAIL_FIELDS: ReadonlySet<string> = new Set(FIELD_NAMES);
