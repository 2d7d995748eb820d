import type { Heard, Known, MessageKind, Run } from '../run.ts';
import { takeTestimonial } from '../take-testimonial.ts';
import { REQUEST_REPLY } from '../testimonial.ts';

/** A reply to a testimonial request, by the touch it answers or by its subject: a draft testimonial. */
export const testimonialReply: MessageKind = {
  recognise: (heard, run) => authorOf(heard, run) !== undefined,
  apply(heard, run) {
    const author = authorOf(heard, run);
    if (author)
      takeTestimonial(run, heard, author, heard.message.words, {
        ...REQUEST_REPLY,
        did: 'replied to the testimonial request',
        idPart: 'reply',
      });
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
