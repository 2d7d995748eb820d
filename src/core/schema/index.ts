/** The content model: one schema per kind, shared by the scripts and the Astro site. */
export * from './common.ts';
export * from './settings.ts';
export * from './contact.ts';
export * from './plan.ts';
export * from './newsletter.ts';
export * from './result.ts';
export * from './referral.ts';
export * from './testimonial.ts';
export * from './history.ts';
export * from './event.ts';
