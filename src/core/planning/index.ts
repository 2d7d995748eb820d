/**
 * Planning: which steps of which plans are due for whom on which day, and why.
 */
export { EVENTS_PLAN } from './events.ts';
export { planTouches, type PlanInput, type PlanResult } from './plan-touches.ts';
export { triggersByContact } from './triggers.ts';
export { explainContactDay } from './contact-day.ts';
export { dayName, formatContactDay } from './contact-day-text.ts';
