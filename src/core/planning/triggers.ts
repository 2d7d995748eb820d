import { parseDay } from '../calendar/index.ts';
import type { ContactTriggers, TriggerEvent } from '../due-rules/index.ts';
import type { Contact, Referral, ReferralStatus, Entry } from '../model/index.ts';

// Shared by every contact without a trigger (and each list by everyone without its trigger):
// nothing reads them but to go through them.
const NONE: ContactTriggers = Object.freeze({
  'became-client': [],
  closing: [],
  'made-referral': [],
  'referral-status-changed': [],
  'referral-became-client': [],
}) as unknown as ContactTriggers;

const event = (date: string, what: string): TriggerEvent => ({ day: parseDay(date), date, what });
const byDay = (a: TriggerEvent, b: TriggerEvent) => a.day - b.day || a.what.localeCompare(b.what);

const STATUS_WORDS: Record<ReferralStatus, string> = {
  introduced: 'was introduced',
  met: 'met us',
  client: 'became a client',
  'not-a-fit': 'turned out not to be a fit for us',
};

/**
 * When each trigger happened to each contact: became-client is `dates.clientSince`, closing is
 * `dates.closing`, made-referral is the date of each referral they made,
 * referral-status-changed is each status after the first (the first is where a referral starts),
 * and referral-became-client each time a person they referred became a client. A referral's
 * events name the person referred (their name when they are a contact) and carry the status note,
 * so a task says what to tell the referrer.
 */
export function triggersByContact(
  contacts: readonly Entry<Contact>[],
  referrals: readonly Entry<Referral>[],
): (id: string) => ContactTriggers {
  const of = contactTriggers(contacts, referrals);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  return (id) => {
    const contact = byId.get(id);
    return contact ? of(contact) : NONE;
  };
}

/**
 * `triggersByContact` for a contact in hand, worked out when asked: the planner asks once per
 * contact, so nothing is indexed for all of them up front.
 */
export function contactTriggers(
  contacts: readonly Entry<Contact>[],
  referrals: readonly Entry<Referral>[],
): (contact: Entry<Contact>) => ContactTriggers {
  const made = new Map<string, Entry<Referral>[]>();
  for (const referral of referrals) {
    const list = made.get(referral.data.referrer);
    if (list) list.push(referral);
    else made.set(referral.data.referrer, [referral]);
  }
  // Names are needed only for the people referred: those alone are indexed, on the first ask.
  let names: Map<string, string> | undefined;
  const referredNames = () => {
    const referred = new Set(referrals.map((r) => r.data.referred));
    return new Map(contacts.filter((c) => referred.has(c.id)).map((c) => [c.id, c.data.name]));
  };
  const nameOf = (id: string) => (names ??= referredNames()).get(id) ?? id;
  const changes = (list: Entry<Referral>[], keep: (s: ReferralStatus) => boolean) =>
    list
      .flatMap((r) =>
        r.data.status
          .slice(1)
          .filter((s) => keep(s.status))
          .map((s) =>
            event(
              s.date,
              `${nameOf(r.data.referred)} ${STATUS_WORDS[s.status]} on ${s.date}${s.note ? ` (${s.note.replace(/\.$/, '')})` : ''}`,
            ),
          ),
      )
      .sort(byDay);
  return ({ id, data }) => {
    const { clientSince, closing } = data.dates;
    const theirs = made.get(id);
    if (!clientSince && !closing && !theirs) return NONE;
    return {
      'became-client': clientSince ? [event(clientSince, `becoming a client on ${clientSince}`)] : NONE['became-client'],
      closing: closing ? [event(closing, `closing on ${closing}`)] : NONE.closing,
      'made-referral': theirs
        ? theirs
            .map((r) =>
              event(r.data.date, `referring ${nameOf(r.data.referred)} on ${r.data.date}${r.data.need ? ` (${r.data.need})` : ''}`),
            )
            .sort(byDay)
        : NONE['made-referral'],
      'referral-status-changed': theirs ? changes(theirs, () => true) : NONE['referral-status-changed'],
      'referral-became-client': theirs ? changes(theirs, (s) => s === 'client') : NONE['referral-became-client'],
    };
  };
}
