import type { EmailKind } from './kind.ts';

const THANKS = 'Thank you for introducing {{referredFirstName}} to us. A recommendation from you means a great deal,';

/** Thanks for a referral, with how it is going and what we refer back. */
export const referralThanks: EmailKind = {
  layout: 'referral-thanks',
  message: {
    'past-client': `${THANKS} and we will look after them as well as we looked after you.`,
    sphere: `${THANKS} and we will take good care of them.`,
    partner: `${THANKS} and we will take good care of them, as you would with anyone we send your way.`,
    prospect: `${THANKS} and we will take good care of them.`,
  },
  preheader: 'Thank you for the introduction',
  fields: ['subject', 'greeting', 'message', 'referralUpdate', 'referBack'],
};
