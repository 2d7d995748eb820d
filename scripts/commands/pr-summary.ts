/**
 * `npm run pr-summary -- --plan plan.json [--base base-plan.json] [--preview DIR] [--days N]`: tell
 * a pull request's reviewer what the change will send and, given the base branch's plan for the
 * same days, what it adds to or removes from that. Writes the job summary and, with GITHUB_TOKEN,
 * GITHUB_REPOSITORY and PR_NUMBER, one comment on the pull request that later runs update.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { parseCommandArgs, UsageError, runCommand, appendStepSummary } from '../../src/adapters/cli/index.ts';
import { upsertPullRequestComment } from '../../src/adapters/github/index.ts';
import { SUMMARY_MARKER, summarizeChange, summarizeDifference, type PlannedRow } from '../../src/core/preview/index.ts';

/** The plan's JSON; a file that is not one is a usage error (often npm's banner written into it). */
async function readPlan(file: string): Promise<PlannedRow[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`--plan ${file}: no such file (write it with npm run --silent plan -- --json > ${file})`);
  });
  try {
    const rows: unknown = JSON.parse(text);
    if (Array.isArray(rows)) return rows as PlannedRow[];
  } catch {
    // Reported below, with what to do.
  }
  throw new UsageError(
    `--plan ${file} is not the JSON array npm run plan -- --json prints (run npm with --silent so its banner stays out of the file)`,
  );
}

runCommand(async () => {
  const { values } = parseCommandArgs(process.argv.slice(2), {
    plan: { type: 'string' },
    base: { type: 'string' },
    preview: { type: 'string' },
    days: { type: 'string', default: '14' },
  });
  if (!values.plan) throw new UsageError('--plan FILE is required: the output of npm run plan -- --json');
  const rows = await readPlan(values.plan);
  const previews = values.preview
    ? (await readdir(values.preview).catch(() => [])).filter((f) => f.endsWith('.html') && f !== 'index.html').length
    : 0;
  const days = Number(values.days);
  const summary = summarizeChange(rows, { days, previews });
  // plan-base writes no file when the base cannot be planned: the comment gives this plan alone.
  const base = values.base && (await stat(values.base).catch(() => undefined)) ? await readPlan(values.base) : undefined;
  const markdown = base ? `${summary}\n\n${summarizeDifference(base, rows, days)}` : summary;
  console.log(markdown);
  await appendStepSummary(`${markdown}\n`);
  const { GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL, PR_NUMBER } = process.env;
  if (GITHUB_TOKEN && GITHUB_REPOSITORY && PR_NUMBER) {
    const [owner, repo] = GITHUB_REPOSITORY.split('/');
    const baseUrl = GITHUB_API_URL || 'https://api.github.com';
    await upsertPullRequestComment({ token: GITHUB_TOKEN, owner, repo, baseUrl }, Number(PR_NUMBER), markdown, SUMMARY_MARKER);
  }
  return 0;
});
