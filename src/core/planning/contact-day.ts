/**
 * One contact's day, explained: each plan, whether they are in its audience, and why each step
 * is or is not due. Pure: it plans with `planTouches` and reads the answer, so it says what the
 * daily job would do, never a second opinion.
 */
import { inAudience, whyNotInAudience } from '../contacts/index.ts';
import type { Channel, HistoryEntry, Plan, Step, Entry } from '../model/index.ts';
import type { Problem } from '../problems/index.ts';
import { because, reasonHint, type Reason, type ReasonCode } from '../reasons/index.ts';
import { claimEntry, skippedEntry, type DueTouch, type SkippedTouch } from '../touches/index.ts';
import { formatDay, parseDay } from '../calendar/index.ts';
import { dueDays } from '../due-rules/index.ts';
import { planTouches, type PlanInput } from './plan-touches.ts';
import { contactTriggers } from './triggers.ts';

/** How far ahead the next due day of a step is looked for, and back for the last one. */
const LOOK_AHEAD_DAYS = 366;
const LOOK_BACK_DAYS = 3660;

/** One line about a step: due that day, or a reason with its code and hint. */
export type StepLine =
  | { status: 'due'; date: string; due: string; why: string; subject?: string; task?: string }
  | { status: 'skipped' | 'missed' | 'not-due' | 'outside'; due?: string; code: ReasonCode; reason: string; hint: string };

export type StepDay = {
  step: string;
  channel: Channel;
  lines: StepLine[];
  /** The step's last entry in history, if any. */
  last?: { event: HistoryEntry['event']; due: string; at: string };
};

export type PlanDay =
  | { plan: string; status: 'paused' | 'outside' | 'broken'; code: ReasonCode; reason: string; hint: string; problems?: Problem[] }
  | { plan: string; status: 'in'; steps: StepDay[] };

export type ContactDay =
  | { status: 'unknown'; contact: string }
  | { status: 'invalid'; contact: string; date: string; code: ReasonCode; reason: string; hint: string; problems: Problem[] }
  | { status: 'explained'; contact: string; name: string; date: string; plans: PlanDay[] };

const withHint = (why: Reason) => ({ ...why, hint: reasonHint(why.code) });
const fileOf = (folder: string, id: string) => (p: Problem) =>
  p.file === `${folder}/${id}.yaml` || p.file.endsWith(`/${folder}/${id}.yaml`);

/**
 * Explains `contact`'s day `date` from the content (`problems` are the content's, for files that
 * could not be read). Plans in file order; a plan file with problems is listed as broken.
 */
export function explainContactDay(
  input: PlanInput & { problems: readonly Problem[] },
  contact: string,
  date: Temporal.PlainDate,
): ContactDay {
  const entry = input.contacts.find((c) => c.id === contact);
  if (!entry) {
    const problems = input.problems.filter(fileOf('contacts', contact));
    if (problems.length === 0) return { status: 'unknown', contact };
    const file = problems[0].file;
    return { status: 'invalid', contact, date: date.toString(), ...withHint(because('InvalidContactFile', { file })), problems };
  }
  const today = planTouches(input, { from: date, days: 1, contact });
  // The days ahead as the later runs will see them: after today's run recorded its touches.
  const at = date.toZonedDateTime({ timeZone: input.settings.timeZone, plainTime: '12:00' }).toInstant().toString();
  const recorded = [
    ...today.due.map((t) => claimEntry(t, at)),
    ...today.skipped.map((t) => skippedEntry(t, 'skipped', at)),
    ...today.missed.map((t) => skippedEntry(t, 'missed', at)),
  ];
  const later = { ...input, history: [...input.history, ...recorded] };
  const ahead = planTouches(later, { from: date.add({ days: 1 }), days: LOOK_AHEAD_DAYS, contact });
  const day = date.toString();
  const plans: PlanDay[] = input.plans.map((plan) => {
    if (plan.data.paused) return { plan: plan.id, status: 'paused', ...withHint(because('PlanPaused')) };
    const why = whyNotInAudience(contact, entry.data, plan.data.audience);
    if (why !== undefined) return { plan: plan.id, status: 'outside', ...withHint(because('OutsideAudience', { why })) };
    return { plan: plan.id, status: 'in', steps: plan.data.steps.map((step) => explainStep(plan, step)) };
  });
  const read = new Set(input.plans.map((p) => p.id));
  const broken = Map.groupBy(
    input.problems.filter((p) => /(^|\/)plans\/[^/]+\.yaml$/.test(p.file)),
    (p) => p.file,
  );
  for (const [file, problems] of broken) {
    const plan = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
    if (!read.has(plan)) plans.push({ plan, status: 'broken', ...withHint(because('InvalidPlanFile', { file })), problems });
  }
  // Touches of no plan file (client event invitations) are shown under their own plan name.
  for (const [plan, touches] of Map.groupBy(
    [...today.due, ...today.skipped, ...today.missed].filter((t) => !read.has(t.plan)),
    (t) => t.plan,
  )) {
    const steps = [...Map.groupBy(touches, (t) => t.step)].map(([step, list]) => ({
      step,
      channel: list[0].channel,
      lines: list.map((t) => lineOf(t, today)),
    }));
    plans.push({ plan, status: 'in', steps });
  }
  return { status: 'explained', contact, name: entry.data.name, date: day, plans };

  /** The step's last due day before `date` by its rule alone, for a step with none ahead. */
  function lastRuleDay(step: Step) {
    const newsletters = input.newsletters
      .filter((n) => !n.data.draft && inAudience(contact, entry!.data, n.data.audience))
      .map((n) => ({ id: n.id, sendDate: n.data.sendDate, sendDay: parseDay(n.data.sendDate), subject: n.data.subject }))
      .sort((a, b) => a.sendDay - b.sendDay);
    const triggers = contactTriggers(input.contacts, input.referrals)(entry!);
    const end = parseDay(day) - 1;
    return dueDays(step.due, { contact, data: entry!.data, triggers, newsletters }, end - LOOK_BACK_DAYS, end).at(-1);
  }

  function explainStep(plan: Entry<Plan>, step: Step): StepDay {
    const mine = (t: { plan: string; step: string }) => t.plan === plan.id && t.step === step.id;
    const last = input.history.findLast((h) => h.contact === contact && mine(h));
    const result: StepDay = {
      step: step.id,
      channel: step.channel,
      lines: [],
      ...(last ? { last: { event: last.event, due: last.due, at: last.at } } : {}),
    };
    if (step.audience && !inAudience(contact, entry!.data, step.audience)) {
      const why = whyNotInAudience(contact, entry!.data, step.audience) ?? '';
      result.lines.push({ status: 'outside', ...withHint(because('OutsideStepAudience', { why })) });
      return result;
    }
    const found = [...today.missed, ...today.skipped, ...today.due].filter(mine);
    result.lines.push(...found.map((t) => lineOf(t, today)));
    if (found.some((t) => t.due.toString() === day)) return result;
    if (last && last.due === day && last.event !== 'failed') {
      result.lines.push({ status: 'not-due', due: day, ...withHint(because('AlreadyRecorded', { event: last.event })) });
      return result;
    }
    if (found.some((t) => 'date' in t)) return result;
    const waiting = [...ahead.due, ...ahead.missed].find((t) => mine(t) && t.due.toString() <= day);
    if (waiting) {
      const date = 'date' in waiting ? waiting.date.toString() : undefined;
      const why = because('WaitingUnderEmailLimits', { due: waiting.due.toString(), date, missed: date ? undefined : waiting.reason });
      result.lines.push({ status: 'not-due', due: waiting.due.toString(), ...withHint(why) });
      return result;
    }
    const next = [...ahead.due, ...ahead.skipped].filter((t) => mine(t) && t.due.toString() > day).sort(byDue)[0];
    if (next) {
      const why = 'date' in next ? next.reason : `it will be skipped: ${next.reason}`;
      result.lines.push({ status: 'not-due', ...withHint(because('NotDueToday', { next: next.due.toString(), why })) });
    } else {
      const before = lastRuleDay(step);
      const trigger = 'trigger' in step.due ? step.due.trigger : undefined;
      const words = { last: before && formatDay(before.due), lastWhy: before?.reason, trigger };
      result.lines.push({ status: 'not-due', ...withHint(because('NotDueToday', words)) });
    }
    return result;
  }
}

const byDue = (a: { due: Temporal.PlainDate }, b: { due: Temporal.PlainDate }) => Temporal.PlainDate.compare(a.due, b.due);

function lineOf(t: DueTouch | SkippedTouch, today: { missed: readonly SkippedTouch[] }): StepLine {
  if ('date' in t) {
    const line: StepLine = { status: 'due', date: t.date.toString(), due: t.due.toString(), why: t.reason };
    if (t.subject) line.subject = t.subject;
    if (t.task) line.task = t.task;
    return line;
  }
  const status = today.missed.includes(t) ? 'missed' : 'skipped';
  return { status, due: t.due.toString(), code: t.code, reason: t.reason, hint: reasonHint(t.code) };
}
