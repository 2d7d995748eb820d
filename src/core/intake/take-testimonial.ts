/**
 * Taking a testimonial in: a draft file planned from the message's words, or a note that it was
 * taken in before (found by its Message-ID) or held no words of the author's own.
 */
import { countReply } from './reply-touch.ts';
import type { Heard, Known, Run } from './run.ts';
import { draftTestimonial, type NameForm, type TestimonialWay } from './testimonial.ts';
import { readReplyWords } from './words.ts';

/** A way in, with the words of the outcomes: "replied to the testimonial request", and the file id's middle part. */
export type Intake = TestimonialWay & { did: string; idPart: string; name?: NameForm };

/** Plans the draft testimonial of `author` from `words`, or notes why there is none. */
export function takeTestimonial(run: Run, heard: Heard, author: Known, words: string, way: Intake): void {
  const { message, day, out } = heard;
  countReply(run, heard, author);
  const folder = run.input.testimonialsFolder;
  const existing = message.messageId ? run.input.testimonials.find((t) => t.text.includes(message.messageId!)) : undefined;
  const wanted = `${author.id}-${way.idPart}-${day}`;
  const id = freeId(wanted, run.testimonialIds, Boolean(message.messageId));
  const reply = readReplyWords(words);
  if (!reply.quote.trim()) {
    out('unknown', `${author.id} ${way.did} with no words of their own: left alone`, false, author);
  } else if (existing || id === undefined) {
    out('testimonial', `${author.id} ${way.did}: already taken in as ${folder}/${existing?.id ?? wanted}.mdx`, false, author);
  } else {
    run.testimonialIds.add(id);
    run.plan.testimonials.push({ id, ...draftTestimonial(words, author, day, heard.evidence, heard.verified, way) });
    const unconfirmed = reply.consent.length && !heard.verified ? ' (unverified sender: consent not recorded until you confirm)' : '';
    out('testimonial', `${author.id} ${way.did}: draft ${folder}/${id}.mdx${unconfirmed}`, true, author);
  }
}

/** `id`, or `id-2`, `id-3`… when taken. Without a Message-ID to tell replies apart, a taken id means "already in". */
function freeId(id: string, taken: ReadonlySet<string>, distinguishable: boolean): string | undefined {
  if (!taken.has(id)) return id;
  if (!distinguishable) return undefined;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}
