import type { Octokit } from 'octokit';
import { CHANNELS } from '../../core/model/index.ts';
import { type TaskIssues, TASK_LABEL, householdFromBody, touchIdFromBody, type Task, type TaskIssue } from '../../core/tasks/index.ts';

export type GitHubTasks = {
  /** `owner/repo`. */
  repository: string;
  /** The issues carrying Referable's label, updated since `since` (ISO moment), or all of them. */
  listTaskIssues(since?: string): Promise<TaskIssue[]>;
  /** Opens one issue for `task`. */
  openTaskIssue(task: Task, assignee?: string): Promise<TaskIssue>;
};

/**
 * GitHub issues as the task list, through octokit (its retry and throttling plugins wait out rate
 * limits and retry server errors). Used when GITHUB_TOKEN and GITHUB_REPOSITORY are set;
 * GITHUB_API_URL points it at GitHub Enterprise, or at a local server in tests.
 */
export function gitHubFromEnv(env: NodeJS.ProcessEnv): GitHubTasks | undefined {
  const token = env.GITHUB_TOKEN;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!token || !owner || !repo) return undefined;
  return gitHubTasks({ token, owner, repo, baseUrl: env.GITHUB_API_URL || 'https://api.github.com' });
}

export type GitHubRepo = { token: string; owner: string; repo: string; baseUrl: string };

/**
 * The repository's octokit, loaded by the first call that needs it: octokit takes a noticeable
 * part of a second to load, and a command that only reads an event file (unsubscribe,
 * from-issue without a token) never calls GitHub.
 */
export function octokitFor(options: GitHubRepo): () => Promise<Octokit> {
  let client: Promise<Octokit> | undefined;
  return () =>
    (client ??= import('octokit').then(
      ({ Octokit }) =>
        new Octokit({
          auth: options.token,
          baseUrl: options.baseUrl,
          log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
          throttle: {
            onRateLimit: retryTwice,
            onSecondaryRateLimit: retryTwice,
          },
        }),
    ));
}

function gitHubTasks(options: GitHubRepo): GitHubTasks {
  const { owner, repo } = options;
  const client = octokitFor(options);
  return {
    repository: `${owner}/${repo}`,
    async listTaskIssues(since) {
      const octokit = await client();
      const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        labels: TASK_LABEL,
        state: 'all',
        ...(since ? { since } : {}),
        per_page: 100,
      });
      const tasks = issues.flatMap((issue) => {
        const touch = touchIdFromBody(issue.body);
        if (!touch || issue.pull_request) return [];
        return [{ issue: toTaskIssue(issue, touch, householdFromBody(issue.body)), comments: issue.comments }];
      });
      // A closed issue's comments hold what the person who did the touch said about it.
      for (const { issue, comments } of tasks) {
        if (issue.state !== 'closed' || !comments) continue;
        const listed = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issue.number, per_page: 100 });
        issue.comments = listed.map((c) => ({
          by: c.user?.login ?? '',
          bot: c.user?.type === 'Bot',
          at: c.created_at,
          body: c.body ?? '',
        }));
      }
      return tasks.map((t) => t.issue);
    },
    async openTaskIssue(task, assignee) {
      const octokit = await client();
      const { data } = await octokit.rest.issues.create({
        owner,
        repo,
        title: task.title,
        body: task.body,
        labels: task.labels,
        ...(assignee ? { assignees: [assignee] } : {}),
      });
      return toTaskIssue(data, task.touch, task.household ?? []);
    },
  };
}

/**
 * The issues as the daily job uses them: a failure (after octokit's own retries) comes back as a
 * reason to show the owner, never as a throw. The token never appears in it.
 */
export function asTaskIssues(gh: GitHubTasks): TaskIssues {
  const answer = async <T>(call: () => Promise<T>) => {
    try {
      return { ok: true as const, value: await call() };
    } catch (error) {
      return { ok: false as const, reason: describeGitHubError(error) };
    }
  };
  return {
    where: gh.repository,
    list: (since) => answer(() => gh.listTaskIssues(since)),
    open: (task) => answer(() => gh.openTaskIssue(task)),
  };
}

/** "GitHub answered 401: Bad credentials", or why it could not be reached. */
export function describeGitHubError(error: unknown): string {
  const e = error as { status?: number; message?: string; response?: unknown };
  const message = (e.message ?? String(error)).replace(/ - https:\/\/docs\.github\.com\S*/, '');
  // octokit gives a network failure status 500 but no response.
  if (!e.response || !e.status) return `GitHub could not be reached (${message}): check GITHUB_API_URL and the network`;
  const hint =
    e.status === 401
      ? ': check the GITHUB_TOKEN'
      : e.status === 403 || e.status === 404
        ? ': check that the token may write issues in GITHUB_REPOSITORY'
        : '';
  return `GitHub answered ${e.status}: ${message}${hint}`;
}

// Wait out a rate limit (octokit computes how long) twice before giving up.
const retryTwice = (_after: number, _options: unknown, _octokit: unknown, retryCount: number) => retryCount < 2;

type IssueData = {
  number: number;
  html_url: string;
  state: string;
  closed_at?: string | null;
  state_reason?: string | null;
  labels: (string | { name?: string })[];
};

function toTaskIssue(issue: IssueData, touch: string, household: readonly string[]): TaskIssue {
  const labels = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
  return {
    number: issue.number,
    url: issue.html_url,
    touch,
    ...(household.length ? { household: [...household] } : {}),
    channel: CHANNELS.find((c) => labels.includes(c)),
    state: issue.state === 'closed' ? 'closed' : 'open',
    ...(issue.closed_at ? { closedAt: issue.closed_at } : {}),
    ...(issue.state_reason ? { stateReason: issue.state_reason } : {}),
  };
}

/** Adds `body` as a comment on pull request `number`, or updates the earlier one carrying `marker`. */
export async function upsertPullRequestComment(options: GitHubRepo, number: number, body: string, marker: string): Promise<void> {
  const { owner, repo } = options;
  const octokit = await octokitFor(options)();
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
  const earlier = comments.find((c) => c.body?.includes(marker));
  if (earlier) await octokit.rest.issues.updateComment({ owner, repo, comment_id: earlier.id, body });
  else await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
}
