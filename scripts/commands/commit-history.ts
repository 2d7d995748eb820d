/**
 * `npm run commit-history [-- --content DIR] [--message M]`: commit what the daily job wrote (its
 * history, and the unsubscribes, bounces and draft testimonials intake took in) and push it,
 * rebasing onto anything merged meanwhile. Used by the daily workflow.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs, UsageError, runCommand } from '../../src/adapters/cli/index.ts';
import { commitAndPush } from '../../src/adapters/git/index.ts';

runCommand(async () => {
  const { values } = parseCommandArgs(process.argv.slice(2), {
    message: { type: 'string', default: 'chore(history): record the daily run' },
    attempts: { type: 'string', default: '5' },
  });
  const attempts = Number(values.attempts);
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new UsageError(`--attempts ${values.attempts} is not a whole number of pushes from 1`);
  const history = path.join(values.content, 'history');
  // Intake edits contacts (unsubscribed, bounced) and adds draft testimonials: without them the
  // next run, from a fresh checkout, would have lost messages already marked as read.
  const paths = [history, path.join(values.content, 'contacts'), path.join(values.content, 'testimonials')].filter((p) => existsSync(p));
  const result = await commitAndPush({ cwd: process.cwd(), paths, message: values.message, attempts });
  if (!result.committed) {
    console.log(`Nothing new in ${history}/ or from intake to commit.`);
    return 0;
  }
  if (result.conflict) {
    console.error(
      `Committed the run's changes but they conflict with what was pushed meanwhile, so nothing was pushed:\n${result.conflict}`,
    );
    console.error(
      "The same file was changed on both sides (often a contact edited while intake marked it). Merge the change by hand from this run's checkout, or edit the file again; the history is union-merged and never conflicts.",
    );
    return 1;
  }
  if (!result.pushed) {
    console.error(`Committed the history but could not push it after ${result.attempts} attempts; the next run will try again.`);
    return 1;
  }
  const retries = result.attempts > 1 ? ` after rebasing ${result.attempts - 1} time${result.attempts > 2 ? 's' : ''}` : '';
  console.log(`Committed and pushed the history${retries}.`);
  return 0;
});
