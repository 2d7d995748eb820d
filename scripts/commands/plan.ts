/**
 * `npm run plan -- [--date D] [--days N] [--json] [--content DIR]`: the touches due from D (today
 * in the business's time zone) for N days (1), without sending anything or writing history. A
 * table by day, or with --json a stable array of `{date, contact, plan, step, channel, subject?}`.
 *
 * `npm run plan -- --contact ID [--date D] [--json]`: that contact's day explained, plan by plan
 * and step by step, with the reason code of each step that is not due.
 */
import { todayIn, parseRangeArgs, printProblems, processOutput, runCommand, UsageError } from '../../src/adapters/cli/index.ts';
import { readContent } from '../../src/adapters/fs/index.ts';
import { formatPlanTable, planJson, planRows } from '../../src/core/preview/index.ts';
import { explainContactDay, formatContactDay, planTouches } from '../../src/core/planning/index.ts';

const USAGE =
  'npm run plan -- [--date YYYY-MM-DD] [--days N] [--json] [--content DIR]\n       npm run plan -- --contact ID [--date YYYY-MM-DD] [--json] [--content DIR]';

runCommand(async () => {
  const argv = process.argv.slice(2);
  const options = { json: { type: 'boolean', default: false }, contact: { type: 'string' } } as const;
  const { values, date, days } = parseRangeArgs(argv, options, USAGE);
  if (values.contact !== undefined && argv.some((a) => a.startsWith('--days')))
    throw new UsageError(`--contact explains one day: leave out --days\nusage: ${USAGE}`);
  const { content, problems } = await readContent(values.content);
  const settings = content.settings;
  if (values.contact !== undefined && settings) {
    const from = date ?? todayIn(settings.timeZone);
    const day = explainContactDay({ ...content, settings, problems }, values.contact, from);
    if (day.status === 'unknown')
      throw new UsageError(
        `no contact "${values.contact}" in ${values.content}/contacts/: give a contact's file name without .yaml\nusage: ${USAGE}`,
      );
    console.log(values.json ? JSON.stringify(day, null, 2) : formatContactDay(day).join('\n'));
    const others = problems.length - (day.status === 'invalid' ? day.problems.length : 0);
    if (others > 0 && !values.json)
      console.log(`\n${others} other problem${others === 1 ? '' : 's'} in the content: npm run check lists them.`);
    return problems.length ? 1 : 0;
  }
  // With --json, stdout is the plan alone: problems go to stderr, without the annotations that
  // `npm run check` already gives under Actions.
  printProblems(problems, values.json ? { ...processOutput, out: processOutput.err, env: {} } : processOutput);
  if (!settings) return 1;
  const from = date ?? todayIn(settings.timeZone);
  const plan = planTouches({ ...content, settings }, { from, days });
  const rows = planRows(plan.due, content, settings, from);
  if (values.json) console.log(JSON.stringify(planJson(rows), null, 2));
  else
    console.log(
      formatPlanTable({ business: settings.business.name, from, days, rows, skipped: plan.skipped, missed: plan.missed }).join('\n'),
    );
  return problems.length ? 1 : 0;
});
