/**
 * The GitHub Actions job summary: Markdown appended to the file `$GITHUB_STEP_SUMMARY` names, shown
 * on the run's page, as given (end it with a newline). Outside Actions the variable is unset and
 * nothing is written.
 */
import { appendFile } from 'node:fs/promises';

export async function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, markdown);
}
