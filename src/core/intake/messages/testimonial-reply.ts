import { countReply } from '../reply-touch.ts';
import type { Heard, Known, MessageKind, Run } from '../run.ts';
import { draftTestimonial } from '../testimonial.ts';
import { readReplyWords } from '../words.ts';

/** A reply to a testimonial request, by the touch it answers or by its subject: a draft testimonial. */
export const testimonialReply: MessageKind = {
  recognise: (heard, run) => authorOf(heard, run) !== undefined,
  apply(heard, run) {
    const author = authorOf(heard, run);
    if (author) take(run, heard, author);
  },
};

/** Who wrote the reply, when it answers a testimonial request. */
function authorOf({ message, touch, from }: Heard, run: Run): Known | undefined {
  const reply = /^\s*(?:re|aw|sv|antw)\s*:/i.test(message.subject);
  const subject = message.subject.replace(/^(?:\s*(?:re|aw|sv|antw)\s*:\s*)+/i, '');
  const byTouch = touch && run.requests.has(`${touch.plan}.${touch.step}`) ? (run.byId.get(touch.contact) ?? from) : undefined;
  const bySubject = from && reply && [...run.requests.values()].some((re) => re.test(subject)) ? from : undefined;
  return byTouch ?? bySubject;
}

function take(run: Run, heard: Heard, author: Known): void {
  const { message, day, out } = heard;
  countReply(run, heard, author);
  const folder = run.input.testimonialsFolder;
  const existing = message.messageId ? run.input.testimonials.find((t) => t.text.includes(message.messageId!)) : undefined;
  const id = freeId(`${author.id}-reply-${day}`, run.testimonialIds, Boolean(message.messageId));
  const reply = readReplyWords(message.words);
  if (!reply.quote.trim()) {
    out('unknown', `${author.id} replied to the testimonial request with no words of their own: left alone`, false, author);
  } else if (existing || id === undefined) {
    out(
      'testimonial',
      `${author.id} replied to the testimonial request: already taken in as ${folder}/${existing?.id ?? `${author.id}-reply-${day}`}.mdx`,
      false,
      author,
    );
  } else {
    run.testimonialIds.add(id);
    run.plan.testimonials.push({ id, ...draftTestimonial(message.words, author, day, heard.evidence, heard.verified) });
    const unconfirmed = reply.consent.length && !heard.verified ? ' (unverified sender: consent not recorded until you confirm)' : '';
    out('testimonial', `${author.id} replied to the testimonial request: draft ${folder}/${id}.mdx${unconfirmed}`, true, author);
  }
}

/** `id`, or `id-2`, `id-3`… when taken. Without a Message-ID to tell replies apart, a taken id means "already in". */
function freeId(id: string, taken: ReadonlySet<string>, distinguishable: boolean): string | undefined {
  if (!taken.has(id)) return id;
  if (!distinguishable) return undefined;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}
