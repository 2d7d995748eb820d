/**
 * The GitHub REST API: task issues, pull-request comments, and the issues forms open; the events
 * Actions saves for issues and for one-click unsubscribes.
 */
export { asTaskIssues, gitHubFromEnv, upsertPullRequestComment, type GitHubTasks } from './github.ts';
export { formIssuesFromEnv, GitHubError, type FormIssues } from './issue-forms.ts';
export { readIssueEvent } from './issue-event.ts';
export { readUnsubscribeEvent } from './dispatch-event.ts';
