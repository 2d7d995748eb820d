/**
 * Issue forms: the templates' fields, reading the body GitHub writes for them, turning the answers
 * into a change to the content, and the words posted back on the issue.
 */
export type { FileEdit, FormProblem, NewFile } from './form.ts';
export { mayChangeContent, readIssueForm } from './issue-body.ts';
export { FORMS, planAttachmentImport } from './kinds/index.ts';
export { contentPath, doneComment, leftOutNote, problemsComment, problemsOfChange } from './replies.ts';
