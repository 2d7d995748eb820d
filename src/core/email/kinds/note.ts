import type { EmailKind } from './kind.ts';

/** A personal hello, with a result near them when there is one. */
export const note: EmailKind = {
  layout: 'note',
  message:
    'I was thinking of you and wanted to say hello. If there is anything I can help with, or anyone I can help, just reply to this email.',
  preheader: 'A quick hello from {{senderName}}',
  fields: ['subject', 'greeting', 'message', 'nearbyResult'],
};
