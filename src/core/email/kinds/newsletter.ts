import type { EmailKind } from './kind.ts';

/** A newsletter issue: its subject, preheader and body come from `content/newsletters/`. */
export const newsletter: EmailKind = {
  layout: 'newsletter',
  fields: ['subject', 'greeting', 'body', 'nearbyResult', 'results', 'testimonial'],
};
