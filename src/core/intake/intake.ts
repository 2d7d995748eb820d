/**
 * Intake: what the messages that came back mean for the content. Pure: parsed messages and the
 * content files in, the changes to make out (plan, then apply, like the import). A reply to a
 * testimonial request becomes a draft testimonial; an unsubscribe request marks the contact; a
 * bounce flags the address; anything else is listed and left alone. Every change is checked
 * against what the files already say, so the same messages taken in twice change nothing.
 */
import { businessDate } from '../calendar/index.ts';
import type { ExistingContact } from '../import/index.ts';
import { MESSAGE_KINDS } from './messages/index.ts';
import type { Heard, IncomingMessage, IntakeInput, IntakePlan, Known, Run } from './run.ts';
import type { Verified } from './sender.ts';
import { TESTIMONIAL_REQUEST_TEMPLATES } from './testimonial.ts';
import type { Plan, Entry } from '../model/index.ts';
import { signedMessageIds } from '../signing/index.ts';
import { parseTouchId, sesIdOf, type TouchParts, touchOfMessageId } from '../touches/index.ts';

export type { IncomingMessage, IntakeInput, IntakeOutcome, IntakePlan } from './run.ts';

/**
 * Plans what `messages` change in the content. `today` bounds every date written; `at` (ISO 8601)
 * is when the history entries are written.
 */
export function planIntake(messages: readonly IncomingMessage[], input: IntakeInput, today: Temporal.PlainDate, at: string): IntakePlan {
  const run = startRun(input, at);
  for (const message of messages) {
    const heard = hear(run, message, today);
    // The last kind recognises every message: each message is applied exactly once.
    MESSAGE_KINDS.find((kind) => kind.recognise(heard, run))?.apply(heard, run);
  }
  return finishRun(run);
}

/** A run over `input` with nothing planned yet; `at` (ISO 8601) is when it writes. */
export function startRun(input: IntakeInput, at: string): Run {
  const contacts = input.contacts.map(known);
  const byEmail = new Map<string, Known>();
  for (const c of contacts) for (const e of c.emails) if (!byEmail.has(e)) byEmail.set(e, c);
  const run: Run = {
    input,
    at,
    byId: new Map(contacts.map((c) => [c.id, c])),
    byEmail,
    requests: testimonialRequests(input.plans),
    testimonialIds: new Set(input.testimonials.map((t) => t.id)),
    referralIds: new Set(input.referrals.map((r) => r.id)),
    touchOf: touchFinder(input),
    changes: new Map(),
    plan: { outcomes: [], contacts: [], testimonials: [], referrals: [], history: [] },
  };
  return run;
}

/** The plan of `run`, with each contact's changes gathered. */
export function finishRun(run: Run): IntakePlan {
  for (const [contact, changes] of run.changes) run.plan.contacts.push({ id: contact.id, file: contact.file, changes });
  return run.plan;
}

function hear(run: Run, message: IncomingMessage, today: Temporal.PlainDate): Heard {
  const day = dayOf(message.date, run.input.settings.timeZone, today);
  const verified = verifiedSender(message);
  return {
    message,
    day,
    evidence: evidenceOf(message, day),
    from: message.from ? run.byEmail.get(message.from) : undefined,
    ...(verified ? { verified } : {}),
    touch: message.references.map(run.touchOf).find(Boolean),
    out: noteOutcome(run, message.source),
  };
}

/**
 * How history and contacts name a message: by its Message-ID, else by a digest of its content;
 * with its day when it has a Date. An undated message is read on whatever day intake runs, so its
 * day is left out: the same message is named alike on every run, and noted once.
 */
function evidenceOf(message: Pick<IncomingMessage, 'messageId' | 'contentDigest' | 'date'>, day: string): string {
  const name = message.messageId ?? (message.contentDigest ? `with no Message-ID (content ${message.contentDigest})` : '(no Message-ID)');
  return message.date ? `email ${name} of ${day}` : `email ${name}, undated`;
}

/** How a request from `source` notes its outcome in the run's plan. */
export function noteOutcome(run: Run, source: string): Heard['out'] {
  return (kind, note, changed = false, contact) =>
    run.plan.outcomes.push({ source, kind, note, changed, ...(contact ? { contact: contact.id } : {}) });
}

/** The message's verification, when it vouches for the domain of its From address. */
function verifiedSender({ verified, from }: IncomingMessage): Verified | undefined {
  return verified && from?.toLowerCase().endsWith(`@${verified.domain.toLowerCase()}`) ? verified : undefined;
}

/**
 * How a Message-ID is read back to its touch. With the secret, IDs are opaque signatures: they are
 * matched against the email touches in history (worked out once, on the first lookup), and a
 * readable ID, which anyone could write, names nothing. Without it, the readable ID is parsed.
 */
function touchFinder(input: IntakeInput): (messageId: string) => TouchParts | undefined {
  const sender = input.settings.sender.email;
  const { sign } = input;
  const viaSes = sesTouchFinder(input);
  if (!sign) return (id) => touchOfMessageId(id, sender) ?? viaSes(id);
  let ids: Map<string, string> | undefined;
  return (id) => {
    ids ??= signedMessageIds(sign, new Set(input.history.filter((e) => e.channel === 'email').map((e) => e.touch)), sender);
    const touch = ids.get(id.trim().replace(/@([^>]+)>$/, (_, domain: string) => `@${domain.toLowerCase()}>`));
    return touch === undefined ? viaSes(id) : parseTouchId(touch);
  };
}

/**
 * The touch of a Message-ID that Amazon SES gave in place of ours (`<id@eu-west-1.amazonses.com>`),
 * from the SES id history recorded when it was sent. Like a signed id, SES's is known only to
 * those who got the email.
 */
function sesTouchFinder(input: IntakeInput): (messageId: string) => TouchParts | undefined {
  let ids: Map<string, string> | undefined;
  return (messageId) => {
    const id = /^<([^@>]+)@(?:[^>]+\.)?amazonses\.com>$/i.exec(messageId.trim())?.[1];
    if (!id) return undefined;
    ids ??= new Map(
      input.history.flatMap((e) => {
        const ses = e.event === 'sent' && e.channel === 'email' ? sesIdOf(e.response) : undefined;
        return ses ? [[ses, e.touch] as const] : [];
      }),
    );
    const touch = ids.get(id);
    return touch === undefined ? undefined : parseTouchId(touch);
  };
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

/** The day of `moment` (when a message was written), in the business's time zone; never after `today`. */
export function dayOf(moment: Temporal.Instant | undefined, timeZone: string, today: Temporal.PlainDate): string {
  if (!moment) return today.toString();
  const day = businessDate(moment, timeZone);
  return (Temporal.PlainDate.compare(day, today) > 0 ? today : day).toString();
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
    complained: data.complained !== undefined && data.complained !== null,
    bounced: new Set(bounced.filter((e) => e !== undefined)),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
