/**
 * Receiving mail: an IMAP mailbox, and saved .eml files parsed for intake.
 */
export { TAKEN_IN, parseImapUrl, takeInMailbox } from './imap.ts';
export { readMessageFiles } from './mail-parse.ts';
export type { DnsResolver, SenderCheck } from './verify-sender.ts';
