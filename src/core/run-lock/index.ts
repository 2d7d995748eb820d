/**
 * The run lock: one run at a time on a content folder's history, and what to say when another
 * run holds it.
 */
export { judgeLock, parseLockHolder, type LockHolder } from './run-lock.ts';
