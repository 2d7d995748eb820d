/**
 * `npm run daily -- [--date D] [--dry-run] [--content DIR] [--outbox DIR]`: plan today's touches,
 * send the emails (SMTP when SMTP_URL is set, else .eml files in the outbox), write the personal
 * touches to a task list, record everything in history, and print what happened.
 */
import path from 'node:path';
import { parseCommandArgs, UsageError } from '../src/adapters/args.ts';
import { clockOn, todayIn } from '../src/adapters/clock.ts';
import { readContent } from '../src/adapters/content-fs.ts';
import { openHistoryJournal, repairHistory } from '../src/adapters/history-fs.ts';
import { compileLayouts } from '../src/adapters/layouts-fs.ts';
import { createOutbox, writeOutboxFile } from '../src/adapters/outbox.ts';
import { createSmtpDelivery, isSmtpUrl } from '../src/adapters/smtp.ts';
import { printProblems, runCommand } from '../src/adapters/terminal.ts';
import { runDaily, type DailyReport } from '../src/core/daily-run.ts';
import { formatDailySummary, formatTaskList } from '../src/core/daily-summary.ts';
import { isCalendarDate } from '../src/core/schema/index.ts';

runCommand(async () => {
  const { values } = parseCommandArgs(process.argv.slice(2), {
    date: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    outbox: { type: 'string', default: 'outbox' },
  });
  if (values.date && !isCalendarDate(values.date)) throw new UsageError(`--date ${values.date} is not a real date (write YYYY-MM-DD)`);
  const smtpUrl = process.env.SMTP_URL || undefined;
  if (smtpUrl && !isSmtpUrl(smtpUrl)) throw new UsageError('SMTP_URL is not an smtp:// or smtps:// URL (its value is not shown: it may hold a password)');
  const dryRun = values['dry-run'];
  const historyDir = path.join(values.content, 'history');
  if (!dryRun) for (const file of await repairHistory(historyDir)) console.error(`${file}: removed an unfinished last line left by a run that was stopped`);

  const { content, problems } = await readContent(values.content);
  printProblems(problems);
  const settings = content.settings;
  if (!settings) return 1;
  if (problems.some((p) => p.file.startsWith(`${historyDir}/`))) {
    console.error('\nNothing was sent: history has problems, and sending without it could send a touch twice.');
    return 1;
  }
  const today = values.date ? Temporal.PlainDate.from(values.date) : todayIn(settings.timeZone);
  const compiled = await compileLayouts(settings);
  for (const p of compiled.problems) console.error(`${p.file}: ${p.message}`);
  const layoutProblems = new Map(compiled.problems.map((p) => [path.basename(p.file, '.mjml'), p.message]));
  const now = clockOn(values.date ? today : undefined, settings.timeZone);
  const input = { content, settings, today, layouts: compiled.layouts, layoutProblems, now };

  let report: DailyReport;
  let tasksWhere: string | undefined;
  const delivery = smtpUrl ? createSmtpDelivery(smtpUrl, { perSecond: settings.limits.perSecond }) : createOutbox(values.outbox);
  if (dryRun) {
    report = await runDaily(input);
  } else {
    const journal = await openHistoryJournal(historyDir, today.toString().slice(0, 7));
    const writeTasks = async (tasks: Parameters<typeof formatTaskList>[0]) =>
      (tasksWhere = await writeOutboxFile(values.outbox, `tasks-${today}.md`, formatTaskList(tasks, today.toString())));
    try {
      report = await runDaily(input, { delivery, journal, writeTasks });
    } finally {
      await journal.close();
    }
  }
  await delivery.close();
  const summary = formatDailySummary(report, { date: today.toString(), delivery: delivery.name, dryRun, tasksWhere });
  console.log(summary.join('\n'));
  return problems.length || compiled.problems.length ? 1 : 0;
});
