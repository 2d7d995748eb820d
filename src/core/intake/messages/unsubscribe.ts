import { change, type Heard, type Known, type MessageKind, type Run } from '../run.ts';
import { readUnsubscribeToken } from '../../signing/index.ts';
import { verifiedBy } from '../sender.ts';
import { asksToUnsubscribe } from '../words.ts';
import { joinList } from '../../contacts/index.ts';

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
  // The List-Unsubscribe mailto names the contacts its email went to in its subject: with the
  // secret, as a signed token (which no one else can make); without it, by id. It finds them when
  // they write from another address.
  const { sign } = run.input;
  const token = /\bunsubscribe\s+([\w-]+\.[\w-]+\.[\w-]+)/i.exec(message.subject)?.[1];
  const signed = sign && token ? readUnsubscribeToken(sign, token) : undefined;
  const named = sign ? [] : (/\bunsubscribe((?:\s+[a-z0-9]+(?:-[a-z0-9]+)*\b)+)/i.exec(message.subject)?.[1].trim().split(/\s+/) ?? []);
  const contacts = whoAsked(heard, run, signed, named);
  // Stopping is always safe, so every request is honoured; the evidence says whether it was proved:
  // by the signed token, or by the sender's domain vouching for the contact's From address.
  const proof = signed
    ? ' (signed unsubscribe link)'
    : heard.verified && contacts[0] && contacts[0] === heard.from
      ? ` (${verifiedBy(heard.verified)})`
      : sign
        ? ' (not verified: no signed unsubscribe link)'
        : '';
  const how = toMailbox ? `sent to ${mailbox}` : 'a message asking to stop';
  if (!contacts.length) {
    out(
      'unknown',
      `an unsubscribe request (${how}) from ${message.from ?? 'no address'}, which no contact has: left alone; find the person and unsubscribe them by hand`,
    );
    return;
  }
  const words = toMailbox ? `subject "${message.subject}"` : `"${clip(message.words)}"`;
  const together = sharedLinkNote(contacts, 'asked');
  for (const contact of contacts) {
    markUnsubscribed(
      run,
      contact,
      { day: heard.day, how, evidence: `${capital(heard.evidence)} from ${message.from}: ${words}${proof}${together}` },
      out,
    );
  }
}

/**
 * Whom an unsubscribe request is for. A link names the contacts its email went to: a household's
 * email goes to several with one link, so whoever writes from their own address is the one who
 * asked; otherwise it cannot say which, and stopping is the safe side for them all. Without a
 * signed link, the sender, else the contact of the email it answers, else those its subject names.
 */
function whoAsked(heard: Heard, run: Run, signed: { contacts: string[] } | undefined, named: readonly string[]): Known[] {
  const listed = (signed?.contacts ?? named).flatMap((id) => run.byId.get(id.toLowerCase()) ?? []);
  if (signed && heard.from && listed.includes(heard.from)) return [heard.from];
  if (signed && listed.length) return listed;
  const fallback = heard.from ?? (heard.touch && run.byId.get(heard.touch.contact));
  return fallback ? [fallback] : listed;
}

/** What the evidence adds when one link stopped several people: why all of them. */
export function sharedLinkNote(contacts: readonly Known[], act: 'asked' | 'clicked'): string {
  if (contacts.length < 2) return '';
  return `; the email went to ${joinList(contacts.map((c) => c.id))} with one link, which cannot tell who ${act}, so all of them were stopped`;
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
