/**
 * Who a plan reaches and who may be emailed: audiences and consent.
 */
export { inAudience } from './audience.ts';
export { consentHolds, mayEmail, mayEmailOn } from './consent.ts';
