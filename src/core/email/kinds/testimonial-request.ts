import type { EmailKind } from './kind.ts';

/** Asks for a few words about working with us; intake drafts a testimonial from the reply. */
export const testimonialRequest: EmailKind = {
  layout: 'testimonial-request',
  message: {
    'past-client': 'It was a pleasure working with you. I have a small favour to ask.',
    sphere: 'You have known us for a while now, and I have a small favour to ask.',
    partner: 'It is always a pleasure working alongside you. I have a small favour to ask.',
    prospect: 'Thank you for your time with us so far. I have a small favour to ask.',
  },
  words: {
    experience: {
      'past-client': 'what it was like to work with us',
      sphere: 'what you know of us and our work',
      partner: 'what it is like to work alongside us',
      prospect: 'how we have been to deal with so far',
    },
  },
  preheader: 'Would you share a few words about us?',
  fields: ['subject', 'greeting', 'message', 'recap', 'experience', 'replyMailto', 'suggestedDisplayName', 'reviewLink'],
  asksForTestimonial: true,
};
