/**
 * The GitHub REST API: task issues and pull-request comments.
 */
export { asTaskIssues, gitHubFromEnv, upsertPullRequestComment, type GitHubTasks } from './github.ts';
