/**
 * Who really wrote a message: the mail adapter's verdict (DKIM, or the trusted mailbox's
 * Authentication-Results) in the owner's words, for notes and evidence.
 */

/** How a message's sender was verified, and for which domain (the From address's). */
export type Verified = { how: 'authentication-results' | 'dkim'; domain: string };

/** `sender verified by DKIM for example.com`. */
export function verifiedBy({ how, domain }: Verified): string {
  return `sender verified by ${how === 'dkim' ? 'DKIM' : 'your mailbox provider'} for ${domain}`;
}
