import type { Channel } from '../model/index.ts';
import type { ReasonCode } from '../reasons/index.ts';

/** A touch the planner found due: one step of one plan for one contact, on one day. */
export type DueTouch = {
  /** `touchId(contact, plan, step, due)`: two runs on two machines agree on it. */
  id: string;
  contact: string;
  plan: string;
  step: string;
  channel: Channel;
  /** The day the step's rule made it due. */
  due: Temporal.PlainDate;
  /** The day it is planned for: later than `due` when limits or a missed run moved it. */
  date: Temporal.PlainDate;
  priority: number;
  /** Why now, in the owner's words: "3rd of 8 weekly touches after becoming a client". */
  reason: string;
  template?: string;
  subject?: string;
  task?: string;
  suggestion?: string;
  /** The newsletter this touch sends, for newsletter steps. */
  newsletter?: string;
  /** Email steps: the contact's address this touch may go to (consented, not bounced). */
  email?: string;
  /**
   * The same touch for the other members of the contact's household, folded into this one for a
   * step planned `per: household`: one email to them all, or one task naming them all. History
   * records each member's own touch.
   */
  household?: DueTouch[];
};

/** The touch and those folded into it: one per person, as history records them. */
export function eachMember(touch: DueTouch): DueTouch[] {
  return touch.household ? [touch, ...touch.household] : [touch];
}

/**
 * What failed beyond one recipient. The first four stop the run at once: the account (a wrong
 * password), TLS (a certificate, STARTTLS), a server that cannot be reached, a server that
 * refuses every message. `timeout` and `lost` (a dropped connection, a 421) are counted: enough
 * in a row stop the run too.
 */
export type SendFault = 'account' | 'tls' | 'unreachable' | 'refused' | 'timeout' | 'lost';

/**
 * What became of one send. A failed send is an outcome, not an exception. `not-sent` means the
 * message certainly did not leave and nothing is wrong with the touch itself: its claim is
 * released, and a later run sends it.
 */
export type SendOutcome =
  | { status: 'sent'; messageId: string; response: string }
  | { status: 'failed'; temporary: boolean; reason: string; fault?: SendFault }
  | { status: 'unknown'; reason: string; fault?: SendFault }
  | {
      status: 'not-sent';
      reason: string;
      fault?: SendFault;
      /** What the owner should fix when this fault stops the run, when the delivery knows better than the default words. */
      fix?: string;
    };

/** A touch that was due but will not happen, and why. */
export type SkippedTouch = {
  /** `touchId(contact, plan, step, due)`, for the history entry that records the skip. */
  id: string;
  contact: string;
  plan: string;
  step: string;
  channel: Channel;
  due: Temporal.PlainDate;
  /** The reason's catalogue code, and its words. */
  code: ReasonCode;
  reason: string;
};

/**
 * The plan of touches done outside the plans: logged by hand (`npm run log`), or a reply intake
 * took in. Their due day is the day they happened.
 */
export const MANUAL_PLAN = 'manual';

/** The id of a touch: contact, plan, step and due date, readable and safe in file names. */
export function touchId(contact: string, plan: string, step: string, due: Temporal.PlainDate): string {
  return touchIdOn(contact, plan, step, due.toString());
}

/** `touchId` with the due date written as `YYYY-MM-DD`. */
export function touchIdOn(contact: string, plan: string, step: string, due: string): string {
  return `${contact}.${plan}.${step}.${due}`;
}

/** The parts a touch id is made of. */
export type TouchParts = { contact: string; plan: string; step: string; due: string };

// Ids are lower-case letters, digits and hyphens (see `IdSchema`), so the dots split them.
const TOUCH_ID = /^([a-z0-9-]+)\.([a-z0-9-]+)\.([a-z0-9-]+)\.(\d{4}-\d{2}-\d{2})$/;

/** The parts of a touch id (`contact.plan.step.YYYY-MM-DD`), or undefined for any other text. */
export function parseTouchId(id: string): TouchParts | undefined {
  const m = TOUCH_ID.exec(id);
  return m ? { contact: m[1], plan: m[2], step: m[3], due: m[4] } : undefined;
}

/**
 * The Message-ID of a touch's email, `<touch-id@sender-domain>`: derived from its id, so a retry
 * of the same touch reuses it, and intake can read the touch back (see `touchOfMessageId`).
 */
export function touchMessageId(touch: string, senderAddress: string): string {
  const domain = senderAddress.slice(senderAddress.lastIndexOf('@') + 1);
  return `<${touch.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, '-')}@${domain}>`;
}

/** The touch a Message-ID made by `touchMessageId` names, when it is the sender's domain. */
export function touchOfMessageId(messageId: string, senderAddress: string): TouchParts | undefined {
  const m = /^<([^@>]+)@([^>]+)>$/.exec(messageId.trim());
  const domain = senderAddress.slice(senderAddress.lastIndexOf('@') + 1).toLowerCase();
  if (!m || m[2].toLowerCase() !== domain) return undefined;
  return parseTouchId(m[1].toLowerCase());
}

/** A touch that came due while no run planned it, or stayed held back, past the grace window. */
export type MissedTouch = SkippedTouch;
