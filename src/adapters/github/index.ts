/**
 * The GitHub REST API: task issues, pull-request comments, and the issues forms open.
 */
export { asTaskIssues, gitHubFromEnv, upsertPullRequestComment, type GitHubTasks } from './github.ts';
export { formIssuesFromEnv, GitHubError, type FormIssues } from './issue-forms.ts';
export { readIssueEvent } from './issue-event.ts';
