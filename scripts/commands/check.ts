/**
 * `npm run check [-- --date D --days N --content DIR]`: validate all content; exit 1 on any
 * problem. Valid content is also looked at from D (today) for N days (30) for recaps that will be
 * held with nothing to show, open referral drafts and the sample's placeholders left in settings
 * made one's own are listed: warnings, which leave the exit code at 0.
 */
import { parseRangeArgs, printProblems, printWarnings, runCommand, todayIn } from '../../src/adapters/cli/index.ts';
import { readContent } from '../../src/adapters/fs/index.ts';
import { contentWarnings, summarizeContent } from '../../src/core/content/index.ts';
import { heldRecaps } from '../../src/core/preview/index.ts';

const USAGE = 'npm run check -- [--date YYYY-MM-DD] [--days N] [--content DIR]';

runCommand(async () => {
  const { values, date, days } = parseRangeArgs(process.argv.slice(2), { days: { type: 'string', default: '30' } }, USAGE);
  const { content, problems, warnings } = await readContent(values.content);
  printProblems(problems);
  if (problems.length) {
    console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${values.content}/`);
    return 1;
  }
  console.log(summarizeContent(content));
  const settings = content.settings;
  const files = new Map(content.contacts.map((c) => [c.id, c.file]));
  const held = settings ? heldRecaps(content, settings, date ?? todayIn(settings.timeZone), days) : [];
  printWarnings([
    ...held.map(({ touch, code, reason, hint }) => ({
      file: files.get(touch.contact) ?? touch.contact,
      line: 0,
      column: 0,
      field: '',
      code,
      message: `the ${touch.plan} email planned for ${touch.date} will be held: ${reason}`,
      hint,
    })),
    ...contentWarnings(content),
    ...warnings,
  ]);
  return 0;
});
