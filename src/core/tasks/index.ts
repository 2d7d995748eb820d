/**
 * Personal touches as tasks: their text, and how they are opened as and read back from issues.
 */
export {
  issuesSince,
  openIssues,
  readBackIssues,
  taskListEntries,
  type IssueReadBack,
  type TaskIssues,
} from './task-handover.ts';
export { openTasks, type OpenTask } from './open-tasks.ts';
export { syncTasks } from './task-sync.ts';
export { CLOSE_ISSUE, TASK_LABEL, composeTask, householdFromBody, touchIdFromBody, type Task, type TaskIssue } from './task.ts';
