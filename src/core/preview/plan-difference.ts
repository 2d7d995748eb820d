/**
 * What a change adds to or removes from what will be sent: the branch's planned touches against the
 * base branch's, over the same days. Pure: two plans in, Markdown out.
 */
import type { PlannedRow } from './change-summary.ts';

/** Touches in one plan and not in the other, grouped by plan and subject (emails) or step (tasks). */
type PlanChange = { change: 'added' | 'removed'; channel: string; plan: string; what: string; count: number; first: string };

const identity = (r: PlannedRow) => [r.date, r.contact, r.plan, r.step, r.channel, r.subject ?? ''].join('\u0000');

/** Each touch planned on one side only, counted by plan and subject or step. */
function comparePlans(base: readonly PlannedRow[], head: readonly PlannedRow[]): PlanChange[] {
  const count = (rows: readonly PlannedRow[]) => {
    const seen = new Map<string, number>();
    for (const r of rows) seen.set(identity(r), (seen.get(identity(r)) ?? 0) + 1);
    return seen;
  };
  const before = count(base);
  const after = count(head);
  const groups = new Map<string, PlanChange>();
  const note = (row: PlannedRow, change: PlanChange['change']) => {
    const what = row.channel === 'email' ? (row.subject ?? '(newsletter)') : row.step;
    const key = [change, row.channel === 'email' ? 'email' : 'task', row.plan, what].join('\u0000');
    const group = groups.get(key) ?? { change, channel: row.channel, plan: row.plan, what, count: 0, first: row.date };
    group.count += 1;
    if (row.date < group.first) group.first = row.date;
    groups.set(key, group);
  };
  for (const row of head) {
    const k = identity(row);
    if ((before.get(k) ?? 0) > 0) before.set(k, before.get(k)! - 1);
    else note(row, 'added');
  }
  for (const row of base) {
    const k = identity(row);
    if ((after.get(k) ?? 0) > 0) after.set(k, after.get(k)! - 1);
    else note(row, 'removed');
  }
  const order = (c: PlanChange) => [c.change, c.channel === 'email' ? 0 : 1, c.plan, c.what].join('\u0000');
  return [...groups.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** Markdown for the pull-request comment: the changes by plan and subject, or that nothing changes. */
export function summarizeDifference(base: readonly PlannedRow[], head: readonly PlannedRow[], days: number): string {
  const lines = [`### What this change adds to or removes from the next ${days} days`, ''];
  const changes = comparePlans(base, head);
  if (changes.length === 0) return [...lines, 'No change to what is sent.'].join('\n');
  const total = (change: PlanChange['change'], email: boolean) =>
    changes.filter((c) => c.change === change && (c.channel === 'email') === email).reduce((n, c) => n + c.count, 0);
  const plural = (n: number, word: string, many = `${word}s`) => `**${n}** ${n === 1 ? word : many}`;
  lines.push(
    `Added: ${plural(total('added', true), 'email')} and ${plural(total('added', false), 'task')}. ` +
      `Removed: ${plural(total('removed', true), 'email')} and ${plural(total('removed', false), 'task')}.`,
    '',
    '| change | kind | plan | subject or step | touches | first day |',
    '| --- | --- | --- | --- | ---: | --- |',
  );
  for (const c of changes) {
    const kind = c.channel === 'email' ? 'email' : `task (${c.channel})`;
    lines.push(`| ${c.change} | ${kind} | ${c.plan} | ${c.what.replaceAll('|', '\\|').replaceAll('\n', ' ')} | ${c.count} | ${c.first} |`);
  }
  return lines.join('\n');
}
