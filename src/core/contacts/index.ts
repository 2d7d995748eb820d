/**
 * Who a plan reaches, who may be emailed and what to call them: audiences, consent, names and
 * households.
 */
export { inAudience, whyNotInAudience } from './audience.ts';
export { householdsOf, joinList, type Households } from './households.ts';
export { consentHolds, mayEmail, mayEmailOn } from './consent.ts';
export { firstNameOf, firstWord, partnerFirstName, shortName, slugify, type ContactLookup } from './names.ts';
export { frameLine, householdFrameLine } from './frame.ts';
