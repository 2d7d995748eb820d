/**
 * One intake run: the messages as the mail adapter read them, the contacts as they stand after
 * the messages taken in so far, and the plan being made. Every message kind reads and adds to it.
 */
import type { ContactChange, ExistingContact } from '../import/index.ts';
import type { Entry, HistoryEntry, Plan, Settings } from '../model/index.ts';
import type { Sign } from '../signing/index.ts';
import type { TouchParts } from '../touches/index.ts';
import type { Verified } from './sender.ts';
import type { Author } from './testimonial.ts';

/**
 * The headers of a message returned inside another. `touchHeader` is our X-Referable-Touch header,
 * which repeats the Message-ID we gave: a sender that puts its own Message-ID in its place (Amazon
 * SES does) leaves it.
 */
export type Returned = {
  messageId?: string;
  touchHeader?: string;
  to: string[];
  /**
   * The mailbox a provider says its copy was delivered to, when it says so in a header of the copy
   * it returns (Microsoft's `X-HmXmrOriginalRecipient`): its complaints may name the recipient
   * nowhere else.
   */
  deliveredTo?: string;
};

/** One email as the mail adapter read it. Addresses are lower-cased. */
export type IncomingMessage = {
  /** Where it came from, for the owner: a file name, or `imap:INBOX/42`. */
  source: string;
  /** With its angle brackets: `<abc@example.com>`. */
  messageId?: string;
  date?: Temporal.Instant;
  /**
   * For a message with no Message-ID: a digest of its body (hex), the same for the same message
   * on every run, so history can tell it was taken in already.
   */
  contentDigest?: string;
  from?: string;
  /** Every address it was sent to: To, Cc, Delivered-To, X-Original-To. */
  to: string[];
  subject: string;
  /** In-Reply-To first, then References: the messages it answers. */
  references: string[];
  /** What the sender wrote, without the quoted history and the signature. */
  words: string;
  /** The whole plain text, quoted history and all: a plain-text bounce holds its news there. */
  text: string;
  /** Every header, by lower-case name, as text: Auto-Submitted, Precedence, X-Failed-Recipients… */
  headers: Readonly<Record<string, string>>;
  /** A delivery status notification: its `message/delivery-status` part and the returned message's headers. */
  report?: { deliveryStatus: string; original?: Returned };
  /** A feedback report (RFC 5965, a complaint): its `message/feedback-report` part and the returned message. */
  feedback?: { report: string; original?: Returned };
  /** A message returned inside one that is no report (a list's rejection notice). */
  returned?: Returned;
  /**
   * Who vouched that the From address's domain really sent it: a DKIM signature aligned with it
   * that the mail adapter checked, or the trusted mailbox's `Authentication-Results`
   * (`settings.intake.trustedAuthServId`). Undefined when nothing did, or the check could not run.
   */
  verified?: Verified;
};

export type IntakeInput = {
  /** `intake` is read by the mail adapter, which verifies senders before intake hears them. */
  settings: Pick<Settings, 'timeZone' | 'sender' | 'unsubscribe' | 'intake'>;
  /**
   * The secret's signature (`REFERABLE_SECRET`): with it, only a signed Message-ID names a touch
   * of ours, so a bounce that returns no message we signed is not believed, and an unsubscribe's
   * token is checked.
   */
  sign?: Sign;
  plans: readonly Entry<Plan>[];
  /** Contact files as they are, valid or not: an unsubscribe must never miss a contact. */
  contacts: readonly ExistingContact[];
  /** Testimonial files as text, to find replies already taken in. */
  testimonials: readonly { id: string; text: string }[];
  /** Where testimonial files go, as the owner sees it (`content/testimonials`): notes name it. */
  testimonialsFolder: string;
  /** Referral files as text, to find introductions already taken in. */
  referrals: readonly { id: string; text: string }[];
  /** Where referral files go, as the owner sees it (`content/referrals`). */
  referralsFolder: string;
  /** Every history entry so far: refusals in a row are counted there, and a reply is a touch. */
  history: readonly HistoryEntry[];
};

type IntakeKind = 'testimonial' | 'referral' | 'unsubscribe' | 'complaint' | 'bounce' | 'refused' | 'full' | 'delay' | 'unknown';

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
  testimonials: { id: string; data: Record<string, unknown>; notes: string[] }[];
  /** Draft referrals to write (introductions from the site). */
  referrals: { id: string; data: Record<string, unknown> }[];
  /** History entries to append: touches refused, replies that count as touches. */
  history: HistoryEntry[];
};

export type Known = Author & { file: string; emails: string[]; unsubscribed: boolean; complained: boolean; bounced: Set<string> };

/** One intake run: the contacts as they stand after the messages taken in so far. */
export type Run = {
  input: IntakeInput;
  /** When the run writes (ISO 8601): the `at` of its history entries. */
  at: string;
  byId: Map<string, Known>;
  byEmail: Map<string, Known>;
  /** Testimonial request steps (`plan.step`) and their subject patterns. */
  requests: Map<string, RegExp>;
  testimonialIds: Set<string>;
  referralIds: Set<string>;
  /** The touch a Message-ID of ours names: signed with the secret, else readable. */
  touchOf: (messageId: string) => TouchParts | undefined;
  changes: Map<Known, ContactChange[]>;
  plan: IntakePlan;
};

/** One message with what every recogniser needs to know about it. */
export type Heard = {
  message: IncomingMessage;
  day: string;
  /** `email <id> of 2026-11-04`: how evidence names the message, alike on every run (see `evidenceOf`). */
  evidence: string;
  from?: Known;
  /** How the sender was verified, when it was, for the domain of the From address. */
  verified?: Verified;
  /** The touch it answers, from In-Reply-To or References. */
  touch?: TouchParts;
  out: (kind: IntakeKind, note: string, changed?: boolean, contact?: Known) => void;
};

/** Every history entry, on file and planned in this run. */
export function historySoFar(run: Run): HistoryEntry[] {
  return [...run.input.history, ...run.plan.history];
}

/** Adds a change to a contact's file to the plan. */
export function change(run: Run, contact: Known, ch: ContactChange): void {
  run.changes.set(contact, [...(run.changes.get(contact) ?? []), ch]);
}

/**
 * A kind of message intake knows. The registry (`messages/index.ts`) asks each kind in turn to
 * `recognise` a message; the first that does `apply`s it: a change planned, an outcome noted.
 */
export type MessageKind = {
  recognise: (heard: Heard, run: Run) => boolean;
  apply: (heard: Heard, run: Run) => void;
};
