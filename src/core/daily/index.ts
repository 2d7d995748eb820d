/**
 * The daily job: plan, deliver through the journal, hand over personal tasks, and summarise the
 * run.
 */
export { emailPreparer, runDaily, type DailyReport } from './daily-run.ts';
export { exitStatus, formatDailyMarkdown, formatDailySummary, formatStoppedMarkdown, formatTaskList } from './daily-summary.ts';
export { deliverEmails, type TouchResult } from './deliver.ts';
