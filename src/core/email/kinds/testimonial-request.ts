import type { EmailKind } from './kind.ts';

/** Asks for a few words about working with us; intake drafts a testimonial from the reply. */
export const testimonialRequest: EmailKind = {
  layout: 'testimonial-request',
  message: 'It was a pleasure working with you. I have a small favour to ask.',
  preheader: 'Would you share a few words about working with us?',
  fields: ['subject', 'greeting', 'message', 'recap', 'replyMailto', 'suggestedDisplayName'],
  asksForTestimonial: true,
};
