/**
 * Intake: what a received message (reply, bounce, unsubscribe, testimonial) changes in the
 * content.
 */
export { planIntake, type IncomingMessage, type IntakeInput, type IntakePlan } from './intake.ts';
export type { Returned } from './run.ts';
export { planOneClickUnsubscribe, type OneClickUnsubscribe } from './one-click.ts';
export { formatIntakeSummary, formatOutcome } from './summary.ts';
export { readBounce } from './bounces/index.ts';
