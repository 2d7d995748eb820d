import { describe, expect, it } from 'vitest';
import { bounceReason, statusOf } from './reason.ts';

/** What servers say, and what it means: `permanent` and the code as a report gives them. */
const SAID: [boolean, string, string, string][] = [
  [true, '', 'User Sean Brennan (sean@example.com) not listed in Domino Directory', 'BadAddress'],
  [true, '5.0.0', '550 Administrative prohibition', 'Refused'],
  [true, '', "retry time not reached for any host for 'example.com' after a long failure period", 'Temporary'],
  [true, '', 'all hosts for example.com have been failing for a long time (and retry time not reached)', 'Temporary'],
  [true, '', 'all relevant MX records point to non-existent hosts', 'BadAddress'],
  [true, '5.0.0', '550 Sender verify failed', 'Refused'],
  [true, '5.0.0', '550 Mailbox quota usage exceeded', 'MailboxFull'],
  [true, '', 'adresse inconnue: User unknown in local recipient table', 'BadAddress'],
  [true, '', 'No se encontró la dirección de correo electrónico que escribió.', 'BadAddress'],
  [true, '', 'Das Postfach des Empfängers ist voll (Speicherplatz überschritten)', 'MailboxFull'],
  [true, '', 'La boîte aux lettres du destinataire est pleine et ne peut pas accepter de messages', 'MailboxFull'],
  [true, '5.7.1', '550 5.7.1 No such user!', 'BadAddress'],
  [false, '4.7.0', '421 4.7.0 [TSS04] Messages from 192.0.2.44 temporarily deferred due to unexpected volume', 'Temporary'],
  [true, '5.1.1', '550 5.1.1 <ana@example.com>: Recipient address rejected: User unknown', 'BadAddress'],
  [true, '5.0.0', '550 Mailbox not found', 'BadAddress'],
  [true, '5.0.0', 'Host or domain name not found. Name service error for name=nowhere.example type=A', 'BadAddress'],
  [true, '5.5.0', '550 5.5.0 Requested action not taken: mailbox unavailable', 'BadAddress'],
  [true, '5.2.1', '550 5.2.1 The email account that you tried to reach is disabled', 'BadAddress'],
  // X.2.0: the mailbox exists, something about it refused this message (RFC 3463), unless the words say the address is wrong.
  [true, '5.2.0', '', 'Refused'],
  [true, '5.2.0', '550 5.2.0 bizsmtp From: Domain is invalid. Please provide a valid From: IB506', 'Refused'],
  [true, '5.2.0', '550 5.2.0 <kim@example.com>... User unknown', 'BadAddress'],
  [true, '5.4.1', '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)', 'BadAddress'],
  [true, '', "554 delivery error: dd This user doesn't have a yahoo.com account", 'BadAddress'],
  [true, '', '550 Message was not accepted -- invalid mailbox', 'BadAddress'],
  [true, '5.7.1', '550 5.7.1 Service unavailable, Client host [192.0.2.44] blocked using Spamhaus', 'Refused'],
  [true, '5.7.26', "550 5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy", 'Refused'],
  [true, '5.3.4', '552 5.3.4 Message size exceeds fixed limit', 'Refused'],
  [true, '', '554 Transaction failed: spam message rejected', 'Refused'],
  [true, '5.1.8', '553 5.1.8 Sender address rejected: Domain not found', 'Refused'],
  [true, '5.2.2', '552 5.2.2 mailbox full', 'MailboxFull'],
  [true, '', "Sorry, the user's maildir has overdrawn his diskspace quota, please try again later.", 'MailboxFull'],
  [true, '5.0.0', '552 Requested mail action aborted: exceeded storage allocation (quota exceeded)', 'MailboxFull'],
  [false, '4.2.2', '452 4.2.2 The email account that you tried to reach is over quota', 'MailboxFull'],
  [false, '4.7.0', '421 4.7.0 Try again later, closing connection', 'Temporary'],
  [true, '5.4.7', 'delivery time expired', 'Temporary'],
  // Issue 16: a refused message is no bad address; greylisting and the sender's own limit pass.
  [true, '5.0.0', 'The account or domain may not exist, they may be blacklisted, or missing the proper dns entries.', 'Refused'],
  [true, '5.1.1', '550 5.1.1 Address ana@example.com may not exist or is blacklisted', 'Refused'],
  [true, '5.7.1', '554 5.7.1 <ana@example.com>: Relay access denied', 'Refused'],
  [true, '5.0.0', '550 5.7.1 Unable to relay', 'Refused'],
  [true, '5.4.6', '554 5.4.6 Hop count exceeded - possible mail loop ATTR34', 'Refused'],
  [true, '5.4.6', 'mail for example.com loops back to myself', 'Refused'],
  [true, '5.0.0', '554 5.4.6 Too many hops 26 (25 max)', 'Refused'],
  [false, '4.4.6', '451 4.4.6 Routing loop detected', 'Temporary'],
  [true, '5.0.0', '550 Requested action not taken: mailbox unavailable (-1915408389:1316:-2147467259)', 'BadAddress'],
  [true, '5.0.0', '550 Requested action not taken: mailbox unavailable for policy reasons', 'Refused'],
  [true, '5.0.0', '550 5.2.0 Mailbox unavailable. The server response was: 5.7.1 Message rejected as spam', 'Refused'],
  [true, '5.2.1', '550 5.2.1 Mailbox unavailable', 'BadAddress'],
  [true, '5.0.0', '553 5.1.3 mailbox name not allowed', 'BadAddress'],
  [false, '4.2.1', '450 4.2.1 Mailbox temporarily unavailable', 'Temporary'],
  [false, '4.7.1', '450 4.7.1 <ana@example.com>: Recipient address rejected: Greylisted, see http://postgrey.example/help', 'Temporary'],
  [true, '5.0.0', 'retried for 5 days: 451 4.7.1 Greylisting in action, please come back later', 'Temporary'],
  [true, '5.2.0', '554 5.2.0 STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded', 'MailboxFull'],
  [true, '5.0.0', '550 Recipient Rejected: Mailbox would exceed maximum allowed storage', 'MailboxFull'],
  [true, '5.0.0', '550 5.1.0 Sender denied', 'Refused'],
  [true, '5.4.14', '554 5.4.14 Hop count exceeded - possible mail loop ATTR34', 'Refused'],
  [true, '5.0.0', 'Domain harbourhill.example has exceeded the max defers and failures per hour (5/5 (100%)) allowed.', 'Temporary'],
  [true, '5.4.300', '550 5.4.300 Message expired', 'Temporary'],
  [true, '', "The number of messages in recipient's mailbox exceeded the local limit.", 'MailboxFull'],
  [true, '5.1.1', '550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes#rcp Refused due to recipient preferences', 'Refused'],
  [true, '5.1.1', '550 5.1.1 RCP-P1 http://postmaster.facebook.com/response_codes#rcp Recipient address does not exist', 'BadAddress'],
  [true, '5.7.1', '553 Invalid recipient ana@example.com (Mode: normal)', 'BadAddress'],
  [true, '', 'You are not a member of this mailing list <members@example.org>.', 'Refused'],
  [true, '', 'ユーザー Ishikawa Mai (mai@example.jp) は Domino ディレクトリには見つかりません', 'BadAddress'],
  [true, '', 'retry timeout exceeded', 'Temporary'],
  [true, '5.0.0', '550 198.51.100.20 has sent to too many recipients this hour. IB607', 'Temporary'],
  [true, '5.0.0', '554 bizsmtp IB104. Connection refused. 198.51.100.20 is listed on the Spamhaus Block List.', 'Refused'],
  [true, '5.4.6', 'This message is looping: it already has my Delivered-To line. (#5.4.6)', 'Refused'],
  [true, '5.1.0', '550 5.1.0 <maya@example.com> sender rejected. AUP#In-1310', 'Temporary'],
  [true, '5.1.0', '550 5.1.0 <maya@example.com> sender rejected. AUP#CXBL', 'Refused'],
  [true, '5.5.0', '550 5.5.0 Service refuse. Veuillez essayer plus tard. service refused, please try later. LPN001_108', 'Refused'],
  [true, '5.1.1', '550 5.1.1 Boite du destinataire archivee. Archived recipient. OFR_420', 'BadAddress'],
  [true, '5.0.0', '550 Ip frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000722', 'Temporary'],
  [true, '5.0.0', '550 Message was not accepted. See https://mail.i.ua/err/3/', 'BadAddress'],
  [true, '5.0.0', '550 Message was not accepted. See https://mail.i.ua/err/4/', 'MailboxFull'],
  [true, '5.0.0', '550 Message was not accepted. See https://mail.i.ua/err/9/', 'Refused'],
  [true, '', 'Your message was not delivered within 0 days and 1 hours. Remote host is not responding.', 'Temporary'],
  [true, '5.2.122', '550 5.2.122 The recipient has exceeded their limit for the number of messages', 'Temporary'],
  [true, '5.0.0', '554 p26-smtpin002.me.com ESMTP not accepting connections', 'Refused'],
  // Exim's callout: bad only when the server it asked said why.
  [true, '', '550 Callout verification failed', 'Refused'],
  [true, '', '550-Callout verification failed:\n550 550 5.1.1 <ana@example.com>: Recipient address rejected: User unknown', 'BadAddress'],
  [true, '', '550-Callout verification failed:\n550 550 Unrouteable address', 'BadAddress'],
];

describe('bounceReason', () => {
  it.each(SAID)('permanent %s, status %s: %s', (permanent, status, words, reason) => {
    expect(bounceReason(permanent, statusOf(status, words), words)).toBe(reason);
  });
});

describe('statusOf', () => {
  it('prefers the remote server’s code to a generic one, and never reads an IP address as a code', () => {
    expect(statusOf('5.0.0', 'host mx said: 550 5.1.1 user unknown')).toBe('5.1.1');
    expect(statusOf('5.7.1', 'blocked using Spamhaus 5.6.7.8')).toBe('5.7.1');
    expect(statusOf('', 'no code here')).toBe('');
  });
});
