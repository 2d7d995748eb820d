import type { EmailKind } from './kind.ts';

/** Offers to look after the people they know, framed by one of their communities. */
export const introductionAsk: EmailKind = {
  layout: 'introduction-ask',
  message: 'Most of the people I work with come through introductions from clients like you, and I am grateful for every one.',
  preheader: 'An offer for the people you know',
  fields: ['subject', 'greeting', 'message', 'frameOfReference'],
};
