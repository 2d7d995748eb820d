/**
 * What the content will send, for review: the plan table, the pull-request summary, the preview
 * folder's index.
 */
export { SUMMARY_MARKER, summarizeChange, type PlannedRow } from './change-summary.ts';
export { heldRecaps } from './held-recaps.ts';
export { summarizeDifference } from './plan-difference.ts';
export { formatPlanTable, planJson, planRows } from './plan-table.ts';
export { PREVIEW_MARKER, previewFiles, previewIndex, type PreviewEntry, type PreviewProblem } from './preview-index.ts';
