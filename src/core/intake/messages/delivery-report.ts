import type { TouchParts } from '../../touches/index.ts';
import { noteEntry } from '../notes.ts';
import { REFUSALS_TO_FLAG, refusalEntry, refusalsInARow } from '../refusals.ts';
import { readBounce, type Bounce, type BouncedRecipient } from '../bounces/index.ts';
import { change, type Heard, type Known, type MessageKind, type Run } from '../run.ts';

/**
 * A bounce, as a delivery report or a server's plain-text notice. A bad address is flagged; a
 * refused message fails its touch; a full mailbox or a temporary failure is noted; a success
 * report changes nothing.
 */
export const deliveryReport: MessageKind = {
  recognise: (heard, run) => bounceOf(heard, run) !== undefined,
  apply(heard, run) {
    const bounce = bounceOf(heard, run);
    if (bounce) take(run, heard, bounce);
  },
};

const read = new WeakMap<Heard, Bounce | null>();

function bounceOf(heard: Heard, run: Run): Bounce | undefined {
  if (!read.has(heard)) {
    const own = [run.input.settings.sender.email, heard.message.from ?? '', ...heard.message.to].map((a) => a.toLowerCase());
    read.set(heard, readBounce(heard.message, own) ?? null);
  }
  return read.get(heard) ?? undefined;
}

function take(run: Run, heard: Heard, bounce: Bounce): void {
  const { out } = heard;
  const touch = bounce.returnedIds.map(run.touchOf).find(Boolean) ?? heard.touch;
  // With the secret, a bounce is believed only when it returns a message we signed: anyone can
  // write a bounce, and one that flags an address stops email to a person.
  if (run.input.sign && !touch && bounce.recipients.some((r) => r.reason !== 'Delivered')) {
    out('unknown', `a bounce for ${bounce.recipients.map((r) => r.address).join(', ')} that returns no message we signed: left alone`);
    return;
  }
  if (!bounce.recipients.length) out('unknown', 'a bounce that names no recipient: left alone');
  for (const r of bounce.recipients) {
    const contact = run.byEmail.get(r.address) ?? (touch ? run.byId.get(touch.contact) : undefined);
    // Forwarded mail can fail at another address: flag the contact's own, the one we sent to.
    const address = contact && !contact.emails.includes(r.address) ? bounce.returnedTo.find((a) => contact.emails.includes(a)) : r.address;
    const what = `${r.address} ${describe(r)}`;
    if (r.reason === 'Delivered') out('unknown', `a delivery report for ${r.address} (delivered or passed on): nothing to do`);
    else if (r.reason === 'Temporary' || r.reason === 'MailboxFull') noted(run, heard, r, contact, touch);
    else if (!contact || !address) out('unknown', `${what}: ${MEANING[r.reason]}, but no contact has this address; left alone`);
    else if (r.reason === 'Refused') refused(run, heard, r, contact, address, touch);
    else if (contact.bounced.has(address)) out('bounce', `${what}: already flagged in ${contact.file}`, false, contact);
    else {
      contact.bounced.add(address);
      const reason = `${said(r) || 'address not found'} (${heard.evidence})`;
      change(run, contact, { path: ['bounced'], value: { email: address, date: heard.day, reason, code: 'BadAddress' }, append: true });
      out('bounce', `${what}: the address does not exist; flagged in ${contact.file}, never used again`, true, contact);
    }
  }
}

/** A refused message fails its touch; the address is flagged after refusals in a row. */
function refused(run: Run, heard: Heard, r: BouncedRecipient, contact: Known, address: string, touch?: TouchParts): void {
  const what = `${r.address} ${describe(r)}`;
  const ours = touch && touch.contact === contact.id ? touch : undefined;
  const entry = ours ? refusalEntry(run, ours, said(r) || 'no reason given') : undefined;
  if (entry) run.plan.history.push(entry);
  const inARow = refusalsInARow(run, contact.id);
  if (inARow >= REFUSALS_TO_FLAG && !contact.bounced.has(address)) {
    contact.bounced.add(address);
    const reason = `${inARow} messages refused in a row, the last: ${said(r) || 'no reason given'} (${heard.evidence})`;
    change(run, contact, { path: ['bounced'], value: { email: address, date: heard.day, reason, code: 'MessageRefused' }, append: true });
    heard.out('refused', `${what}: the ${ordinal(inARow)} refusal in a row; flagged in ${contact.file}, never used again`, true, contact);
  } else if (entry) {
    heard.out('refused', `${what}: the message was refused; ${entry.touch} failed, the address is kept`, true, contact);
  } else if (ours) {
    heard.out('refused', `${what}: the message was refused; already recorded`, false, contact);
  } else {
    heard.out('refused', `${what}: the message was refused (no touch of ours found in it); the address is kept`, false, contact);
  }
}

/** A full mailbox or a passing failure: noted beside the touch it returns, nothing else changed. */
function noted(run: Run, heard: Heard, r: BouncedRecipient, contact?: Known, touch?: TouchParts): void {
  const [kind, code, meaning] =
    r.reason === 'MailboxFull'
      ? (['full', 'MailboxFull', 'the mailbox is full'] as const)
      : (['delay', 'TemporaryFailure', 'not delivered for a passing reason (the server may still be trying)'] as const);
  const what = `${r.address} ${describe(r)}: ${meaning}`;
  const ours = contact && touch?.contact === contact.id ? touch : undefined;
  const entry = ours ? noteEntry(run, ours, code, said(r) || 'no reason given', heard.evidence) : undefined;
  if (entry) run.plan.history.push(entry);
  if (entry) heard.out(kind, `${what}; noted in the history of ${entry.touch}, the address is kept`, true, contact);
  else if (ours) heard.out(kind, `${what}; already noted in its touch's history, the address is kept`, false, contact);
  else if (!contact) heard.out('unknown', `${what}, but no contact has this address; left alone`);
  else heard.out(kind, `${what}; the address is kept (no touch of ours found in it)`, false, contact);
}

const ordinal = (n: number) => (n === 3 ? 'third' : `${n}th`);

function describe(r: BouncedRecipient): string {
  return `(${said(r) || 'no reason given'})`;
}

/** The server's words, with the status code in front when they do not hold it; long ones clipped. */
function said(r: BouncedRecipient): string {
  const words = r.diagnostic.includes(r.status) ? r.diagnostic : [r.status, r.diagnostic].filter(Boolean).join(': ');
  return words.length > 160 ? `${words.slice(0, 159)}…` : words;
}

const MEANING = { BadAddress: 'the address does not exist', Refused: 'the message was refused' } as const;
