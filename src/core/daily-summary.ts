/** What the daily job prints: counts first, then every touch that needs the owner's eyes. */
import type { DailyReport } from './daily-run.ts';
import type { Task } from './task.ts';

export type SummaryContext = { date: string; delivery: string; dryRun: boolean; tasksWhere?: string };

/** Counts of outcomes; `sent + failed + unknown` is every email handed to the delivery. */
export function countOutcomes(report: DailyReport) {
  const by = (status: string) => report.results.filter((r) => r.outcome.status === status).length;
  return {
    sent: by('sent'),
    failed: by('failed'),
    unknown: by('unknown') + report.recovered.length,
    skipped: report.skipped.length + report.held.filter((h) => h.recorded).length,
    held: report.held.filter((h) => !h.recorded).length,
    missed: report.missed.length,
    deferred: report.deferred.length,
    tasks: report.tasks.length,
  };
}

export function formatDailySummary(report: DailyReport, ctx: SummaryContext): string[] {
  const c = countOutcomes(report);
  const lines = [`${ctx.dryRun ? 'Dry run' : 'Daily run'} for ${ctx.date}: emails ${ctx.dryRun ? 'rendered, not sent' : `to ${ctx.delivery}`}`];
  const row = (label: string, n: number, note = '') => lines.push(`  ${label.padEnd(9)}${String(n).padStart(5)}${note ? `  ${note}` : ''}`);
  row(ctx.dryRun ? 'ready' : 'sent', c.sent);
  const retry = report.results.filter((r) => r.outcome.status === 'failed' && r.outcome.temporary).length;
  row('failed', c.failed, retry ? `${retry} tried again on the next run` : '');
  row('unknown', c.unknown, c.unknown ? 'check by hand: never resent automatically' : '');
  row('skipped', c.skipped);
  row('held', c.held, c.held ? 'not recorded: tried again once fixed' : '');
  row('missed', c.missed);
  row('deferred', c.deferred, c.deferred ? 'over the daily limit: sent on a later run' : '');
  row('tasks', c.tasks, ctx.tasksWhere ? `written to ${ctx.tasksWhere}` : '');

  const section = (title: string, items: string[]) => {
    if (items.length) lines.push('', `${title}:`, ...items.map((i) => `  ${i}`));
  };
  section('Failed', report.results.flatMap((r) => (r.outcome.status === 'failed' ? [`${r.touch.id}: ${r.outcome.reason}${r.outcome.temporary ? ' (temporary)' : ' (permanent)'}`] : [])));
  section('Unknown', [
    ...report.recovered.map((e) => `${e.touch}: ${e.event === 'unknown' ? e.reason : ''}`),
    ...report.results.flatMap((r) => (r.outcome.status === 'unknown' ? [`${r.touch.id}: ${r.outcome.reason}`] : [])),
  ]);
  section('Skipped', [...report.skipped.map((s) => `${s.id}: ${s.reason}`), ...report.held.filter((h) => h.recorded).map((h) => `${h.touch.id}: ${h.reason}`)]);
  section('Held back', report.held.filter((h) => !h.recorded).map((h) => `${h.touch.id}: ${h.reason}`));
  section('Missed', report.missed.map((m) => `${m.id}: ${m.reason}`));
  section('Tasks', report.tasks.map((t) => t.title));
  return lines;
}

/** The personal touches of a day as one Markdown task list. */
export function formatTaskList(tasks: readonly Task[], date: string): string {
  const parts = [`# Personal touches for ${date}`, ''];
  for (const task of tasks) parts.push(`## [ ] ${task.title}`, '', task.body, '');
  return `${parts.join('\n').trimEnd()}\n`;
}
