/**
 * Content, contact, history, intake and preview files on disk.
 */
export { changeContactFiles, newContactFiles, openContactFiles, readContactFiles, readImportHints } from './contacts-fs.ts';
export { EMAILS_DIR, readContent } from './content-fs.ts';
export { appendToHistory, writeFormFiles } from './forms-fs.ts';
export { openHistoryJournal, readHistoryFiles, repairHistory } from './history-fs.ts';
export { readIntakeContent, writeIntake } from './intake-fs.ts';
export { preparePreviewDir, writePreviewFile } from './preview-fs.ts';
export { takeRunLock } from './run-lock-fs.ts';
