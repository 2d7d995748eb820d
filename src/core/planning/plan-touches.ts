import { householdsOf, inAudience, mayEmailOn } from '../contacts/index.ts';
import { foldHouseholds, householdSteps } from './households.ts';
import { emailInvites, EVENTS_PLAN, INVITE_PRIORITY, planEventInvites } from './events.ts';
import { dayOfPlainDate, formatDay, parseDay, plainDates, type Day } from '../calendar/index.ts';
import { dueDays, ruleRank, type ContactTriggers, type NewsletterIssue, type RuleDue } from '../due-rules/index.ts';
import { scheduleEmails } from './pressure.ts';
import { purposeFiller, type Filled } from './purpose-steps.ts';
import {
  indexHistory,
  isSettled,
  type HistoryIndex,
  touchIdOn,
  type DueTouch,
  type MissedTouch,
  type SkippedTouch,
} from '../touches/index.ts';
import { contactTriggers } from './triggers.ts';
import {
  byContact,
  byTouchParts,
  dayTexts,
  doneInHousehold,
  type DoneInHousehold,
  type LastByParts,
  type LastDueByParts,
} from './plan-index.ts';
import type { Entry, Audience, ClientEvent, Contact, HistoryEntry, Newsletter, Plan, Referral, Settings, Step } from '../model/index.ts';
import { referralStepKind } from '../referrals/index.ts';
import { withHints } from './touch-hints.ts';
import { because, type Reason } from '../reasons/index.ts';

/** The settings the planner reads; without the gift budget, gift tasks carry no gift suggestion. */
type PlanSettings = Pick<Settings, 'timeZone' | 'limits' | 'graceDays'> & Partial<Pick<Settings, 'giftBudget' | 'currency'>>;

/** What the planner plans from: the validated content (a `Content` with its settings fits). */
export type PlanInput = {
  settings: PlanSettings;
  contacts: readonly Entry<Contact>[];
  plans: readonly Entry<Plan>[];
  newsletters: readonly Entry<Newsletter>[];
  referrals: readonly Entry<Referral>[];
  /** Client events: their invitations are planned as touches, and who came is mentioned later. */
  events?: readonly Entry<ClientEvent>[];
  history: readonly HistoryEntry[];
};

/**
 * The days to plan: `days` calendar days starting with `from`, in the business's time zone; with
 * `contact`, that contact's touches alone (the other contacts still count, as people to introduce).
 */
export type PlanRange = { from: Temporal.PlainDate; days: number; contact?: string };

export type PlanResult = {
  /** Touches planned on a day of the range, sorted by date, contact, plan, step. */
  due: DueTouch[];
  /** Touches due in the range (or the grace window before it) that will not happen, with why; by due day. */
  skipped: SkippedTouch[];
  /** Touches that came due but passed the grace window without being planned; by due day. */
  missed: MissedTouch[];
};

/**
 * How far before the grace window missed touches are still reported, counted from the first day
 * in history: longer than a scheduled workflow stays switched off (60 days without activity).
 */
const MISSED_LOOKBACK_DAYS = 60;

/** Emails due this many days after the range are looked at, so the limits keep room for them. */
const LOOKAHEAD_DAYS = 6;

type Shared = {
  from: Day;
  end: Day;
  /** Earliest due day looked at: the grace window, or the missed lookback when history has one. */
  start: Day;
  missedFrom: Day;
  input: PlanInput;
  plans: readonly Entry<Plan>[];
  issues: readonly (NewsletterIssue & { audience: Audience })[];
  history: HistoryIndex;
  /** `history.lastDue` by contact, then plan, then step: looked up with ids in hand, no key built. */
  lastDue: LastDueByParts;
  /** `history.last` by the parts of touch ids. */
  last: LastByParts;
  doneInHousehold: DoneInHousehold;
  triggers: (contact: Entry<Contact>) => ContactTriggers;
  purpose: (contact: Entry<Contact>, unsent?: ReadonlySet<string>) => (step: Step, due: Day, touch: string) => Filled;
  date: (day: Day) => Temporal.PlainDate;
  /** `formatDay`, remembered: the same few days come up for every contact. */
  text: (day: Day) => string;
  result: PlanResult;
};

/** A touch found due, before its day is set. */
type Candidate = {
  id: string;
  plan: string;
  step: string;
  definition: Step;
  rule: RuleDue;
  due: Day;
  priority: number;
  rank: number;
  /** Filled in by a step's purpose (see `purposeFiller`). */
  task?: string;
  suggestion?: string;
};

/**
 * Plans the touches due on each day of `range`. Pure: no clock, disk or network.
 *
 * - A touch whose id has a settled outcome in history (see `isSettled`) is no longer due.
 * - Touches that came due before `range.from` inside `settings.graceDays` are planned on
 *   `range.from`; older ones are listed in `missed` (back to the first day in history, at most
 *   `MISSED_LOOKBACK_DAYS` before the grace window).
 * - Email steps go only to contacts who may be emailed that day (`mayEmailOn`); the others are
 *   listed in `skipped`. A contact gets at most one automated email a day and
 *   `settings.limits.perContactPerWeek` in any seven days; the rest wait for the next free day in
 *   the order of `byPriority`, and are missed if that passes the grace window.
 *
 * - A step planned `per: household` (see `stepPer`) is one touch for the members of a household
 *   who have it due on the same day, folded into the first member's (see `foldHouseholds`); sent
 *   or done for one member, it is not due again for the others.
 *
 * - Client events plan one invitation per invitee: a personal touch (see `planEventInvites`), or
 *   an email planned with the contact's other emails (see `emailInvites`).
 *
 * Planning N days equals planning each of those days alone after the earlier days' runs wrote
 * their outcomes to history, except for `keep-in-touch` steps: they count from touches already in
 * history, so an email planned earlier in the range does not move them; the run of each day does.
 */
export function planTouches(input: PlanInput, range: PlanRange): PlanResult {
  const from = dayOfPlainDate(range.from);
  const end = from + range.days - 1;
  const grace = input.settings.graceDays;
  const history = indexHistory(input.history, input.settings.timeZone);
  const households = householdsOf(input.contacts);
  const missedFrom = history.firstDay === undefined ? from - grace : Math.max(history.firstDay, from - grace - MISSED_LOOKBACK_DAYS);
  const shared: Shared = {
    from,
    end,
    start: Math.min(missedFrom, from - grace),
    missedFrom,
    input,
    plans: input.plans.filter((p) => !p.data.paused),
    issues: input.newsletters
      .filter((n) => !n.data.draft)
      .map((n) => ({
        id: n.id,
        sendDate: n.data.sendDate,
        sendDay: parseDay(n.data.sendDate),
        subject: n.data.subject,
        audience: n.data.audience,
      }))
      .sort((a, b) => a.sendDay - b.sendDay || (a.id < b.id ? -1 : 1)),
    history,
    lastDue: byContact(history.lastDue),
    last: byTouchParts(history.last),
    doneInHousehold: () => false,
    triggers: contactTriggers(input.contacts, input.referrals),
    purpose: purposeFiller({ ...input, daysBetweenAsks: input.settings.limits.daysBetweenAsks }),
    date: plainDates(),
    text: dayTexts(),
    result: { due: [], skipped: [], missed: [] },
  };
  const steps = householdSteps(shared.plans);
  if (households.size && steps.size) shared.doneInHousehold = doneInHousehold(households, steps, shared.last);
  // One contact's touches include those shared with their household.
  const together = range.contact === undefined ? undefined : new Set(households.get(range.contact) ?? [range.contact]);
  const planned = together ? input.contacts.filter((c) => together.has(c.id)) : input.contacts;
  if (range.days >= 1) for (const contact of planned) planContact(contact, shared);
  const { due, skipped, missed } = shared.result;
  if (range.days >= 1 && input.events?.length) {
    const byId = new Map(input.contacts.map((c) => [c.id, c]));
    for (const invite of planEventInvites({ events: input.events, contacts: input.contacts, history: input.history }, range)) {
      const contact = byId.get(invite.contact);
      if (contact && (range.contact === undefined || contact.id === range.contact)) due.push(withHints(invite, contact, input));
    }
  }
  due.sort((a, b) => compare(a.date, b.date) || byTouch(a, b));
  skipped.sort((a, b) => compare(a.due, b.due) || byTouch(a, b));
  missed.sort((a, b) => compare(a.due, b.due) || byTouch(a, b));
  const folded = foldHouseholds(due, households, steps);
  if (range.contact === undefined) return { due: folded, skipped, missed };
  const theirs = (t: { contact: string }) => t.contact === range.contact;
  return {
    due: folded.filter((t) => theirs(t) || t.household?.some(theirs)),
    skipped: skipped.filter(theirs),
    missed: missed.filter(theirs),
  };
}

// Planned days are shared values (see `plainDates`), so most comparisons are settled by identity.
const compare = (a: Temporal.PlainDate, b: Temporal.PlainDate) => (a === b ? 0 : Temporal.PlainDate.compare(a, b));
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byTouch = (a: SkippedTouch | DueTouch, b: SkippedTouch | DueTouch) =>
  text(a.contact, b.contact) || text(a.plan, b.plan) || text(a.step, b.step) || compare(a.due, b.due);

/**
 * The contact's touches due in the range: planned, placed on the days the email limits leave,
 * skipped or missed. An introduction ask by email that the limits hold past its grace window never
 * goes out, so it keeps no later ask waiting: the contact is planned again without counting it, as
 * the daily runs would, which see it only as missed.
 */
function planContact(contact: Entry<Contact>, s: Shared): void {
  const { emails, purposeful } = candidatesOf(contact, s);
  const unsent = new Set<string>();
  for (;;) {
    const planned: PlanResult = { due: [], skipped: [], missed: [] };
    const queued = [...emails];
    if (purposeful.length) fillPurposes(contact, purposeful, queued, planned, s, unsent);
    const expired = queued.length ? placeEmails(contact, queued, planned, s) : [];
    const counted = expired.filter((t) => t.definition.purpose === 'introduction-ask' && !unsent.has(t.id));
    if (!counted.length) {
      s.result.due.push(...planned.due);
      s.result.skipped.push(...planned.skipped);
      s.result.missed.push(...planned.missed);
      return;
    }
    for (const t of counted) unsent.add(t.id);
  }
}

/**
 * The contact's touches due from the start of the grace window, each once and none settled: a
 * personal touch is planned at once and one past the grace window is missed; emails, and steps
 * with a purpose, are returned to be placed.
 */
function candidatesOf(contact: Entry<Contact>, s: Shared): { emails: Candidate[]; purposeful: Candidate[] } {
  const { from, end, history, result } = s;
  const grace = s.input.settings.graceDays;
  // Within one contact, touch ids differ only by plan, step and due day (ids hold no dots):
  // repeats are found by those, with no id to hash.
  const seen = new Map<Day, { plan: string; step: string }[]>();
  const firstTime = (plan: string, step: string, due: Day): boolean => {
    const same = seen.get(due);
    if (!same) seen.set(due, [{ plan, step }]);
    else if (same.some((t) => t.plan === plan && t.step === step)) return false;
    else same.push({ plan, step });
    return true;
  };
  const theirHistory = s.last.get(contact.id);
  const emails: Candidate[] = [];
  const purposeful: Candidate[] = [];
  let issues: NewsletterIssue[] | undefined;
  const consider = (plan: string, priority: number, step: Step, rule: RuleDue, rank: number) => {
    if (rule.due > end && step.channel !== 'email') return;
    if (!firstTime(plan, step.id, rule.due)) return;
    const due = s.text(rule.due);
    const id = touchIdOn(contact.id, plan, step.id, due);
    const last = theirHistory?.get(plan)?.get(step.id)?.get(due);
    if (isSettled(last) || s.doneInHousehold(contact.id, plan, step.id, due)) return;
    const touch: Candidate = { id, plan, step: step.id, definition: step, rule, due: rule.due, priority, rank };
    if (rule.due < from - grace) {
      if (rule.due < s.missedFrom) return;
      // An email no one may send would have been skipped, not missed.
      if (step.channel === 'email' && !mayEmailOn(contact.data, s.text(rule.due)).ok) return;
      const failed = last?.event === 'failed' ? last.reason : undefined;
      result.missed.push(outcome(touch, contact.id, s, because('GraceWindowPassed', { graceDays: grace, failed })));
    } else if (step.purpose) {
      purposeful.push(touch);
    } else if (step.channel === 'email') {
      emails.push(touch);
    } else {
      result.due.push(
        withHints(dueTouch(touch, contact.id, Math.max(rule.due, from), s), contact, s.input, referralStepKind(step) === 'gift'),
      );
    }
  };
  let triggers: ContactTriggers | undefined;
  const lastDue = s.lastDue.get(contact.id);
  const lastTouch = history.lastTouch.get(contact.id);
  for (const plan of s.plans) {
    if (!inAudience(contact.id, contact.data, plan.data.audience)) continue;
    for (const step of plan.data.steps) {
      if (step.audience && !inAudience(contact.id, contact.data, step.audience)) continue;
      if (step.due.rule === 'newsletter') issues ??= s.issues.filter((n) => inAudience(contact.id, contact.data, n.audience));
      const ctx = {
        contact: contact.id,
        data: contact.data,
        triggers: (triggers ??= s.triggers(contact)),
        lastDue: lastDue?.get(plan.id)?.get(step.id),
        lastTouch,
        newsletters: issues ?? [],
      };
      for (const rule of dueDays(step.due, ctx, s.start, end + LOOKAHEAD_DAYS))
        consider(plan.id, plan.data.priority, step, rule, ruleRank(step.due.rule));
    }
  }
  for (const invite of emailInvites(contact, s.input.events ?? [])) {
    if (invite.rule.due >= s.start && invite.rule.due <= end + LOOKAHEAD_DAYS)
      consider(EVENTS_PLAN, INVITE_PRIORITY, invite.step, invite.rule, ruleRank('after'));
  }
  return { emails, purposeful };
}

/** Steps with a purpose (an introduction to ask for, a gift to choose): filled in and planned, or skipped with why. */
function fillPurposes(
  contact: Entry<Contact>,
  purposeful: Candidate[],
  emails: Candidate[],
  result: PlanResult,
  s: Shared,
  unsent: ReadonlySet<string>,
): void {
  const { from, end } = s;
  const fill = s.purpose(contact, unsent);
  for (const touch of purposeful.sort((a, b) => a.due - b.due)) {
    const filled = fill(touch.definition, touch.due, touch.id);
    // An email looked at ahead of the range is skipped, if at all, by the run that plans its day.
    if ('skip' in filled) {
      if (touch.due <= end) result.skipped.push(outcome(touch, contact.id, s, filled.skip));
    } else if (touch.definition.channel === 'email') emails.push(touch);
    else result.due.push(withHints(dueTouch({ ...touch, ...filled }, contact.id, Math.max(touch.due, from), s), contact, s.input));
  }
}

/**
 * Emails on the days the contact's limits leave free: planned, refused (no permission that day) or
 * missed. Gives those the limits held past their grace window.
 */
function placeEmails(contact: Entry<Contact>, emails: Candidate[], result: PlanResult, s: Shared): Candidate[] {
  const { from, end, history } = s;
  const grace = s.input.settings.graceDays;
  const address = new Map<Candidate, string>();
  const { placed, refused, expired } = scheduleEmails(
    emails,
    from,
    end,
    history.emailDays.get(contact.id) ?? [],
    { perWeek: s.input.settings.limits.perContactPerWeek, graceDays: grace },
    (queued, day) => {
      const permission = mayEmailOn(contact.data, s.text(day));
      if (!permission.ok) return permission;
      address.set(queued, permission.email);
      return undefined;
    },
  );
  for (const { touch, day } of placed) result.due.push({ ...dueTouch(touch, contact.id, day, s), email: address.get(touch) });
  for (const { touch, reason } of refused) result.skipped.push(outcome(touch, contact.id, s, reason));
  const { perContactPerWeek } = s.input.settings.limits;
  const held = because('HeldByEmailLimits', { perWeek: perContactPerWeek, graceDays: grace });
  for (const queued of expired) result.missed.push(outcome(queued, contact.id, s, held));
  return expired;
}

function dueTouch(t: Candidate, contact: string, day: Day, s: Shared): DueTouch {
  // The rule's reason counts from the trigger to the due day; a touch planned later says so, so
  // "1 day after referring …" is never read as today's count.
  const behind = `${day - t.due} day${day - t.due === 1 ? '' : 's'}`;
  const late =
    day === t.due
      ? ''
      : day > Math.max(t.due, s.from)
        ? `; due ${formatDay(t.due)}, waited ${behind} for a free day under the email limits`
        : `; due ${formatDay(t.due)}, ${behind} late`;
  const touch: DueTouch = {
    id: t.id,
    contact,
    plan: t.plan,
    step: t.step,
    channel: t.definition.channel,
    due: s.date(t.due),
    date: s.date(day),
    priority: t.priority,
    reason: `${t.rule.reason}${late}`,
  };
  if (t.definition.template) touch.template = t.definition.template;
  // The Nth touch of a sequence says what the step's Nth variant says.
  const variant = t.rule.occurrence === undefined ? undefined : t.definition.variants?.[t.rule.occurrence - 1];
  const subject = t.rule.subject ?? variant?.subject ?? t.definition.subject;
  if (subject) touch.subject = subject;
  const task = t.task ?? t.definition.task;
  if (task) touch.task = task;
  const suggestion = t.suggestion ?? variant?.suggestion ?? t.definition.suggestion;
  if (suggestion) touch.suggestion = suggestion;
  if (t.rule.newsletter) touch.newsletter = t.rule.newsletter;
  return touch;
}

function outcome(t: Candidate, contact: string, s: Shared, why: Reason): SkippedTouch {
  return {
    id: t.id,
    contact,
    plan: t.plan,
    step: t.step,
    channel: t.definition.channel,
    due: s.date(t.due),
    code: why.code,
    reason: why.reason,
  };
}
