import type { EmailKind } from './kind.ts';

/** Offers to look after the people they know, framed by one of their communities. */
export const introductionAsk: EmailKind = {
  layout: 'introduction-ask',
  message: {
    'past-client': 'Most of the people I work with come through introductions from clients like you, and I am grateful for every one.',
    sphere:
      'Most of the people I work with come to us through someone they know, and I am grateful to every friend of the business who passes our name on.',
    partner: 'Much of our work comes through the people we work alongside, and I am grateful for every introduction.',
    prospect: 'Most of the people I work with come to us through someone they know, and that is how we like to meet people.',
  },
  preheader: 'An offer for the people you know',
  fields: ['subject', 'greeting', 'message', 'frameOfReference'],
};
