import type { Channel } from '../model/index.ts';

/** One row of `npm run plan -- --json`. */
export type PlannedRow = { date: string; contact: string; plan: string; step: string; channel: Channel; subject?: string };

/** The marker that lets a rerun update its pull-request comment instead of adding another. */
export const SUMMARY_MARKER = '<!-- referable-change-summary -->';

/**
 * Markdown telling a reviewer what the content on this branch will send: emails by subject with
 * their recipient counts, personal tasks by channel, and the busiest days.
 */
export function summarizeChange(rows: readonly PlannedRow[], options: { days: number; previews: number }): string {
  const lines = [SUMMARY_MARKER, `### What this branch will send in the next ${options.days} days`, ''];
  if (rows.length === 0) return [...lines, 'Nothing is due.'].join('\n');
  const emails = rows.filter((r) => r.channel === 'email');
  const personal = rows.filter((r) => r.channel !== 'email');
  lines.push(
    `**${emails.length}** email${emails.length === 1 ? '' : 's'} and **${personal.length}** personal touch${personal.length === 1 ? '' : 'es'}.`,
    '',
  );
  if (emails.length) {
    lines.push('| first day | subject | plan | recipients |', '| --- | --- | --- | ---: |');
    for (const group of groupBy(emails, (r) => `${r.plan}\u0000${r.subject ?? ''}`)) {
      const first = group[0];
      lines.push(`| ${first.date} | ${escapeCell(first.subject ?? '(newsletter)')} | ${first.plan} | ${group.length} |`);
    }
    lines.push('');
  }
  if (personal.length) {
    lines.push('| channel | tasks | first day |', '| --- | ---: | --- |');
    for (const group of groupBy(personal, (r) => r.channel)) lines.push(`| ${group[0].channel} | ${group.length} | ${group[0].date} |`);
    lines.push('');
  }
  const busiest = groupBy(rows, (r) => r.date).toSorted((a, b) => b.length - a.length)[0];
  lines.push(`Busiest day: ${busiest[0].date} with ${busiest.length} touches.`);
  if (options.previews)
    lines.push(
      '',
      `${options.previews} rendered email${options.previews === 1 ? ' is' : 's are'} in the **email-previews** artifact of this run.`,
    );
  return lines.join('\n');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items.toSorted((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()];
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
