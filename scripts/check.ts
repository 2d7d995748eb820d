/** `npm run check [-- --content DIR]`: validate all content; exit 1 on any problem. Open drafts are listed as warnings. */
import { parseCommandArgs, printProblems, printWarnings, runCommand } from '../src/adapters/cli/index.ts';
import { readContent } from '../src/adapters/fs/index.ts';
import { contentWarnings, summarizeContent } from '../src/core/content/index.ts';

runCommand(async () => {
  const { values } = parseCommandArgs(process.argv.slice(2), {});
  const { content, problems } = await readContent(values.content);
  printProblems(problems);
  if (problems.length) {
    console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${values.content}/`);
    return 1;
  }
  console.log(summarizeContent(content));
  printWarnings(contentWarnings(content));
  return 0;
});
