import type { EmailKind } from './kind.ts';

/** After a job: a record of what was done, including the parts beyond the brief. */
export const aboveAndBeyond: EmailKind = {
  layout: 'above-and-beyond',
  message:
    'Now that everything is settled, here is a short record of what we did together, including the parts that went beyond the brief.',
  preheader: 'What we did for you, beyond the brief',
  fields: ['subject', 'greeting', 'message', 'recap'],
  recapsResult: true,
};
