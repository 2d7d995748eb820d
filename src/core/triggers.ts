import { parseDay, type Day } from './calendar.ts';
import type { Contact, Referral, Trigger } from './schema/index.ts';
import type { Entry } from './validate.ts';

/** One time a trigger happened to a contact, and how to say it. */
export type TriggerEvent = { day: Day; date: string; what: string };

/** Every time each trigger happened to one contact, oldest first. */
export type ContactTriggers = Record<Trigger, TriggerEvent[]>;

const NONE: ContactTriggers = Object.freeze({
  'became-client': [],
  closing: [],
  'made-referral': [],
  'referral-status-changed': [],
}) as unknown as ContactTriggers;

const event = (date: string, what: string): TriggerEvent => ({ day: parseDay(date), date, what });
const byDay = (a: TriggerEvent, b: TriggerEvent) => a.day - b.day || a.what.localeCompare(b.what);

/**
 * When each trigger happened to each contact: became-client is `dates.clientSince`, closing is
 * `dates.closing`, made-referral is the date of each referral they made, and
 * referral-status-changed is each status after the first (the first is where a referral starts).
 */
export function triggersByContact(
  contacts: readonly Entry<Contact>[],
  referrals: readonly Entry<Referral>[],
): (id: string) => ContactTriggers {
  const made = new Map<string, Entry<Referral>[]>();
  for (const referral of referrals) {
    const list = made.get(referral.data.referrer);
    if (list) list.push(referral);
    else made.set(referral.data.referrer, [referral]);
  }
  const found = new Map<string, ContactTriggers>();
  for (const { id, data } of contacts) {
    const { clientSince, closing } = data.dates;
    const theirs = made.get(id) ?? [];
    if (!clientSince && !closing && theirs.length === 0) continue;
    found.set(id, {
      'became-client': clientSince ? [event(clientSince, `becoming a client on ${clientSince}`)] : [],
      closing: closing ? [event(closing, `closing on ${closing}`)] : [],
      'made-referral': theirs
        .map((r) => event(r.data.date, `referring ${r.data.referred} on ${r.data.date}`))
        .sort(byDay),
      'referral-status-changed': theirs
        .flatMap((r) =>
          r.data.status.slice(1).map((s) => event(s.date, `${r.data.referred}'s referral becoming "${s.status}" on ${s.date}`)),
        )
        .sort(byDay),
    });
  }
  return (id) => found.get(id) ?? NONE;
}
