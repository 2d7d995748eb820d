/**
 * What the daily job tells the owner: what was due by channel, the counts of outcomes, then what
 * needs them, then every touch that did not simply go out. The same summary as terminal lines and
 * as Markdown for the GitHub job summary; the exit status follows from what needs the owner.
 */
import type { DailyReport } from './daily-run.ts';
import { EXIT, type Problem } from '../problems/index.ts';
import { CHANNELS } from '../model/index.ts';
import { because } from '../reasons/index.ts';
import { CLOSE_ISSUE, type Task } from '../tasks/index.ts';

export type SummaryContext = {
  date: string;
  /** Where the emails went: the outbox folder or the SMTP server (without credentials). */
  delivery: string;
  /** How emails leave (`EMAIL_TRANSPORT`, see choose-delivery.ts): what to check when none got through. */
  transport: keyof typeof CHECK_TRANSPORT;
  dryRun: boolean;
  /** Problems in the content, already printed by the script; counted and listed in Markdown. */
  problems?: readonly Problem[];
};

/** What to check, for each way emails leave, when every email of a run failed. */
const CHECK_TRANSPORT = {
  smtp: 'Check the mail server and SMTP_URL.',
  ses: 'Check Amazon SES in AWS_REGION: that the sender is verified and the account may send.',
  outbox: 'Check that the outbox folder can be written.',
} as const;

/** The daily job's exit status (see `EXIT`). */
export function exitStatus(report: DailyReport, problems: readonly Problem[]): number {
  if (problems.length) return EXIT.problems;
  return attentionItems(report).length ? EXIT.attention : EXIT.ok;
}

/** Counts of outcomes; `sent + failed + unknown` is every email handed to the delivery. */
function countOutcomes(report: DailyReport) {
  const by = (status: string) => report.results.filter((r) => r.outcome.status === status).length;
  return {
    sent: by('sent'),
    failed: by('failed'),
    unknown: by('unknown') + report.recovered.length,
    unsent: by('not-sent') + report.unsent.length,
    skipped: report.skipped.length + report.held.filter((h) => h.recorded).length,
    held: report.held.filter((h) => !h.recorded).length,
    missed: report.missed.length,
    deferred: report.deferred.length,
    tasks: report.tasks.length,
  };
}

/** What the owner must act on, one line each: first what stopped the run, then each touch (`exitStatus` only counts them). */
function attentionItems(report: DailyReport, transport?: SummaryContext['transport']): string[] {
  return [
    ...runItems(report, transport),
    ...report.unknowns.map((e) => unknownLine(e.touch, e.event === 'unknown' ? e.reason : e.event)),
    ...report.results.flatMap((r) => (r.outcome.status === 'unknown' ? [unknownLine(r.touch.id, r.outcome.reason)] : [])),
    ...report.results.flatMap((r) =>
      r.outcome.status === 'failed' && !r.outcome.temporary ? [`${r.touch.id}: ${r.outcome.reason} (permanent)`] : [],
    ),
    ...report.reopened.map(
      (i) => `issue #${i.number} was reopened after ${i.touch} was recorded as done: close it again when it is done (${i.url})`,
    ),
    ...report.unopened.map(
      (u) => `${u.task.touch}: ${because('IssueNotOpened', { detail: u.reason }).reason} (tried again on the next run)`,
    ),
    ...(report.trackerProblem
      ? [`${report.trackerProblem}. Today's personal touches are in the task list and will be opened as issues on the next run.`]
      : []),
  ];
}

// Every unknown outcome is listed on every run until the owner settles it.
const unknownLine = (touch: string, reason: string) =>
  `${touch}: ${reason} (unknown outcome: settle it with npm run settle -- ${touch} --sent or --not-sent)`;

/** What went wrong with the run as a whole: sending stopped, no email delivered, intake failed. */
function runItems(report: DailyReport, transport?: SummaryContext['transport']): string[] {
  const items: string[] = [];
  const notSent = countOutcomes(report).unsent;
  if (report.stopped) {
    const { fix, reason } = report.stopped;
    items.push(
      `Sending stopped: ${fix} (${reason}). ${plural(notSent, 'email was', 'emails were')} not sent and go out on the next run that works; no touch was marked failed.`,
    );
  } else if (report.results.length && !report.results.some((r) => r.outcome.status === 'sent')) {
    const first = report.results.find((r) => r.outcome.status !== 'sent')?.outcome;
    const why = first && first.status !== 'sent' ? first.reason : 'no reason given';
    items.push(
      `No email could be delivered: all ${report.results.length} failed (the first: ${why}).${transport ? ` ${CHECK_TRANSPORT[transport]}` : ''}`,
    );
  }
  if (report.intakeProblem)
    items.push(
      `Intake from the mailbox failed: ${report.intakeProblem}. Replies, unsubscribes and bounces wait in the mailbox until it works.`,
    );
  return items;
}

type Section = { title: string; items: string[] };

function sections(report: DailyReport, ctx: SummaryContext): Section[] {
  const problems = ctx.problems ?? [];
  const waiting = report.openIssues.length;
  const needs = [
    ...attentionItems(report, ctx.transport),
    ...(problems.length
      ? [
          `${plural(problems.length, 'problem')} in the content, each shown with its file and line: fix ${problems.length > 1 ? 'them, and what they' : 'it, and what it'} held back goes out on the next run`,
        ]
      : []),
    ...(waiting
      ? [
          `${plural(waiting, 'personal touch', 'personal touches')} waiting in the issues of ${report.issuesIn}${oldestWaiting(report)}: close each issue when it is done`,
        ]
      : []),
    ...(!report.issuesIn && report.stillOpen.length ? [stillOpenLine(report, ctx)] : []),
    ...(!report.issuesIn && report.tasks.length
      ? [
          `${plural(report.tasks.length, 'personal touch', 'personal touches')} to do today: see Tasks${report.tasksWhere ? ` and ${report.tasksWhere}` : ''}`,
        ]
      : []),
  ];
  const issueOf = new Map(report.opened.map((o) => [o.task.touch, o.issue]));
  return [
    { title: 'Needs you', items: needs },
    {
      title: 'Failed',
      items: report.results.flatMap((r) =>
        r.outcome.status === 'failed' && r.outcome.temporary ? [`${r.touch.id}: ${r.outcome.reason} (temporary)`] : [],
      ),
    },
    {
      title: 'Skipped',
      items: [
        ...report.skipped.map((s) => `${s.id}: ${s.reason}`),
        ...report.held.filter((h) => h.recorded).map((h) => `${h.touch.id}: ${h.reason}`),
      ],
    },
    { title: 'Held back', items: report.held.filter((h) => !h.recorded).map((h) => `${h.touch.id}: ${h.reason}`) },
    {
      title: 'Not sent: sending stopped',
      items: [
        ...report.results.flatMap((r) => (r.outcome.status === 'not-sent' ? [`${r.touch.id}: ${r.outcome.reason}`] : [])),
        ...report.unsent.map((t) => `${t.id}: not claimed`),
      ],
    },
    { title: 'Missed', items: report.missed.map((m) => `${m.id}: ${m.reason}`) },
    { title: 'Deferred to a later day', items: report.deferred.map((d) => `${d.id}: ${report.deferredBecause}`) },
    { title: 'Tasks', items: report.tasks.map((t) => taskLine(t, issueOf.get(t.touch))) },
    {
      title: 'Still open',
      items: report.issuesIn ? [] : report.stillOpen.map((t) => `${t.touch}: ${t.channel}, handed over ${t.since}`),
    },
    {
      title: 'Done by hand since the last run',
      items: report.closed.map(
        (e) => `${e.touch}: ${e.event === 'done' ? `done (issue #${e.issue ?? '?'})` : e.event === 'skipped' ? e.reason : e.event}`,
      ),
    },
  ];
}

// ", the oldest since 2026-11-25" when an issue still waiting was opened by an earlier run.
function oldestWaiting(report: DailyReport): string {
  const open = new Set(report.openIssues.map((i) => i.touch));
  const oldest = report.stillOpen.find((t) => open.has(t.touch))?.since;
  return oldest ? `, the oldest since ${oldest}` : '';
}

/** Personal touches handed over by earlier runs, not yet done: "Nothing needs you" would be untrue. */
function stillOpenLine(report: DailyReport, ctx: SummaryContext): string {
  const n = report.stillOpen.length;
  const oldest = report.stillOpen[0].since;
  const when = oldest === ctx.date ? 'handed over earlier today' : `the oldest handed over on ${oldest}`;
  return (
    `${plural(n, 'personal touch', 'personal touches')} from earlier runs ${n === 1 ? 'is' : 'are'} not done yet (${when}): ` +
    'see Still open below; when one is done, close its issue or record it with npm run log -- CONTACT --channel CHANNEL'
  );
}

function taskLine(task: Task, issue: { number: number; url: string } | undefined): string {
  return issue ? `${task.title}: issue #${issue.number} ${issue.url}` : task.title;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "email 41, card 1": today's touches by channel, in the schema's order. */
function channelLine(report: DailyReport): string {
  const parts = CHANNELS.flatMap((c) => (report.byChannel[c] ? [`${c} ${report.byChannel[c]}`] : []));
  const total = Object.values(report.byChannel).reduce((a, b) => a + (b ?? 0), 0);
  return total
    ? `${plural(total, 'touch', 'touches')} due today: ${parts.join(', ')}`
    : 'No touches due today that are not already recorded';
}

function rows(report: DailyReport, ctx: SummaryContext): [string, number, string][] {
  const c = countOutcomes(report);
  const retry = report.results.filter((r) => r.outcome.status === 'failed' && r.outcome.temporary).length;
  const tasksNote = report.issuesIn
    ? `${plural(report.opened.length, 'issue')} opened in ${report.issuesIn}`
    : report.tasksWhere
      ? `written to ${report.tasksWhere}`
      : '';
  const list: [string, number, string][] = [
    [ctx.dryRun ? 'ready' : 'sent', c.sent, ''],
    ['failed', c.failed, retry ? `${retry} tried again on the next run` : ''],
    ['unknown', c.unknown, c.unknown ? 'check by hand: never resent automatically' : ''],
    ['skipped', c.skipped, ''],
    ['held', c.held, c.held ? 'not recorded: tried again once fixed' : ''],
    ['missed', c.missed, ''],
    ['deferred', c.deferred, c.deferred ? report.deferredBecause : ''],
    ['tasks', c.tasks, tasksNote],
  ];
  if (c.unsent) list.splice(3, 0, ['unsent', c.unsent, 'sending stopped: sent on the next run that works']);
  if (report.issuesIn)
    list.push(['done', report.closed.filter((e) => e.event === 'done').length, 'issues closed by hand since the last run']);
  return list;
}

const LIMIT_TERMINAL = 50;
const LIMIT_MARKDOWN = 200;
const capped = (items: string[], limit: number) =>
  items.length > limit ? [...items.slice(0, limit), `… and ${items.length - limit} more (all are in the history)`] : items;

function heading(ctx: SummaryContext): string {
  const day = Temporal.PlainDate.from(ctx.date).toLocaleString('en-GB', { weekday: 'long' });
  return `${ctx.dryRun ? 'Dry run' : 'Daily run'} for ${ctx.date} (${day}): emails ${ctx.dryRun ? 'rendered, not sent' : `to ${ctx.delivery}`}`;
}

export function formatDailySummary(report: DailyReport, ctx: SummaryContext): string[] {
  const lines = [heading(ctx), channelLine(report)];
  for (const [label, n, note] of rows(report, ctx)) lines.push(`  ${label.padEnd(9)}${String(n).padStart(5)}${note ? `  ${note}` : ''}`);
  const all = sections(report, ctx);
  if (!all[0].items.length) lines.push('', ctx.dryRun ? 'Nothing would need you.' : 'Nothing needs you today.');
  for (const { title, items } of all) if (items.length) lines.push('', `${title}:`, ...capped(items, LIMIT_TERMINAL).map((i) => `  ${i}`));
  return lines;
}

/** The same summary in Markdown, for `$GITHUB_STEP_SUMMARY`. Problems are listed here too. */
export function formatDailyMarkdown(report: DailyReport, ctx: SummaryContext): string {
  const out = [`## ${heading(ctx)}`, '', `${channelLine(report)}.`, '', '| outcome | touches | |', '| --- | ---: | --- |'];
  for (const [label, n, note] of rows(report, ctx)) out.push(`| ${label} | ${n} | ${md(note)} |`);
  const problems = (ctx.problems ?? []).map(problemMarkdown);
  const all = sections(report, ctx);
  out.push('', '### Needs you', '');
  out.push(...(all[0].items.length ? all[0].items.map((i) => `- ${md(i)}`) : ['Nothing needs you today.']));
  if (problems.length) out.push('', '### Problems in the content', '', ...capped(problems, LIMIT_MARKDOWN).map((p) => `- ${p}`));
  for (const { title, items } of all.slice(1)) {
    if (!items.length) continue;
    out.push(
      '',
      `<details><summary>${title} (${items.length})</summary>`,
      '',
      ...capped(items, LIMIT_MARKDOWN).map((i) => `- ${md(i)}`),
      '',
      '</details>',
    );
  }
  return `${out.join('\n')}\n`;
}

/**
 * Why a run sent nothing (broken settings or history, an account that refuses), in Markdown for
 * `$GITHUB_STEP_SUMMARY`, with the problems behind it.
 */
export function formatStoppedMarkdown(line: string, problems: readonly Problem[] = []): string {
  const list = capped(problems.map(problemMarkdown), LIMIT_MARKDOWN).map((p) => `- ${p}`);
  return `## Daily run stopped\n\n${md(line)}\n${list.length ? `\n${list.join('\n')}\n` : ''}`;
}

function problemMarkdown(p: Problem): string {
  return `\`${p.file}${p.line > 0 ? `:${p.line}:${p.column}` : ''}\` ${p.field ? `${md(p.field)}: ` : ''}${md(p.message)}. ${md(p.hint)}`;
}

// Keeps a line of text from being read as Markdown or HTML.
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** The personal touches of a day as one Markdown task list. */
export function formatTaskList(tasks: readonly Task[], date: string): string {
  const parts = [`# Personal touches for ${date}`, ''];
  // The closing line speaks of issues; in a file the task is simply done.
  for (const task of tasks) parts.push(`## [ ] ${task.title}`, '', task.body.replace(`\n\n${CLOSE_ISSUE}`, ''), '');
  return `${parts.join('\n').trimEnd()}\n`;
}
