/**
 * Receiving mail: an IMAP mailbox, and saved .eml files parsed for intake, each with its sender
 * verified where it can be (DKIM, or the trusted mailbox's Authentication-Results).
 */
export { TAKEN_IN, parseImapUrl, takeInMailbox } from './imap.ts';
export { readMessageFiles } from './mail-parse.ts';
export type { DnsResolver } from './verify-sender.ts';
