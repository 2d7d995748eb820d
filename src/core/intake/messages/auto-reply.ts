import { isAutomatic } from '../automatic.ts';
import type { Heard, MessageKind, Run } from '../run.ts';
import { asksToUnsubscribe } from '../words.ts';

/**
 * Sent by a program (an out-of-office, Auto-Submitted, a list's bulk mail), or a reply with no
 * new words at all: never a testimonial, a request or a touch; left alone. A message to the
 * unsubscribe mailbox needs no words: it is left to the unsubscribe kind.
 */
export const autoReply: MessageKind = {
  recognise: (heard, run) => isAutomatic(heard.message) || wordless(heard, run),
  apply({ message, from, out }) {
    const what = isAutomatic(message) ? 'an automatic reply' : 'a reply with no new words';
    out('unknown', `${what}${from ? ` from ${from.id}` : ''} ("${message.subject}"): left alone`);
  },
};

function wordless({ message }: Heard, run: Run): boolean {
  if (message.words.trim()) return false;
  return !message.to.includes(run.input.settings.unsubscribe.mailto) && !asksToUnsubscribe(message.subject, '');
}
