/**
 * Who a plan reaches and who may be emailed: audiences and consent.
 */
export { inAudience, whyNotInAudience } from './audience.ts';
export { mayEmailOn } from './consent.ts';
