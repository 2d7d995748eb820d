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
  sesIdOf,
  sesSentResponse,
  skippedEntry,
  unsettledUnknowns,
  withoutAddresses,
  type Journal,
} from './send-journal.ts';
export { logTouch } from './log-touch.ts';
export { hasReached } from './reached.ts';
export { settleEntry } from './settle.ts';
export { indexHistory, isSettled, type HistoryIndex } from './touch-history.ts';
export {
  eachMember,
  MANUAL_PLAN,
  parseTouchId,
  touchId,
  touchIdOn,
  touchMessageId,
  touchOfMessageId,
  type DueTouch,
  type MissedTouch,
  type SendFault,
  type SendOutcome,
  type SkippedTouch,
  type TouchParts,
} from './touch.ts';
