/**
 * The issue a form opened: comment on it, close it, open the pull request of its change, and
 * download the file attached to it. GITHUB_API_URL points octokit elsewhere (GitHub Enterprise, a
 * local server in tests); GITHUB_SERVER_URL says where attachments live.
 */
import type { Octokit } from 'octokit';
import { describeGitHubError, octokitFor, type GitHubRepo } from './github.ts';

export type FormIssues = {
  /** `https://github.com`, or GitHub Enterprise's address: attachments are downloaded from there only. */
  server: string;
  comment(issue: number, body: string): Promise<void>;
  /** Closes the issue as completed. */
  close(issue: number): Promise<void>;
  openPullRequest(pr: { head: string; base: string; title: string; body: string }): Promise<{ number: number; url: string }>;
  /** The bytes of a file attached to an issue, fetched with the token (a private repository's attachments need it). */
  download(url: string): Promise<Uint8Array>;
};

/** Thrown when GitHub refused or could not be reached: its message is for the owner, without the token. */
export class GitHubError extends Error {}

export function formIssuesFromEnv(env: NodeJS.ProcessEnv): FormIssues | undefined {
  const token = env.GITHUB_TOKEN;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!token || !owner || !repo) return undefined;
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  return formIssues({ token, owner, repo, baseUrl: env.GITHUB_API_URL || 'https://api.github.com' }, server);
}

function formIssues(options: GitHubRepo, server: string): FormIssues {
  const { owner, repo, token } = options;
  const client = octokitFor(options);
  const asked = async <T>(call: (octokit: Octokit) => Promise<T>): Promise<T> => {
    const octokit = await client();
    try {
      return await call(octokit);
    } catch (error) {
      throw new GitHubError(describeGitHubError(error));
    }
  };
  return {
    server,
    comment: (issue, body) =>
      asked(async (octokit) => void (await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body }))),
    close: (issue) =>
      asked(
        async (octokit) =>
          void (await octokit.rest.issues.update({ owner, repo, issue_number: issue, state: 'closed', state_reason: 'completed' })),
      ),
    openPullRequest: (pr) =>
      asked(async (octokit) => {
        const { data } = await octokit.rest.pulls.create({ owner, repo, ...pr });
        return { number: data.number, url: data.html_url };
      }),
    async download(url) {
      if (!url.startsWith(`${server}/`)) throw new GitHubError(`${url} is not on ${server}: only files attached on GitHub are downloaded`);
      const response = await fetch(url, { headers: { authorization: `token ${token}` } }).catch((error: Error) => {
        throw new GitHubError(`the attached file could not be downloaded (${error.message}): check GITHUB_SERVER_URL and the network`);
      });
      if (!response.ok) throw new GitHubError(`GitHub answered ${response.status} for the attached file ${url}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
