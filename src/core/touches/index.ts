/**
 * Touches: their ids, what history says about each (last touched, claims, outcomes), and the
 * entries a send writes.
 */
export {
  claimEntry,
  emailsClaimedOn,
  heldByHistory,
  lastEntries,
  outcomeEntry,
  resolveOpenClaims,
  skippedEntry,
  type Journal,
} from './send-journal.ts';
export { indexHistory, isSettled, type HistoryIndex } from './touch-history.ts';
export {
  parseTouchId,
  touchId,
  touchIdOn,
  touchMessageId,
  touchOfMessageId,
  type DueTouch,
  type MissedTouch,
  type SendOutcome,
  type SkippedTouch,
  type TouchParts,
} from './touch.ts';
