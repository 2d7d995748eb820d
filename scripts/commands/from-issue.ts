/**
 * `npm run from-issue -- EVENT.json [--content DIR]`: the change an issue form asks for (log a
 * touch, new contact, referral, referral update, testimonial, import), checked. A logged touch is
 * committed to the history; anything else becomes a pull request. Either is linked from the issue,
 * which is closed; problems are commented on the issue, which stays open. Only issues opened by the
 * owner, a member or a collaborator are acted on. Exit 1 when the form had problems.
 */
import path from 'node:path';
import { parseCommandArgs, UsageError, printProblems, runCommand } from '../../src/adapters/cli/index.ts';
import { appendToHistory, readContactFiles, readContent, readImportHints, writeFormFiles } from '../../src/adapters/fs/index.ts';
import { commitAndPush, commitToNewBranch, headCommit } from '../../src/adapters/git/index.ts';
import { formIssuesFromEnv, GitHubError, readIssueEvent, type FormIssues } from '../../src/adapters/github/index.ts';
import { businessDate } from '../../src/core/calendar/index.ts';
import { EXIT } from '../../src/core/problems/index.ts';
import * as forms from '../../src/core/forms/index.ts';
import type { HistoryEntry } from '../../src/core/model/index.ts';

runCommand(async () => {
  const { values, positionals } = parseCommandArgs(process.argv.slice(2), {});
  if (positionals.length !== 1) throw new UsageError('usage: npm run from-issue -- EVENT.json [--content DIR]');
  const { issue, repository } = await readIssueEvent(positionals[0]);
  const who = `${issue.user.login} (${issue.author_association})`;
  if (!forms.mayChangeContent(issue.author_association)) {
    console.log(`Issue #${issue.number} was opened by ${who}, not by the owner or a collaborator: nothing was done.`);
    return EXIT.ok;
  }
  const filled = forms.readIssueForm(issue.body, forms.FORMS);
  if (!filled) {
    console.log(`Issue #${issue.number} was not opened from one of the forms: nothing was done.`);
    return EXIT.ok;
  }
  const gitHub = formIssuesFromEnv(process.env);
  if (!gitHub) throw new UsageError('GITHUB_TOKEN and GITHUB_REPOSITORY must be set: the answer goes on the issue.');
  const dir = values.content;
  const { content, problems } = await readContent(dir);
  if (!content.settings) {
    printProblems(problems);
    return refuse(gitHub, issue.number, [
      { field: 'settings.yaml', message: 'has problems, so nothing can be changed: run npm run check' },
    ]);
  }
  // Dates in answers and attachments are read in settings' dateOrder, else the order of its locale.
  const hints = await readImportHints(dir);
  const context = {
    content,
    today: businessDate(Temporal.Instant.from(issue.created_at), content.settings.timeZone),
    at: Temporal.Now.instant().toString(),
    issue: { number: issue.number, url: issue.html_url },
    server: gitHub.server,
    ...(hints.dateOrder ? { dateOrder: hints.dateOrder } : {}),
    ...(hints.encoding ? { encoding: hints.encoding } : {}),
    timeZone: content.settings.timeZone,
  };
  try {
    let result = filled.form.toChange(filled.values, context);
    if (result.ok && result.change.kind === 'import') {
      const bytes = await gitHub.download(result.change.attachment.url);
      result = forms.planAttachmentImport(bytes, result.change, await readContactFiles(dir), context);
    }
    if (!result.ok) return await refuse(gitHub, issue.number, result.problems);
    const change = result.change;
    if (change.kind === 'import') throw new Error('an import is planned once its file is downloaded');
    if (change.kind === 'history') {
      const done = change.already ? { already: change.entry.touch } : await logTouch(dir, change.entry, issue.number);
      if ('reason' in done) throw new GitHubError(done.reason);
      return await finish(gitHub, issue.number, forms.doneComment(change.summary, done));
    }
    const written = await writeFormFiles(dir, change);
    if (!written.ok) return await refuse(gitHub, issue.number, [{ field: filled.form.name, message: written.reason }]);
    const checked = forms.problemsOfChange((await readContent(dir)).problems, [...change.create, ...change.edit]);
    if (checked.length) {
      await written.undo();
      return await refuse(gitHub, issue.number, checked);
    }
    const branch = `from-issue-${issue.number}`;
    const pushed = await commitToNewBranch({
      cwd: process.cwd(),
      paths: written.paths,
      branch,
      message: `${change.title}\n\nFrom issue #${issue.number}.`,
    });
    if (!pushed.pushed) throw new GitHubError(`the branch ${branch} could not be pushed: ${pushed.reason}`);
    const body = `Closes #${issue.number}, opened by @${issue.user.login}: ${change.summary}.\n\n\`npm run check\` found no problems with it.${forms.leftOutNote(change.leftOut)}`;
    const pr = await gitHub.openPullRequest({ head: branch, base: repository.default_branch, title: change.title, body });
    return await finish(gitHub, issue.number, forms.doneComment(change.summary, { pullRequest: `#${pr.number}` }, change.leftOut));
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    console.error(`Issue #${issue.number} could not be answered: ${error.message}`);
    return EXIT.problems;
  }
});

/** Appends the touch to the history and pushes it; returns the commit, or why it was not kept. */
async function logTouch(dir: string, entry: HistoryEntry, issue: number): Promise<{ commit: string } | { reason: string }> {
  const historyDir = path.join(dir, 'history');
  const appended = await appendToHistory(historyDir, entry, 'npm run from-issue');
  if (!appended.ok) return appended;
  const message = `chore(history): log a ${entry.channel} with ${entry.contact} (#${issue})`;
  const pushed = await commitAndPush({ cwd: process.cwd(), paths: [historyDir], message });
  if (!pushed.pushed) return { reason: `the history could not be pushed${pushed.conflict ? `: ${pushed.conflict}` : ''}` };
  return { commit: await headCommit(process.cwd()) };
}

async function refuse(gitHub: FormIssues, issue: number, problems: readonly forms.FormProblem[]): Promise<number> {
  const comment = forms.problemsComment(problems);
  console.error(comment);
  await gitHub.comment(issue, comment);
  return EXIT.problems;
}

async function finish(gitHub: FormIssues, issue: number, comment: string): Promise<number> {
  console.log(comment);
  await gitHub.comment(issue, comment);
  await gitHub.close(issue);
  return EXIT.ok;
}
