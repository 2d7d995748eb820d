import { formatDay, parseDay, type Day } from '../calendar/index.ts';
import { frameLine, type ContactLookup } from '../contacts/index.ts';
import { isBeingHandled, statusOn } from './referrals.ts';
import type { Contact, HistoryEntry, Plan, Referral, Entry } from '../model/index.ts';
import { because, type Reason } from '../reasons/index.ts';

/** Outcomes that mean an ask went out (or may have): they count against the gap between asks. */
const ASKED = new Set<HistoryEntry['event']>(['claimed', 'sent', 'done', 'unknown']);

/** The plan steps whose purpose is an introduction ask, as `plan\0step` keys. */
export function askSteps(plans: readonly Entry<Plan>[]): Set<string> {
  return new Set(plans.flatMap((p) => p.data.steps.filter((s) => s.purpose === 'introduction-ask').map((s) => `${p.id}\u0000${s.id}`)));
}

/** An ask that went out (or may have): its touch id and due day. */
export type Ask = { touch: string; due: Day };

/** The asks history shows went to each contact, by due day. */
export function asksByContact(history: readonly HistoryEntry[], steps: ReadonlySet<string>): Map<string, Ask[]> {
  const found = new Map<string, Map<string, Day>>();
  for (const h of history) {
    if (!ASKED.has(h.event) || !steps.has(`${h.plan}\u0000${h.step}`)) continue;
    const asks = found.get(h.contact) ?? new Map<string, Day>();
    asks.set(h.touch, parseDay(h.due));
    found.set(h.contact, asks);
  }
  return new Map([...found].map(([id, asks]) => [id, [...asks].map(([touch, due]) => ({ touch, due })).sort((a, b) => a.due - b.due)]));
}

/**
 * Why the introduction ask `touch`, due on `due`, must not go to `contact`, or undefined when it
 * may: another ask less than `gapDays` before or after it (settings `limits.daysBetweenAsks`), or
 * a referral from them that is still being handled (introduced or met) that day.
 */
export function askBlocked(
  contact: string,
  touch: string,
  due: Day,
  asked: readonly Ask[],
  gapDays: number,
  referrals: readonly Entry<Referral>[],
  nameOf: (id: string) => string = (id) => id,
): Reason | undefined {
  const near = asked.find((ask) => ask.touch !== touch && Math.abs(ask.due - due) < gapDays)?.due;
  if (near !== undefined) return because('AskTooSoon', { asked: formatDay(near), gapDays });
  const day = Temporal.PlainDate.from(formatDay(due));
  const open = referrals.find((r) => r.data.referrer === contact && r.data.date <= day.toString() && isBeingHandled(statusOn(r.data, day)));
  if (open) return because('ReferralBeingHandled', { referred: nameOf(open.data.referred), date: open.data.date });
  return undefined;
}

/**
 * The frame of an ask: one of the contact's communities (taking them in turn, by how many asks
 * came before) and a line to start from (see `frameLine`): "You and Tom are at Mount Caburn Golf
 * Club…" only when Tom's own contact file lists the club too.
 */
export function askFrame(contact: Contact, asksBefore: number, lookup: ContactLookup): { frame: string; line: string } {
  if (contact.communities.length === 0) {
    return { frame: 'no community on file: ask who they know who is thinking of moving', line: frameLine(contact, undefined, lookup) };
  }
  const community = contact.communities[asksBefore % contact.communities.length];
  return {
    frame: community.note ? `${community.name} (${community.note})` : community.name,
    line: `${frameLine(contact, community.name, lookup)} We could also come and talk to the group about the market, if that would help.`,
  };
}
