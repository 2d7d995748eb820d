import { isAutomatic, newAddressIn } from '../automatic.ts';
import type { Heard, MessageKind, Run } from '../run.ts';
import { asksToUnsubscribe } from '../words.ts';

/**
 * Sent by a program (an out-of-office, Auto-Submitted, a list's bulk mail, a helpdesk's
 * acknowledgement, a receipt), or a reply with no new words at all: never a testimonial, a
 * request or a touch; left alone. A notice that gives a new address says so in the outcome, for
 * the owner to check: a program's words never change a contact. A message to the unsubscribe
 * mailbox needs no words: it is left to the unsubscribe kind.
 */
export const autoReply: MessageKind = {
  recognise: (heard, run) => isAutomatic(heard.message) || wordless(heard, run),
  apply({ message, from, out }, run) {
    const what = isAutomatic(message) ? 'an automatic reply' : 'a reply with no new words';
    const own = [run.input.settings.sender.email, message.from ?? '', ...(from?.emails ?? [])].map((a) => a.toLowerCase());
    const moved = newAddressIn(message.words, own);
    const note = moved ? `; it gives a new address, ${moved}: check ${from ? `${from.file}` : 'the contact'} by hand` : '';
    out('unknown', `${what}${from ? ` from ${from.id}` : ''} ("${message.subject}"): left alone${note}`);
  },
};

function wordless({ message }: Heard, run: Run): boolean {
  if (message.words.trim()) return false;
  return !message.to.includes(run.input.settings.unsubscribe.mailto) && !asksToUnsubscribe(message.subject, '');
}
