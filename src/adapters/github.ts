import { Octokit } from 'octokit';
import { CHANNELS } from '../core/schema/index.ts';
import { TASK_LABEL, touchIdFromBody, type Task, type TaskIssue } from '../core/task.ts';

export type GitHubTasks = {
  /** The issues carrying Referable's label, updated since `since` (ISO moment). */
  listTaskIssues(since: string): Promise<TaskIssue[]>;
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

function octokitFor(options: GitHubRepo) {
  return new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    throttle: {
      onRateLimit: retryTwice,
      onSecondaryRateLimit: retryTwice,
    },
  });
}

export function gitHubTasks(options: GitHubRepo): GitHubTasks {
  const { owner, repo } = options;
  const octokit = octokitFor(options);
  return {
    async listTaskIssues(since) {
      const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        labels: TASK_LABEL,
        state: 'all',
        since,
        per_page: 100,
      });
      return issues.flatMap((issue) => {
        const touch = touchIdFromBody(issue.body);
        if (!touch || issue.pull_request) return [];
        return [toTaskIssue(issue, touch)];
      });
    },
    async openTaskIssue(task, assignee) {
      const { data } = await octokit.rest.issues.create({
        owner,
        repo,
        title: task.title,
        body: task.body,
        labels: task.labels,
        ...(assignee ? { assignees: [assignee] } : {}),
      });
      return toTaskIssue(data, task.touch);
    },
  };
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

function toTaskIssue(issue: IssueData, touch: string): TaskIssue {
  const labels = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
  return {
    number: issue.number,
    url: issue.html_url,
    touch,
    channel: CHANNELS.find((c) => labels.includes(c)),
    state: issue.state === 'closed' ? 'closed' : 'open',
    ...(issue.closed_at ? { closedAt: issue.closed_at } : {}),
    ...(issue.state_reason ? { stateReason: issue.state_reason } : {}),
  };
}

/** Adds `body` as a comment on pull request `number`, or updates the earlier one carrying `marker`. */
export async function upsertPullRequestComment(options: GitHubRepo, number: number, body: string, marker: string): Promise<void> {
  const { owner, repo } = options;
  const octokit = octokitFor(options);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
  const earlier = comments.find((c) => c.body?.includes(marker));
  if (earlier) await octokit.rest.issues.updateComment({ owner, repo, comment_id: earlier.id, body });
  else await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
}
