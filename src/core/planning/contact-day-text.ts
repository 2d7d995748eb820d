import type { Problem } from '../problems/index.ts';
import type { ContactDay, PlanDay, StepDay, StepLine } from './contact-day.ts';

// British English's short names, as Intl.DateTimeFormat('en-GB') writes them ("Sept" too).
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/**
 * "Tue, 1 Dec 2026", in the commands' one language. Written from two short tables rather than
 * through Intl.DateTimeFormat: loading ICU's date formats took 20 ms of `npm run plan`'s start.
 */
export function dayName(date: Temporal.PlainDate | string): string {
  const day = typeof date === 'string' ? Temporal.PlainDate.from(date) : date;
  return `${WEEKDAYS[day.dayOfWeek - 1]}, ${day.day} ${MONTHS[day.month - 1]} ${day.year}`;
}
const problemLine = (p: Problem) => `    ${p.file}:${p.line}:${p.column} ${p.field ? `${p.field}: ` : ''}${p.message}`;

/**
 * The explanation as the owner reads it: the plans that reach the contact with each step, then the
 * plans that do not and why; skipped and missed touches and broken files carry what to do.
 */
export function formatContactDay(day: ContactDay): string[] {
  if (day.status === 'unknown') return [`No contact "${day.contact}".`];
  if (day.status === 'invalid') {
    return [`${day.contact} on ${dayName(day.date)}: ${day.reason} [${day.code}]`, ...day.problems.map(problemLine), `  ${day.hint}`];
  }
  const lines = [`${day.name} (${day.contact}) on ${dayName(day.date)}`];
  const reaching = day.plans.filter((p) => p.status === 'in');
  const others = day.plans.filter((p) => p.status !== 'in');
  for (const plan of reaching) lines.push('', plan.plan, ...plan.steps.flatMap(stepLines));
  if (reaching.length === 0) lines.push('', 'No plan reaches them.');
  if (others.length) lines.push('', 'Plans that do not reach them:', ...others.flatMap(otherLines));
  return lines;
}

function stepLines(step: StepDay): string[] {
  const name = `${step.step} (${step.channel})`;
  const lines = step.lines.flatMap((line) => lineText(name, line));
  const settled = step.lines.some((l) => l.status !== 'due' && l.code === 'AlreadyRecorded');
  if (step.last && !settled) lines.push(`      last in history: ${step.last.event}, due ${step.last.due}`);
  return lines;
}

function lineText(name: string, line: StepLine): string[] {
  switch (line.status) {
    case 'due': {
      const what = line.subject ? `: "${line.subject}"` : line.task ? `: ${line.task}` : '';
      return [`  ${name}: due today${what}`, `      why: ${line.why}`];
    }
    case 'skipped':
    case 'missed':
      return [`  ${name}: ${line.status} (due ${line.due}): ${line.reason} [${line.code}]`, `      ${line.hint}`];
    default:
      return [`  ${name}: ${line.reason} [${line.code}]`];
  }
}

function otherLines(plan: Exclude<PlanDay, { status: 'in' }>): string[] {
  const head = `  ${plan.plan}: ${plan.reason} [${plan.code}]`;
  if (plan.status !== 'broken') return [head];
  return [head, ...(plan.problems ?? []).map((p) => `  ${problemLine(p)}`), `      ${plan.hint}`];
}
