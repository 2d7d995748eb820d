/**
 * `npm run plan -- [--date D] [--days N] [--json] [--content DIR]`: the touches due from D (today
 * in the business's time zone) for N days (1), without sending anything or writing history. A
 * table by day, or with --json a stable array of `{date, contact, plan, step, channel, subject?}`.
 */
import { todayIn, parseRangeArgs, printProblems, processOutput, runCommand } from '../src/adapters/cli/index.ts';
import { readContent } from '../src/adapters/fs/index.ts';
import { formatPlanTable, planJson, planRows } from '../src/core/preview/index.ts';
import { planTouches } from '../src/core/planning/index.ts';

const USAGE = 'npm run plan -- [--date YYYY-MM-DD] [--days N] [--json] [--content DIR]';

runCommand(async () => {
  const { values, date, days } = parseRangeArgs(process.argv.slice(2), { json: { type: 'boolean', default: false } }, USAGE);
  const { content, problems } = await readContent(values.content);
  // With --json, stdout is the plan alone: problems go to stderr, without the annotations that
  // `npm run check` already gives under Actions.
  printProblems(problems, values.json ? { ...processOutput, out: processOutput.err, env: {} } : processOutput);
  const settings = content.settings;
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
