import { change, type Heard, type Known, type MessageKind, type Run } from '../run.ts';
import { readUnsubscribeToken } from '../../signing/index.ts';
import { verifiedBy } from '../sender.ts';
import { asksToUnsubscribe } from '../words.ts';

/** A message to the unsubscribe mailbox, or one asking to stop: the contact is marked unsubscribed. */
export const unsubscribe: MessageKind = {
  recognise: ({ message }, run) =>
    message.to.includes(run.input.settings.unsubscribe.mailto) || asksToUnsubscribe(message.subject, message.words),
  apply,
};

function apply(heard: Heard, run: Run): void {
  const { message, out } = heard;
  const mailbox = run.input.settings.unsubscribe.mailto;
  const toMailbox = message.to.includes(mailbox);
  // The List-Unsubscribe mailto names the contact in its subject: with the secret, as a signed
  // token (which no one else can make); without it, by id. It finds them when they write from
  // another address.
  const { sign } = run.input;
  const token = /\bunsubscribe\s+([\w-]+\.[\w-]+\.[\w-]+)/i.exec(message.subject)?.[1];
  const signed = sign && token ? readUnsubscribeToken(sign, token) : undefined;
  const named = sign ? undefined : /\bunsubscribe\s+([a-z0-9]+(?:-[a-z0-9]+)*)\b/i.exec(message.subject)?.[1]?.toLowerCase();
  const contact =
    (signed && run.byId.get(signed.contact)) ??
    heard.from ??
    (heard.touch && run.byId.get(heard.touch.contact)) ??
    (named ? run.byId.get(named) : undefined);
  // Stopping is always safe, so every request is honoured; the evidence says whether it was proved:
  // by the signed token, or by the sender's domain vouching for the contact's From address.
  const proof = signed
    ? ' (signed unsubscribe link)'
    : heard.verified && contact && contact === heard.from
      ? ` (${verifiedBy(heard.verified)})`
      : sign
        ? ' (not verified: no signed unsubscribe link)'
        : '';
  const how = toMailbox ? `sent to ${mailbox}` : 'a message asking to stop';
  if (!contact) {
    out(
      'unknown',
      `an unsubscribe request (${how}) from ${message.from ?? 'no address'}, which no contact has: left alone; find the person and unsubscribe them by hand`,
    );
    return;
  }
  const words = toMailbox ? `subject "${message.subject}"` : `"${clip(message.words)}"`;
  markUnsubscribed(
    run,
    contact,
    { day: heard.day, how, evidence: `${capital(heard.evidence)} from ${message.from}: ${words}${proof}` },
    out,
  );
}

/**
 * Marks `contact` unsubscribed on `day`, with `evidence` of the request, unless they already are;
 * `how` says how they asked, in the outcome. Every way of asking to stop ends here.
 */
export function markUnsubscribed(
  run: Run,
  contact: Known,
  request: { day: string; how: string; evidence: string },
  out: Heard['out'],
): void {
  const { day, how, evidence } = request;
  if (contact.unsubscribed) {
    out('unsubscribe', `${contact.id} asked to unsubscribe (${how}): already unsubscribed in ${contact.file}`, false, contact);
    return;
  }
  contact.unsubscribed = true;
  change(run, contact, { path: ['unsubscribed'], value: { date: day, evidence } });
  out('unsubscribe', `${contact.id} asked to unsubscribe (${how}): marked unsubscribed in ${contact.file}`, true, contact);
}

function clip(words: string): string {
  const line = words.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
