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
};

/** What became of one send. A failed send is an outcome, not an exception. */
export type SendOutcome =
  | { status: 'sent'; messageId: string; response: string }
  | { status: 'failed'; temporary: boolean; reason: string }
  | { status: 'unknown'; reason: string };

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

/** The id of a touch: contact, plan, step and due date, readable and safe in file names. */
export function touchId(contact: string, plan: string, step: string, due: Temporal.PlainDate): string {
  return touchIdOn(contact, plan, step, due.toString());
}

/** `touchId` with the due date written as `YYYY-MM-DD`. */
export function touchIdOn(contact: string, plan: string, step: string, due: string): string {
  return `${contact}.${plan}.${step}.${due}`;
}

/** A touch that came due while no run planned it, or stayed held back, past the grace window. */
export type MissedTouch = SkippedTouch;
