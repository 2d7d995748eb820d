import { countReply } from '../reply-touch.ts';
import type { Heard, MessageKind, Run } from '../run.ts';

/**
 * Anything else: a reply to a touch, or a message intake does not know; listed and left for the
 * owner to read. One from a contact counts as a touch.
 */
export const otherMessage: MessageKind = {
  recognise: () => true,
  apply: leave,
};

function leave(heard: Heard, run: Run): void {
  const { message, touch, from, out } = heard;
  const who = from?.id ?? message.from ?? 'no address';
  const counted = from && countReply(run, heard, from) ? '; counted as a touch' : '';
  if (touch)
    out(
      'unknown',
      `a reply to ${touch.plan} (${touch.step}, ${touch.due}) from ${who}: not a testimonial request; left for you to read${counted}`,
    );
  else out('unknown', `"${message.subject}" from ${who}: ${from ? 'left for you to read' : 'not recognised; left alone'}${counted}`);
}
