/**
 * Intake: what the messages that came back mean for the content. Pure: parsed messages and the
 * content files in, the changes to make out (plan, then apply, like the import). A reply to a
 * testimonial request becomes a draft testimonial; an unsubscribe request marks the contact; a
 * bounce flags the address; anything else is listed and left alone. Every change is checked
 * against what the files already say, so the same messages taken in twice change nothing.
 */
import { businessDate } from '../calendar/index.ts';
import type { ContactChange, ExistingContact } from '../import/index.ts';
import { parseDeliveryStatus, type RecipientStatus } from './dsn.ts';
import { draftTestimonial, TESTIMONIAL_REQUEST_TEMPLATES, type Author } from './testimonial.ts';
import { asksToUnsubscribe } from './words.ts';
import type { Plan, Settings, Entry } from '../model/index.ts';
import { touchOfMessageId, type TouchParts } from '../touches/index.ts';

/** One email as the mail adapter read it. Addresses are lower-cased. */
export type IncomingMessage = {
  /** Where it came from, for the owner: a file name, or `imap:INBOX/42`. */
  source: string;
  /** With its angle brackets: `<abc@example.com>`. */
  messageId?: string;
  date?: Temporal.Instant;
  from?: string;
  /** Every address it was sent to: To, Cc, Delivered-To, X-Original-To. */
  to: string[];
  subject: string;
  /** In-Reply-To first, then References: the messages it answers. */
  references: string[];
  /** What the sender wrote, without the quoted history and the signature. */
  words: string;
  /** Sent by a program (Auto-Submitted, an out-of-office): never a testimonial or a request. */
  automatic: boolean;
  /** A delivery status notification: its `message/delivery-status` part and the returned message's headers. */
  report?: { deliveryStatus: string; original?: { messageId?: string; to: string[] } };
};

export type IntakeInput = {
  settings: Pick<Settings, 'timeZone' | 'sender' | 'unsubscribe'>;
  plans: readonly Entry<Plan>[];
  /** Contact files as they are, valid or not: an unsubscribe must never miss a contact. */
  contacts: readonly ExistingContact[];
  /** Testimonial files as text, to find replies already taken in. */
  testimonials: readonly { id: string; text: string }[];
  /** Where testimonial files go, as the owner sees it (`content/testimonials`): notes name it. */
  testimonialsFolder: string;
};

type IntakeKind = 'testimonial' | 'unsubscribe' | 'bounce' | 'delay' | 'unknown';

export type IntakeOutcome = {
  source: string;
  kind: IntakeKind;
  contact?: string;
  /** What the message was and what was done, in the owner's words. */
  note: string;
  /** False when nothing had to change: already taken in, or left alone. */
  changed: boolean;
};

export type IntakePlan = {
  outcomes: IntakeOutcome[];
  contacts: { id: string; file: string; changes: ContactChange[] }[];
  testimonials: { id: string; data: Record<string, unknown>; body: string }[];
};

type Known = Author & { file: string; emails: string[]; unsubscribed: boolean; bounced: Set<string> };

/** Plans what `messages` change in the content. `today` bounds every date written. */
export function planIntake(messages: readonly IncomingMessage[], input: IntakeInput, today: Temporal.PlainDate): IntakePlan {
  const contacts = input.contacts.map(known);
  const byEmail = new Map<string, Known>();
  for (const c of contacts) for (const e of c.emails) if (!byEmail.has(e)) byEmail.set(e, c);
  const run: Run = {
    input,
    byId: new Map(contacts.map((c) => [c.id, c])),
    byEmail,
    requests: testimonialRequests(input.plans),
    testimonialIds: new Set(input.testimonials.map((t) => t.id)),
    changes: new Map(),
    plan: { outcomes: [], contacts: [], testimonials: [] },
  };
  for (const message of messages) {
    const heard = hear(run, message, today);
    if (message.report) takeReport(run, heard, message.report);
    else if (message.automatic)
      heard.out('unknown', `an automatic reply${heard.from ? ` from ${heard.from.id}` : ''} ("${message.subject}"): left alone`);
    else if (!takeUnsubscribe(run, heard) && !takeTestimonial(run, heard)) leave(heard);
  }
  for (const [contact, changes] of run.changes) run.plan.contacts.push({ id: contact.id, file: contact.file, changes });
  return run.plan;
}

/** One intake run: the contacts as they stand after the messages taken in so far. */
type Run = {
  input: IntakeInput;
  byId: Map<string, Known>;
  byEmail: Map<string, Known>;
  /** Testimonial request steps (`plan.step`) and their subject patterns. */
  requests: Map<string, RegExp>;
  testimonialIds: Set<string>;
  changes: Map<Known, ContactChange[]>;
  plan: IntakePlan;
};

/** One message with what every recogniser needs to know about it. */
type Heard = {
  message: IncomingMessage;
  day: string;
  /** `email <id> of 2026-11-04`: how evidence names the message. */
  evidence: string;
  from?: Known;
  /** The touch it answers, from In-Reply-To or References. */
  touch?: TouchParts;
  out: (kind: IntakeKind, note: string, changed?: boolean, contact?: Known) => void;
};

function hear(run: Run, message: IncomingMessage, today: Temporal.PlainDate): Heard {
  const day = dayOf(message, run.input.settings.timeZone, today);
  const sender = run.input.settings.sender.email;
  return {
    message,
    day,
    evidence: `email ${message.messageId ?? '(no Message-ID)'} of ${day}`,
    from: message.from ? run.byEmail.get(message.from) : undefined,
    touch: message.references.map((id) => touchOfMessageId(id, sender)).find(Boolean),
    out: (kind, note, changed = false, contact) =>
      run.plan.outcomes.push({ source: message.source, kind, note, changed, ...(contact ? { contact: contact.id } : {}) }),
  };
}

function change(run: Run, contact: Known, ch: ContactChange): void {
  run.changes.set(contact, [...(run.changes.get(contact) ?? []), ch]);
}

/** A delivery status notification: 5.x.x flags the address, 4.x.x is noted. */
function takeReport(run: Run, heard: Heard, report: NonNullable<IncomingMessage['report']>): void {
  const { out, day, evidence } = heard;
  const original = report.original;
  const touch = (original?.messageId && touchOfMessageId(original.messageId, run.input.settings.sender.email)) || heard.touch;
  const recipients = parseDeliveryStatus(report.deliveryStatus);
  if (!recipients.length) out('unknown', 'a delivery report that names no recipient: left alone');
  for (const r of recipients) {
    const contact = run.byEmail.get(r.address) ?? (touch ? run.byId.get(touch.contact) : undefined);
    // Forwarded mail can fail at another address: flag the contact's own, the one we sent to.
    const address = contact && !contact.emails.includes(r.address) ? original?.to.find((a) => contact.emails.includes(a)) : r.address;
    const what = `${r.address} ${describe(r)}`;
    if (r.kind === 'none') out('unknown', `a delivery report (${r.action || 'no action'}) for ${r.address}: nothing to do`);
    else if (r.kind === 'temporary')
      out('delay', `${what}: not delivered yet, the server keeps trying; noted, nothing changed`, false, contact);
    else if (!contact || !address) out('unknown', `${what}: no contact has this address; left alone`);
    else if (contact.bounced.has(address)) out('bounce', `${what}: already flagged in ${contact.file}`, false, contact);
    else {
      contact.bounced.add(address);
      const reason = [r.status, r.diagnostic].filter(Boolean).join(' ') || r.action;
      change(run, contact, { path: ['bounced'], value: { email: address, date: day, reason: `${reason} (${evidence})` }, append: true });
      out('bounce', `${what}: flagged in ${contact.file}, never used again`, true, contact);
    }
  }
}

/** A message to the unsubscribe mailbox, or one asking to stop. False when it is neither. */
function takeUnsubscribe(run: Run, heard: Heard): boolean {
  const { message, out } = heard;
  const mailbox = run.input.settings.unsubscribe.mailto;
  const toMailbox = message.to.includes(mailbox);
  if (!toMailbox && !asksToUnsubscribe(message.subject, message.words)) return false;
  // The List-Unsubscribe mailto names the contact in its subject: it finds them when they write from another address.
  const named = /\bunsubscribe\s+([a-z0-9]+(?:-[a-z0-9]+)*)\b/i.exec(message.subject)?.[1]?.toLowerCase();
  const contact = heard.from ?? (heard.touch && run.byId.get(heard.touch.contact)) ?? (named ? run.byId.get(named) : undefined);
  const how = toMailbox ? `sent to ${mailbox}` : 'a message asking to stop';
  if (!contact) {
    out(
      'unknown',
      `an unsubscribe request (${how}) from ${message.from ?? 'no address'}, which no contact has: left alone; find the person and unsubscribe them by hand`,
    );
  } else if (contact.unsubscribed) {
    out('unsubscribe', `${contact.id} asked to unsubscribe (${how}): already unsubscribed in ${contact.file}`, false, contact);
  } else {
    contact.unsubscribed = true;
    const words = toMailbox ? `subject "${message.subject}"` : `"${clip(message.words)}"`;
    change(run, contact, {
      path: ['unsubscribed'],
      value: { date: heard.day, evidence: `${capital(heard.evidence)} from ${message.from}: ${words}` },
    });
    out('unsubscribe', `${contact.id} asked to unsubscribe (${how}): marked unsubscribed in ${contact.file}`, true, contact);
  }
  return true;
}

/** A reply to a testimonial request, by the touch it answers or by its subject. False when it is not one. */
function takeTestimonial(run: Run, heard: Heard): boolean {
  const { message, touch, from, day, out } = heard;
  const reply = /^\s*(?:re|aw|sv|antw)\s*:/i.test(message.subject);
  const subject = message.subject.replace(/^(?:\s*(?:re|aw|sv|antw)\s*:\s*)+/i, '');
  const byTouch = touch && run.requests.has(`${touch.plan}.${touch.step}`) ? (run.byId.get(touch.contact) ?? from) : undefined;
  const bySubject = from && reply && [...run.requests.values()].some((re) => re.test(subject)) ? from : undefined;
  const author = byTouch ?? bySubject;
  if (!author) return false;
  const folder = run.input.testimonialsFolder;
  const existing = message.messageId ? run.input.testimonials.find((t) => t.text.includes(message.messageId!)) : undefined;
  const id = freeId(`${author.id}-reply-${day}`, run.testimonialIds, Boolean(message.messageId));
  if (!message.words.trim()) {
    out('unknown', `${author.id} replied to the testimonial request with no words of their own: left alone`, false, author);
  } else if (existing || id === undefined) {
    out(
      'testimonial',
      `${author.id} replied to the testimonial request: already taken in as ${folder}/${existing?.id ?? `${author.id}-reply-${day}`}.mdx`,
      false,
      author,
    );
  } else {
    run.testimonialIds.add(id);
    run.plan.testimonials.push({ id, ...draftTestimonial(message.words, author, day, heard.evidence) });
    out('testimonial', `${author.id} replied to the testimonial request: draft ${folder}/${id}.mdx`, true, author);
  }
  return true;
}

function leave({ message, touch, from, out }: Heard): void {
  const who = from?.id ?? message.from ?? 'no address';
  if (touch)
    out('unknown', `a reply to ${touch.plan} (${touch.step}, ${touch.due}) from ${who}: not a testimonial request; left for you to read`);
  else out('unknown', `"${message.subject}" from ${who}: not recognised; left alone`);
}

/** Steps that ask for a testimonial, keyed `plan.step`, with a pattern for their subject line. */
function testimonialRequests(plans: readonly Entry<Plan>[]): Map<string, RegExp> {
  const out = new Map<string, RegExp>();
  for (const plan of plans) {
    for (const step of plan.data.steps) {
      if (!step.template || !TESTIMONIAL_REQUEST_TEMPLATES.includes(step.template)) continue;
      const pattern = (step.subject ?? '')
        .trim()
        .split(/\{\{\{?\s*\w+\s*\}?\}\}/)
        .map(escapeRegExp)
        .join('.+?');
      out.set(`${plan.id}.${step.id}`, new RegExp(`^${pattern}$`, 'i'));
    }
  }
  return out;
}

/** The day the message was written, in the business's time zone; never after `today`. */
function dayOf(message: IncomingMessage, timeZone: string, today: Temporal.PlainDate): string {
  if (!message.date) return today.toString();
  const day = businessDate(message.date, timeZone);
  return (Temporal.PlainDate.compare(day, today) > 0 ? today : day).toString();
}

/** `id`, or `id-2`, `id-3`… when taken. Without a Message-ID to tell replies apart, a taken id means "already in". */
function freeId(id: string, taken: ReadonlySet<string>, distinguishable: boolean): string | undefined {
  if (!taken.has(id)) return id;
  if (!distinguishable) return undefined;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

function known(contact: ExistingContact): Known {
  const data = (typeof contact.data === 'object' && contact.data !== null ? contact.data : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const emails = Array.isArray(data.emails)
    ? data.emails
        .map(text)
        .filter((e) => e !== undefined)
        .map((e) => e.toLowerCase())
    : [];
  const bounced = Array.isArray(data.bounced) ? data.bounced.map((b) => text((b as { email?: unknown } | null)?.email)?.toLowerCase()) : [];
  return {
    id: contact.id,
    file: contact.file,
    name: text(data.name) ?? contact.id,
    ...(text(data.firstName) ? { firstName: text(data.firstName) } : {}),
    ...(text(data.area) ? { area: text(data.area) } : {}),
    emails,
    unsubscribed: data.unsubscribed !== undefined && data.unsubscribed !== null,
    bounced: new Set(bounced.filter((e) => e !== undefined)),
  };
}

function describe(r: RecipientStatus): string {
  const why = r.diagnostic.replace(/^\w+;\s*/, '');
  return `(${[r.status || r.action, why].filter(Boolean).join(': ')})`;
}

function clip(words: string): string {
  const line = words.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
