import type { EmailKind } from './kind.ts';

/** Thanks for a referral, with how it is going and what we refer back. */
export const referralThanks: EmailKind = {
  layout: 'referral-thanks',
  message:
    'Thank you for introducing {{referredFirstName}} to us. A recommendation from you means a great deal, and we will look after them as well as we looked after you.',
  preheader: 'Thank you for the introduction',
  fields: ['subject', 'greeting', 'message', 'referralUpdate', 'referBack'],
};
