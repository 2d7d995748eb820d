import type { Heard, MessageKind } from '../run.ts';

/** Anything else: a reply to a touch, or a message intake does not know; listed and left alone. */
export const otherMessage: MessageKind = {
  recognise: () => true,
  apply: leave,
};

function leave({ message, touch, from, out }: Heard): void {
  const who = from?.id ?? message.from ?? 'no address';
  if (touch)
    out('unknown', `a reply to ${touch.plan} (${touch.step}, ${touch.due}) from ${who}: not a testimonial request; left for you to read`);
  else out('unknown', `"${message.subject}" from ${who}: not recognised; left alone`);
}
