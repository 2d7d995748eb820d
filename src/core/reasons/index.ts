/**
 * The reason catalogue: why a touch was skipped, held, missed or failed, and why a step is or is
 * not due, with permanent codes, words and hints.
 */
export { because, reasonHint, REASON_CODES, type Reason, type ReasonCode } from './reasons.ts';
