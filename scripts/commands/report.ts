/**
 * `npm run report -- [--date D] [--content DIR] [--out DIR]`: the private report on D (today in the
 * business's time zone): printed as Markdown, written to DIR/report.md and DIR/report.html
 * (default `report/`), and appended to the Actions job summary when GITHUB_STEP_SUMMARY is set.
 * `npm run report -- --contact ID [--date D]`: that contact's timeline up to D, printed only.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCommandArgs, UsageError, todayIn, printProblems, runCommand, appendStepSummary } from '../../src/adapters/cli/index.ts';
import { readContent } from '../../src/adapters/fs/index.ts';
import { buildReport, contactTimeline, formatTimeline, reportHtml, reportMarkdown } from '../../src/core/report/index.ts';
import { isCalendarDate } from '../../src/core/model/index.ts';

const USAGE =
  'npm run report -- [--date YYYY-MM-DD] [--content DIR] [--out DIR]\n       npm run report -- --contact ID [--date YYYY-MM-DD] [--content DIR]';

runCommand(async () => {
  const { values, positionals } = parseCommandArgs(process.argv.slice(2), {
    date: { type: 'string' },
    out: { type: 'string', default: 'report' },
    contact: { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${USAGE}`);
  if (values.date !== undefined && !isCalendarDate(values.date))
    throw new UsageError(`--date ${values.date} is not a real date (write YYYY-MM-DD)\nusage: ${USAGE}`);
  const { content, problems } = await readContent(values.content);
  printProblems(problems);
  const settings = content.settings;
  if (!settings) return 1;
  const date = values.date ? Temporal.PlainDate.from(values.date) : todayIn(settings.timeZone);
  if (values.contact !== undefined) {
    const timeline = contactTimeline({ ...content, settings }, values.contact, date);
    if (!timeline)
      throw new UsageError(
        `no contact "${values.contact}" in ${values.content}/contacts/: give a contact's file name without .yaml\nusage: ${USAGE}`,
      );
    console.log(formatTimeline(timeline).join('\n'));
    return problems.length ? 1 : 0;
  }
  const report = buildReport({ ...content, settings }, date);
  const markdown = reportMarkdown(report);
  await mkdir(values.out, { recursive: true });
  const md = path.join(values.out, 'report.md');
  const html = path.join(values.out, 'report.html');
  await writeFile(md, markdown);
  await writeFile(html, reportHtml(report, settings.business.colours));
  await appendStepSummary(`${markdown}\n`);
  console.log(markdown);
  console.log(`Written to ${md} and ${html}.`);
  return problems.length ? 1 : 0;
});
