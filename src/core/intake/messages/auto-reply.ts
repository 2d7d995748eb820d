import type { MessageKind } from '../run.ts';

/** Sent by a program (an out-of-office, Auto-Submitted): never a testimonial or a request; left alone. */
export const autoReply: MessageKind = {
  recognise: ({ message }) => message.automatic,
  apply({ message, from, out }) {
    out('unknown', `an automatic reply${from ? ` from ${from.id}` : ''} ("${message.subject}"): left alone`);
  },
};
