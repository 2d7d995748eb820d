/** What intake prints: one line per outcome, then a count. Pure. */
import type { IntakeOutcome, IntakePlan } from './intake.ts';

const LABELS: Record<IntakeOutcome['kind'], string> = {
  testimonial: 'testimonial',
  referral: 'referral',
  unsubscribe: 'unsubscribe',
  complaint: 'complaint',
  bounce: 'bounce',
  refused: 'refused',
  full: 'mailbox full',
  delay: 'delayed',
  unknown: 'left alone',
};

/** `  bounce       mail/dsn.eml: ana@example.com (5.1.1: …): flagged in …` */
export function formatOutcome(outcome: IntakeOutcome): string {
  return `  ${LABELS[outcome.kind].padEnd(12)} ${outcome.source}: ${outcome.note}`;
}

/** The closing line: how many messages, and what became of them. */
export function formatIntakeSummary(messages: number, plan: IntakePlan, problems: number): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const o = plan.outcomes;
  // A full mailbox or a delay is noted (in its touch's history when the bounce names one), never a change to the content.
  const noted = (x: IntakeOutcome) => x.kind === 'delay' || x.kind === 'full' || (x.kind === 'refused' && !x.changed);
  const changed = o.filter((x) => x.changed && x.kind !== 'unknown' && !noted(x)).length;
  const replies = plan.history.filter((e) => e.event === 'done').length;
  const already = o.filter((x) => !x.changed && x.kind !== 'unknown' && !noted(x)).length;
  const delays = o.filter(noted).length;
  const left = o.filter((x) => x.kind === 'unknown').length;
  const parts = [`${count(changed, 'change')} written`, `${already} already taken in`, `${delays} noted`, `${left} left alone`];
  if (replies) parts.push(`${count(replies, 'reply counted as a touch', 'replies counted as touches')}`);
  return `${count(messages, 'message')} read: ${parts.join(', ')}${problems ? `; ${count(problems, 'file')} not read` : ''}.`;
}
