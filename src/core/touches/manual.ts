/**
 * The plan of a touch logged by hand (`npm run log`: step = channel), or of a reply that intake
 * took in (step `reply`): a `done` entry of no plan of the owner's.
 */
export const MANUAL_PLAN = 'manual';
