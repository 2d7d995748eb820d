/**
 * `npm run daily -- [--date D] [--dry-run] [--content DIR] [--outbox DIR]` (`npm start` adds
 * `--showcase`: the day named by settings.showcaseDay, when the content names one): plan today's touches,
 * send the emails (Amazon SES with EMAIL_TRANSPORT=ses, SMTP when SMTP_URL is set, else .eml files in
 * the outbox: see src/adapters/mail/choose-delivery.ts), open GitHub issues
 * for the personal touches (GITHUB_TOKEN and GITHUB_REPOSITORY set, GITHUB_API_URL honoured; else
 * a task list in the outbox), record everything in history, and print what happened. The exit
 * status says whether anything needs the owner: see `EXIT` in src/core/problems/exit.ts.
 */
import path from 'node:path';
import {
  parseCommandArgs,
  UsageError,
  clockOn,
  todayIn,
  createProgress,
  printProblems,
  runCommand,
  appendStepSummary,
  stopCleanlyOnSignals,
  type StopSignals,
} from '../../src/adapters/cli/index.ts';
import { readContent, openHistoryJournal, repairHistory, takeRunLock } from '../../src/adapters/fs/index.ts';
import { layoutsForRun, startLayoutCompiler, type LayoutCompiler } from '../../src/adapters/layouts/index.ts';
import { signerFromEnv } from '../../src/adapters/signing/index.ts';
import { buildPoolAhead, writeOutboxFile, openDelivery, transportFromEnv, type Transport } from '../../src/adapters/mail/index.ts';
import { outsideSendWindow } from '../../src/core/calendar/index.ts';
import {
  runDaily,
  type DailyReport,
  exitStatus,
  formatDailyMarkdown,
  formatDailySummary,
  formatStoppedMarkdown,
  formatTaskList,
} from '../../src/core/daily/index.ts';
import { EXIT, type Problem } from '../../src/core/problems/index.ts';
import { isCalendarDate } from '../../src/core/model/index.ts';
import type { Sign } from '../../src/core/signing/index.ts';
import type { Task } from '../../src/core/tasks/index.ts';

runCommand(async () => {
  const { values } = parseCommandArgs(process.argv.slice(2), {
    date: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    showcase: { type: 'boolean', default: false },
    outbox: { type: 'string', default: 'outbox' },
  });
  if (values.date && !isCalendarDate(values.date)) throw new UsageError(`--date ${values.date} is not a real date (write YYYY-MM-DD)`);
  const chosen = transportFromEnv(process.env);
  if (!chosen.ok) throw new UsageError(chosen.problem);
  const { transport } = chosen;
  const signer = signerFromEnv(process.env);
  if (!signer.ok) throw new UsageError(signer.problem);
  const dryRun = values['dry-run'];
  const historyDir = path.join(values.content, 'history');
  // Two runs never overlap: the lock is taken before history is repaired or anything claimed.
  const lock = dryRun ? undefined : await takeRunLock(historyDir, 'npm run daily');
  if (lock && !lock.ok) {
    console.error(lock.message);
    return EXIT.locked;
  }
  if (lock?.notice) console.error(lock.notice);
  // Real mail should be signed: said first, once; the outbox demo works the same without the secret.
  if (signer.note && transport.kind !== 'outbox') console.log(`${signer.note}\n`);
  const signals = stopCleanlyOnSignals(
    (signal) => `Stopped by ${signal}: what was learned is recorded; a touch claimed without an outcome shows as unknown on the next run.`,
  );
  if (lock) signals.add(lock.release);
  try {
    return await runDay({ ...values, dryRun, transport, historyDir, sign: signer.sign }, signals);
  } finally {
    signals.dispose();
    await lock?.release();
  }
});

type DayOptions = {
  content: string;
  date?: string;
  showcase: boolean;
  outbox: string;
  dryRun: boolean;
  transport: Transport;
  historyDir: string;
  sign?: Sign;
};

async function runDay(values: DayOptions, signals: StopSignals): Promise<number> {
  // MJML loads and compiles on another core while this thread reads the content and plans; the
  // build pool's threads start once the content is read.
  const layouts = startLayoutCompiler();
  const pool = buildPoolAhead();
  try {
    return await runDayWith(values, signals, layouts, pool);
  } finally {
    await Promise.all([layouts.close(), pool.close()]);
  }
}

async function runDayWith(
  values: DayOptions,
  signals: StopSignals,
  layouts: LayoutCompiler,
  pool: ReturnType<typeof buildPoolAhead>,
): Promise<number> {
  const { dryRun, transport, historyDir } = values;
  if (!dryRun)
    for (const file of await repairHistory(historyDir))
      console.error(`${file}: removed an unfinished last line left by a run that was stopped`);

  // Intake (issue 9): replies, unsubscribes and bounces from the mailbox at IMAP_URL, taken in
  // before the content is read, so an unsubscribe read now is honoured by this run's plan.
  // Imported only when used: imapflow and mailparser take about 0.4 s to load.
  let intakeProblem: string | undefined;
  if (process.env.IMAP_URL) {
    const { takeInMailbox } = await import('../../src/adapters/mailbox/index.ts');
    intakeProblem = await takeInMailbox(process.env.IMAP_URL, values.content, { date: values.date, dryRun, sign: values.sign });
  }

  const { content, problems } = await readContent(values.content);
  printProblems(problems);
  const settings = content.settings;
  const stop = (why: string) => sentNothing(`Nothing was sent: ${why} Fix the problems above and run it again.`, EXIT.problems, problems);
  if (!settings) return stop('the settings have problems, and the sender, postal address and limits come from them.');
  if (problems.some((p) => p.file === historyDir || p.file.startsWith(`${historyDir}/`)))
    return stop('history has problems, and sending without it could send a touch twice.');
  if (!dryRun) pool.startFor(content.contacts.length);
  // `npm start` passes --showcase: sample content names the day it shows best (settings.showcaseDay).
  const showcaseDay = values.showcase && !values.date ? settings.showcaseDay : undefined;
  if (showcaseDay) console.log(`Showing the sample's showcase day, ${showcaseDay} (settings.showcaseDay): \`npm run daily\` runs today.\n`);
  const date = values.date ?? showcaseDay;
  const today = date ? Temporal.PlainDate.from(date) : todayIn(settings.timeZone);
  // MJML may still be compiling on its thread: the day is planned meanwhile, and the layouts are
  // awaited before anything is recorded or sent.
  const compiled = layoutsForRun(layouts, settings.business.colours);
  // A layout's problems are printed once known, as the content's were (a failure is the run's, awaited below).
  compiled.problems.then(printProblems, () => {});
  const now = clockOn(date ? today : undefined, settings.timeZone);
  // Real mail leaves only inside the send window; a run by hand for a chosen --date may send at once.
  const emailsWait =
    transport.kind !== 'outbox' && !date ? outsideSendWindow(settings.sendWindow, Temporal.Now.instant(), settings.timeZone) : undefined;
  const input = {
    content,
    settings,
    today,
    layouts: compiled.ready,
    now,
    ...(emailsWait ? { emailsWait } : {}),
    ...(intakeProblem ? { intakeProblem } : {}),
    ...(values.sign ? { sign: values.sign } : {}),
  };

  let report: DailyReport;
  const opened = await openDelivery(transport, {
    outbox: values.outbox,
    perSecond: settings.limits.perSecond,
    timeout: settings.sending.timeoutSeconds * 1000,
    sender: settings.sender.email,
  });
  // SES without a region or keys, or with keys it refuses: nothing has been claimed.
  if (!opened.ok) return sentNothing(opened.problem, EXIT.attention);
  const { delivery } = opened;
  for (const note of opened.notes) console.log(`${note}\n`);
  // Octokit takes a while to load: only a run that opens issues pays for it.
  const gitHub = process.env.GITHUB_TOKEN ? await import('../../src/adapters/github/index.ts') : undefined;
  const tracker = gitHub?.gitHubFromEnv(process.env);
  if (dryRun) {
    report = await runDaily(input);
  } else {
    const journal = await openHistoryJournal(historyDir, today.toString().slice(0, 7));
    // Outcome lines held in memory are written before a SIGTERM or SIGINT ends the run.
    signals.add(journal.close);
    const progress = createProgress();
    const writeTasks = (tasks: readonly Task[]) =>
      writeOutboxFile(values.outbox, `tasks-${today}.md`, formatTaskList(tasks, today.toString()));
    try {
      const issues = tracker && gitHub?.asTaskIssues(tracker);
      report = await runDaily(input, {
        delivery,
        journal,
        writeTasks,
        ...(issues ? { issues } : {}),
        builderFor: pool.builderFor,
        onSending: progress.start,
        onResult: progress.step,
      });
    } finally {
      progress.done();
      await journal.close();
    }
  }
  await delivery.close();
  const all = [...problems, ...(await compiled.problems)];
  const ctx = { date: today.toString(), delivery: delivery.name, transport: transport.kind, dryRun, problems: all };
  console.log(formatDailySummary(report, ctx).join('\n'));
  await appendStepSummary(formatDailyMarkdown(report, ctx));
  return exitStatus(report, all);
}

/**
 * Nothing is sent, and why, in the terminal and the job summary: broken settings or history (exit
 * `problems`), or a delivery that cannot start (exit `attention`: the next working run sends it all).
 */
async function sentNothing(line: string, exit: number, problems: readonly Problem[] = []): Promise<number> {
  console.error(`\n${line}`);
  await appendStepSummary(formatStoppedMarkdown(line, problems));
  return exit;
}
