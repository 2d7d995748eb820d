import { businessDayOf } from '../calendar/index.ts';
import { EVENTS_PLAN, triggersByContact } from '../planning/index.ts';
import { latestStatus, referralTouches, statusOn, type ReferralTouch, type ReferralTouchKind } from '../referrals/index.ts';
import { hasReached, lastEntries, MANUAL_PLAN } from '../touches/index.ts';
import { cameBack, type CameBack } from './came-back.ts';
import { WHAT_WORKS_DAYS, whatWorks, type WhatWorksRow } from './what-works.ts';
import {
  REFERRAL_STATUSES,
  type Channel,
  type ClientEvent,
  type Contact,
  type HistoryEntry,
  type Newsletter,
  type Plan,
  type Referral,
  type ReferralStatus,
  type Segment,
  type Settings,
  type Tier,
  type Entry,
} from '../model/index.ts';

/** Referrals by month covers this many months, ending with the report's month. */
const REPORT_MONTHS = 12;

export type ReportInput = {
  settings: Pick<Settings, 'timeZone' | 'overdueAfterDays'> & { business: Pick<Settings['business'], 'name'> };
  contacts: readonly Entry<Contact>[];
  plans: readonly Entry<Plan>[];
  referrals: readonly Entry<Referral>[];
  events?: readonly Entry<ClientEvent>[];
  /** Newsletters name the campaign a newsletter touch belongs to. */
  newsletters?: readonly Entry<Pick<Newsletter, 'subject' | 'sendDate'>>[];
  history: readonly HistoryEntry[];
};

export type ReferralLine = {
  id: string;
  date: string;
  referrer: string;
  referrerName: string;
  referredName: string;
  status: ReferralStatus;
  /** What reached the referrer in the 90 days before: source ids (a plan, or `event:<id>`). */
  preceded: string[];
  /** The same, as the owner names them (plan and event names). */
  precededLabels: string[];
  /** Closing the loop, from history: thank-yous, gifts and updates done or sent. */
  thanks: number;
  gifts: number;
  updates: number;
  /** The same, each with its day and how, oldest first. */
  loop: LoopStep[];
};

/** One thank-you, gift or update a referrer had: from history, or from the referral's own record. */
type LoopStep = { kind: ReferralTouchKind; date: string; how?: string };

/**
 * What closed the loop on a referral: history's touches, and what the referral's record tells
 * of that history does not (a thank-you or gift noted by hand, updates given before the job ran).
 */
function loopOf(referral: Referral, touches: readonly ReferralTouch[], until: string): LoopStep[] {
  const how = (t: ReferralTouch) => (t.kind === 'gift' ? referral.gift?.what : t.status ? `${t.channel}, ${t.status}` : t.channel);
  const steps: LoopStep[] = touches.map((t) => ({ kind: t.kind, date: t.date, ...(how(t) ? { how: how(t) } : {}) }));
  const has = (kind: ReferralTouchKind) => steps.filter((x) => x.kind === kind).length;
  if (!has('thanks') && referral.thanks && referral.thanks.date <= until)
    steps.push({ kind: 'thanks', date: referral.thanks.date, how: referral.thanks.channel });
  if (!has('gift') && referral.gift && referral.gift.date <= until)
    steps.push({ kind: 'gift', date: referral.gift.date, how: referral.gift.what });
  const noted = referral.updates.filter((u) => u.date <= until);
  if (has('update') < noted.length) {
    for (const u of noted) if (!steps.some((x) => x.kind === 'update' && x.date === u.date)) steps.push({ kind: 'update', date: u.date });
  }
  return steps.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

export type Report = {
  business: string;
  date: string;
  /** The first day in history, when there is one. */
  since?: string;
  referrals: {
    total: number;
    byMonth: { month: string; count: number }[];
    byReferrer: { id: string; name: string; count: number; clients: number }[];
    byStatus: { status: ReferralStatus; count: number }[];
    /** Share of referrals that became clients, 0 to 1; 0 with no referrals. */
    conversion: number;
    lines: ReferralLine[];
  };
  /** What came before referrals in the window, beside how often the contacts it did not reach referred. */
  whatWorks: WhatWorksRow[];
  /** The days `whatWorks` looks at: the months of `byMonth`, from the first day of history. */
  window: { from: string; until: string };
  overdue: { id: string; name: string; segment: Segment; tier: Tier; last?: string; days?: number; maxGap: number }[];
  /** Contacts never listed as overdue: unsubscribed, or referred and not a fit. */
  overdueLeftOut: number;
  /** Emails that came back in the last days: addresses flagged, full mailboxes and delays noted. */
  cameBack: CameBack[];
  channels: { channel: Channel; count: number }[];
};

type Reached = { contact: string; day: string; source: string; channel: Channel };

/**
 * Each touch that reached someone, once, on the business day of that outcome: an email sent, a
 * personal touch done. A task only handed over (an issue opened, a task list written) is not one.
 */
function reachedTouches(history: readonly HistoryEntry[], timeZone: string, until: string, source: (h: HistoryEntry) => string): Reached[] {
  return [...lastEntries(history).values()]
    .filter(hasReached)
    .map((h) => ({ contact: h.contact, day: businessDayOf(h.at, timeZone), source: source(h), channel: h.channel }))
    .filter((t) => t.day <= until);
}

/**
 * Where a touch came from, as the report counts it: the event it invited to, the newsletter
 * (campaign) a newsletter step sent on its send date, or else its plan.
 */
function sourceOf(input: ReportInput): (h: HistoryEntry) => string {
  const newsletterSteps = new Set(
    input.plans.flatMap((p) => p.data.steps.filter((s) => s.due.rule === 'newsletter').map((s) => `${p.id}\u0000${s.id}`)),
  );
  const issues = new Map((input.newsletters ?? []).map((n) => [n.data.sendDate, n.id]));
  return (h) => {
    if (h.plan === EVENTS_PLAN) return `event:${h.step}`;
    const issue = newsletterSteps.has(`${h.plan}\u0000${h.step}`) ? issues.get(h.due) : undefined;
    return issue ? `newsletter:${issue}` : h.plan;
  };
}

const daysBetween = (from: string, to: string) => Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days;

/**
 * The private report on `date`: referrals by month and by referrer, how they turned out, what
 * reached each referrer in the `WHAT_WORKS_DAYS` days before they referred (plans, newsletters
 * by issue, and client events they came to or were invited to), each of those beside the
 * referrals of the contacts it did not reach, who is overdue (no touch for longer than
 * `overdueAfterDays` of their segment; never someone unsubscribed, or referred and not a fit),
 * and the touches that reached people, by channel. A personal touch counts once done. Pure.
 */
export function buildReport(input: ReportInput, date: Temporal.PlainDate): Report {
  const until = date.toString();
  const names = new Map(input.contacts.map((c) => [c.id, c.data.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const events = input.events ?? [];
  const labels = new Map<string, string>([
    ...input.plans.map((p): [string, string] => [p.id, p.data.name]),
    ...events.map((e): [string, string] => [`event:${e.id}`, e.data.name]),
    [MANUAL_PLAN, 'Logged by hand'],
    ...(input.newsletters ?? []).map((n): [string, string] => [`newsletter:${n.id}`, `Newsletter: ${n.data.subject}`]),
  ]);
  const reached = reachedTouches(input.history, input.settings.timeZone, until, sourceOf(input));
  const attended: Reached[] = events.flatMap((e) =>
    e.data.date <= until
      ? e.data.came.map((c) => ({ contact: c, day: e.data.date, source: `event:${e.id}`, channel: 'event' as const }))
      : [],
  );
  const referrals = input.referrals
    .filter((r) => r.data.date <= until)
    .toSorted((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id));

  const triggersOf = triggersByContact(input.contacts, input.referrals);
  const lines: ReferralLine[] = referrals.map(({ id, data }) => {
    const start = Temporal.PlainDate.from(data.date).subtract({ days: WHAT_WORKS_DAYS }).toString();
    const before = [...reached, ...attended].filter((t) => t.contact === data.referrer && t.day >= start && t.day < data.date);
    const touches = referralTouches(data, input.plans, input.history, input.settings.timeZone, triggersOf(data.referrer)).filter(
      (t) => hasReached({ event: t.outcome, channel: t.channel }) && t.date <= until,
    );
    const loop = loopOf(data, touches, until);
    return {
      id,
      date: data.date,
      referrer: data.referrer,
      referrerName: nameOf(data.referrer),
      referredName: nameOf(data.referred),
      status: statusOn(data, date) ?? latestStatus(data),
      preceded: [...new Set(before.map((t) => t.source))].sort(),
      precededLabels: [...new Set(before.map((t) => labels.get(t.source) ?? t.source))].sort(),
      thanks: loop.filter((t) => t.kind === 'thanks').length,
      gifts: loop.filter((t) => t.kind === 'gift').length,
      updates: loop.filter((t) => t.kind === 'update').length,
      loop,
    };
  });

  const months: { month: string; count: number }[] = [];
  const first = Temporal.PlainYearMonth.from(until.slice(0, 7)).subtract({ months: REPORT_MONTHS - 1 });
  for (let k = 0; k < REPORT_MONTHS; k++) {
    const month = first.add({ months: k }).toString();
    months.push({ month, count: lines.filter((l) => l.date.startsWith(month)).length });
  }

  const byReferrer = new Map<string, { id: string; name: string; count: number; clients: number }>();
  for (const l of lines) {
    const row = byReferrer.get(l.referrer) ?? { id: l.referrer, name: l.referrerName, count: 0, clients: 0 };
    row.count++;
    if (l.status === 'client') row.clients++;
    byReferrer.set(l.referrer, row);
  }

  const lastTouch = new Map<string, string>();
  for (const t of [...reached, ...attended]) if ((lastTouch.get(t.contact) ?? '') < t.day) lastTouch.set(t.contact, t.day);
  const notAFit = new Set(
    referrals.filter((r) => (statusOn(r.data, date) ?? latestStatus(r.data)) === 'not-a-fit').map((r) => r.data.referred),
  );
  const stillIn = ({ id, data }: Entry<Contact>) => !(data.unsubscribed && data.unsubscribed.date <= until) && !notAFit.has(id);
  const overdue = input.contacts
    .filter(stillIn)
    .map(({ id, data }) => {
      const last = lastTouch.get(id);
      const maxGap = input.settings.overdueAfterDays[data.segment];
      return {
        id,
        name: data.name,
        segment: data.segment,
        tier: data.tier,
        maxGap,
        ...(last ? { last, days: daysBetween(last, until) } : {}),
      };
    })
    .filter((c) => c.days === undefined || c.days > c.maxGap)
    .sort((a, b) => (b.days ?? Infinity) - b.maxGap - ((a.days ?? Infinity) - a.maxGap) || a.id.localeCompare(b.id));

  const channels = new Map<Channel, number>();
  for (const t of reached) channels.set(t.channel, (channels.get(t.channel) ?? 0) + 1);

  const clients = lines.filter((l) => l.status === 'client').length;
  const days = input.history
    .map((h) => businessDayOf(h.at, input.settings.timeZone))
    .filter((d) => d <= until)
    .sort();
  const window = { from: days[0] && days[0] > `${first}-01` ? days[0] : `${first}-01`, until };
  return {
    business: input.settings.business.name,
    date: until,
    ...(days.length ? { since: days[0] } : {}),
    referrals: {
      total: lines.length,
      byMonth: months,
      byReferrer: [...byReferrer.values()].sort((a, b) => b.count - a.count || b.clients - a.clients || a.name.localeCompare(b.name)),
      byStatus: REFERRAL_STATUSES.map((status) => ({ status, count: lines.filter((l) => l.status === status).length })),
      conversion: lines.length ? clients / lines.length : 0,
      lines,
    },
    whatWorks: whatWorks(
      [...reached, ...attended],
      lines,
      input.contacts.map((c) => c.id),
      labels,
      window,
    ),
    window,
    overdue,
    overdueLeftOut: input.contacts.length - input.contacts.filter(stillIn).length,
    cameBack: cameBack(input.contacts, input.history, input.plans, input.settings.timeZone, until),
    channels: [...channels]
      .map(([channel, count]) => ({ channel, count }))
      .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel)),
  };
}
