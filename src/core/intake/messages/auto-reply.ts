import { isAutomatic, newAddressIn } from '../automatic.ts';
import type { Heard, MessageKind, Run } from '../run.ts';
import { asksToUnsubscribe } from '../words.ts';

/**
 * Sent by a program (an out-of-office, Auto-Submitted, a list's bulk mail, a helpdesk's
 * acknowledgement, a receipt), or a reply with no new words at all: never a testimonial, a
 * request or a touch; left alone. A notice that gives a new address says so in the outcome, for
 * the owner to check: a program's words never change a contact. A message to the unsubscribe
 * mailbox, or one a mail program sent to unsubscribe the person, is left to the unsubscribe kind.
 */
export const autoReply: MessageKind = {
  recognise: (heard, run) => !unsubscribesForThem(heard, run) && (isAutomatic(heard.message) || wordless(heard)),
  apply({ message, from, out }, run) {
    const what = isAutomatic(message) ? 'an automatic reply' : 'a reply with no new words';
    const own = [run.input.settings.sender.email, message.from ?? '', ...(from?.emails ?? [])].map((a) => a.toLowerCase());
    const moved = newAddressIn(message.words, own);
    const note = moved ? `; it gives a new address, ${moved}: check ${from ? `${from.file}` : 'the contact'} by hand` : '';
    out('unknown', `${what}${from ? ` from ${from.id}` : ''} ("${message.subject}"): left alone${note}`);
  },
};

function wordless({ message }: Heard): boolean {
  return !message.words.trim() && !asksToUnsubscribe(message.subject, '');
}

/**
 * A mail program that unsubscribes for the person acts on their wish, though it marks its message
 * as a program's: Apple Mail's Unsubscribe button writes to the List-Unsubscribe address with
 * `Auto-Submitted: auto-replied` and `X-Apple-Unsubscribe: true`. No auto-reply goes to that
 * address, so whatever arrives there is left to the unsubscribe kind.
 */
function unsubscribesForThem({ message }: Heard, run: Run): boolean {
  const apple = (message.headers['x-apple-unsubscribe'] ?? '').trim().toLowerCase() === 'true';
  return apple || message.to.includes(run.input.settings.unsubscribe.mailto);
}
