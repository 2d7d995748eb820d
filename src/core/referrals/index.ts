/**
 * The referral loop: thanks and gifts, updates to the referrer, referring back, asking for
 * introductions.
 */
export { askBlocked, askFrame, askSteps, asksByContact } from './introduction-asks.ts';
export { introductionIndex, suggestFor, type IntroductionIndex } from './refer-back.ts';
export {
  giftsGiven,
  isBeingHandled,
  latestStatus,
  referralStepKind,
  referralTouches,
  statusOn,
  suggestGift,
  type ReferralTouch,
  type ReferralTouchKind,
} from './referrals.ts';
