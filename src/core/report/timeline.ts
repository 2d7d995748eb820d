/**
 * One contact's timeline: every touch with where it stands, every referral they made or came
 * from, the events they came to, and their consents, newest first. Pure.
 */
import { businessDayOf } from '../calendar/index.ts';
import { EVENTS_PLAN } from '../planning/index.ts';
import type { Contact, HistoryEntry, Referral, ReferralStatus } from '../model/index.ts';
import { lastEntries, MANUAL_PLAN } from '../touches/index.ts';
import type { ReportInput } from './report.ts';

type TimelineEntry = {
  date: string;
  kind: 'touch' | 'referral' | 'event' | 'consent';
  text: string;
};

export type Timeline = {
  id: string;
  name: string;
  segment: Contact['segment'];
  tier: Contact['tier'];
  date: string;
  entries: TimelineEntry[];
};

const STATUS_WORDS: Record<ReferralStatus, string> = {
  introduced: 'was introduced',
  met: 'met us',
  client: 'became a client',
  'not-a-fit': 'was not a fit for us',
};

const CONSENT_WORDS = {
  email: 'email',
  introductions: 'being introduced to other contacts',
  publish: 'having their name and words published',
};

/**
 * The timeline of contact `id` up to `date`, newest first; undefined when there is no such
 * contact. A touch appears once, as its last history entry tells it (a personal touch only handed
 * over as a task is shown as not done), and again for each note beside it (a full mailbox).
 */
export function contactTimeline(input: ReportInput, id: string, date: Temporal.PlainDate): Timeline | undefined {
  const contact = input.contacts.find((c) => c.id === id)?.data;
  if (!contact) return undefined;
  const until = date.toString();
  const names = new Map(input.contacts.map((c) => [c.id, c.data.name]));
  const nameOf = (other: string) => names.get(other) ?? other;
  const planNames = new Map(input.plans.map((p) => [p.id, p.data.name]));
  const eventNames = new Map((input.events ?? []).map((e) => [e.id, e.data.name]));
  const theirs = input.history.filter((h) => h.contact === id);
  // Each entry keeps a sort key: a moment for touches, else the day itself.
  const keyed: (TimelineEntry & { key: string })[] = [];
  const add = (day: string, kind: TimelineEntry['kind'], text: string, key = day) => {
    if (day <= until) keyed.push({ date: day, kind, text, key });
  };

  // Each touch once, as its last entry tells it, and beside it what was noted about it (a full mailbox).
  for (const h of [...lastEntries(theirs).values(), ...theirs.filter((h) => h.event === 'noted')]) {
    const what =
      h.plan === MANUAL_PLAN
        ? ''
        : h.plan === EVENTS_PLAN
          ? `Invitation to ${eventNames.get(h.step) ?? h.step}`
          : (planNames.get(h.plan) ?? h.plan);
    add(businessDayOf(h.at, input.settings.timeZone), 'touch', touchWords(h, what), h.at);
  }
  for (const { data } of input.referrals) {
    if (data.referrer === id)
      referralEntries(data, `${nameOf(data.referred)}, whom they referred,`, add, `referred ${nameOf(data.referred)}`);
    if (data.referred === id) referralEntries(data, 'they', add, `referred to us by ${nameOf(data.referrer)}`);
  }
  for (const { id: event, data } of input.events ?? [])
    if (data.came.includes(id)) add(data.date, 'event', `came to ${eventNames.get(event)}`);
  if (contact.dates.clientSince) add(contact.dates.clientSince, 'event', 'became a client');
  for (const [kind, record] of Object.entries(contact.consent) as [keyof typeof CONSENT_WORDS, Contact['consent']['email']][]) {
    if (!record) continue;
    add(record.date, 'consent', `consented to ${CONSENT_WORDS[kind]} (${record.basis}: ${record.source})`);
    if (record.withdrawn) add(record.withdrawn, 'consent', `withdrew consent to ${CONSENT_WORDS[kind]}`);
    if (record.expires) add(record.expires, 'consent', `consent to ${CONSENT_WORDS[kind]} expired`);
  }
  if (contact.unsubscribed) add(contact.unsubscribed.date, 'consent', `unsubscribed (${contact.unsubscribed.evidence})`);
  for (const b of contact.bounced) add(b.date, 'consent', `an email address bounced: ${b.reason}`);

  const entries = keyed
    .toSorted((a, b) => b.date.localeCompare(a.date) || b.key.localeCompare(a.key))
    .map(({ date: day, kind, text }) => ({ date: day, kind, text }));
  return { id, name: contact.name, segment: contact.segment, tier: contact.tier, date: until, entries };
}

function referralEntries(referral: Referral, who: string, add: (day: string, kind: 'referral', text: string) => void, first: string) {
  const [start, ...changes] = referral.status;
  add(start.date, 'referral', `${first}${referral.need ? ` (${referral.need})` : ''}`);
  for (const s of changes) add(s.date, 'referral', `${who} ${STATUS_WORDS[s.status]}${s.note ? ` (${s.note.replace(/\.$/, '')})` : ''}`);
}

/** A touch in the owner's words, as its last entry tells it: "Monthly newsletter: email sent". */
function touchWords(h: HistoryEntry, what: string): string {
  const note = h.event === 'done' && h.note ? ` (“${h.note}”)` : '';
  if (h.plan === MANUAL_PLAN) return h.step === 'reply' ? `replied${note}` : `${h.channel} (logged by hand)${note}`;
  return `${what}: ${outcomeWords(h)}${note}`;
}

function outcomeWords(h: HistoryEntry): string {
  const personal = h.channel !== 'email';
  switch (h.event) {
    case 'done':
      return `${h.channel} done`;
    case 'sent':
      return personal ? `${h.channel} handed over as a task, not done yet` : 'email sent';
    case 'claimed':
      return personal ? `${h.channel} being handed over as a task` : 'email being sent, outcome not yet known';
    case 'unknown':
      return `${h.channel}, outcome unknown (${h.reason})`;
    case 'failed':
      return `${h.channel} failed (${h.reason}${h.temporary ? '; tried again' : ''})`;
    case 'released':
      return `${h.channel} not sent (${h.reason})`;
    case 'skipped':
      return `${h.channel} skipped (${h.reason})`;
    case 'missed':
      return `${h.channel} missed (${h.reason})`;
    case 'noted':
      return `delivery notice (${h.reason})`;
  }
}

/** The timeline as terminal lines: a heading, then one line an entry. */
export function formatTimeline(t: Timeline): string[] {
  const head = `${t.name} (${t.id}): ${t.segment}, ${t.tier} tier. Everything up to ${t.date}, newest first.`;
  if (!t.entries.length) return [head, '', 'Nothing recorded yet.'];
  return [head, '', ...t.entries.map((e) => `${e.date}  ${e.kind.padEnd(8)} ${e.text}`)];
}
