/**
 * The reason catalogue: why a touch was skipped, held, missed or failed, with permanent codes,
 * words and hints.
 */
export { because, REASON_CODES, type Reason, type ReasonCode } from './reasons.ts';
