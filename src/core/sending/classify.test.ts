import { describe, expect, it } from 'vitest';
import { classifySendFailure } from './classify.ts';

// The errors nodemailer 10 gives, as observed against smtp-server (issue 15).
describe('a failed send, classified by what failed', () => {
  it('stops the run without failing the touch on the account, TLS, an unreachable or refusing server', () => {
    const cases = [
      { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN', response: '535 Authentication credentials invalid' },
      { code: 'EENVELOPE', responseCode: 530, command: 'MAIL FROM', response: '530 Error: authentication Required' },
      { code: 'EENVELOPE', responseCode: 550, command: 'MAIL FROM', response: '550 Sender rejected' },
      { code: 'EAUTH', responseCode: 454, command: 'AUTH LOGIN', response: '454 Temporary authentication failure' },
      { code: 'ETLS', responseCode: 500, command: 'STARTTLS', response: '500 Error: command not recognized' },
      { code: 'ESOCKET', command: 'CONN', message: 'certificate has expired' },
      { code: 'EENVELOPE', responseCode: 530, command: 'MAIL FROM', response: '530 5.7.0 Must issue a STARTTLS command first' },
      { code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:1' },
      { code: 'EDNS', command: 'CONN', message: 'getaddrinfo ENOTFOUND smtp.nowhere.example' },
      { code: 'EPROTOCOL', responseCode: 554, command: 'CONN', response: '554 No service' },
    ];
    expect(cases.map((e) => classifySendFailure(e, false))).toEqual([
      { status: 'not-sent', fault: 'account', reason: 'EAUTH 535 Authentication credentials invalid' },
      { status: 'not-sent', fault: 'account', reason: 'EENVELOPE 530 Error: authentication Required' },
      { status: 'not-sent', fault: 'account', reason: 'EENVELOPE 550 Sender rejected' },
      { status: 'not-sent', fault: 'account', reason: 'EAUTH 454 Temporary authentication failure' },
      { status: 'not-sent', fault: 'tls', reason: 'ETLS 500 Error: command not recognized' },
      { status: 'not-sent', fault: 'tls', reason: 'ESOCKET certificate has expired' },
      { status: 'not-sent', fault: 'tls', reason: 'EENVELOPE 530 5.7.0 Must issue a STARTTLS command first' },
      { status: 'not-sent', fault: 'unreachable', reason: 'ESOCKET connect ECONNREFUSED 127.0.0.1:1' },
      { status: 'not-sent', fault: 'unreachable', reason: 'EDNS getaddrinfo ENOTFOUND smtp.nowhere.example' },
      { status: 'not-sent', fault: 'refused', reason: 'EPROTOCOL 554 No service' },
    ]);
  });

  it('fails only the touch on a reply about its recipient or its message', () => {
    const cases = [
      { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 No such user' },
      { code: 'EENVELOPE', responseCode: 553, command: 'RCPT TO', response: '553 Mailbox name not allowed' },
      { code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 Message rejected as spam' },
      { code: 'EENVELOPE', responseCode: 552, command: 'MAIL FROM', response: '552 Message too big' },
      { code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO', response: '451 Mailbox busy, try later' },
    ];
    expect(cases.map((e) => classifySendFailure(e, false))).toEqual([
      { status: 'failed', temporary: false, reason: 'EENVELOPE 550 No such user' },
      { status: 'failed', temporary: false, reason: 'EENVELOPE 553 Mailbox name not allowed' },
      { status: 'failed', temporary: false, reason: 'EMESSAGE 554 Message rejected as spam' },
      { status: 'failed', temporary: false, reason: 'EENVELOPE 552 Message too big' },
      { status: 'failed', temporary: true, reason: 'EENVELOPE 451 Mailbox busy, try later' },
    ]);
  });

  it('counts timeouts and lost connections; after DATA they are unknown, never a retry', () => {
    expect([
      classifySendFailure({ code: 'EPROTOCOL', responseCode: 421, command: 'CONN', response: '421 Too busy, try later' }, false),
      classifySendFailure({ code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' }, false),
      classifySendFailure({ code: 'ETIMEDOUT', command: 'DATA', message: 'Timeout' }, true),
      classifySendFailure({ code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' }, true),
      classifySendFailure({ code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' }, false),
    ]).toEqual([
      { status: 'failed', temporary: true, fault: 'lost', reason: 'EPROTOCOL 421 Too busy, try later' },
      { status: 'failed', temporary: true, fault: 'timeout', reason: 'ETIMEDOUT Greeting never received' },
      { status: 'unknown', fault: 'timeout', reason: 'connection lost after the message was handed over (ETIMEDOUT Timeout)' },
      {
        status: 'unknown',
        fault: 'lost',
        reason: 'connection lost after the message was handed over (ECONNECTION Connection closed unexpectedly)',
      },
      { status: 'failed', temporary: true, fault: 'lost', reason: 'ECONNECTION Connection closed unexpectedly' },
    ]);
  });

  it('a message the stopped run never put on the wire is not sent; secrets are redacted', () => {
    expect(classifySendFailure({ message: 'Connection pool was closed' }, false)).toEqual({
      status: 'not-sent',
      reason: 'Connection pool was closed',
    });
    expect(
      classifySendFailure({ code: 'EAUTH', responseCode: 535, response: '535 bad password hunter22' }, false, (t) =>
        t.replaceAll('hunter22', '***'),
      ),
    ).toEqual({ status: 'not-sent', fault: 'account', reason: 'EAUTH 535 bad password ***' });
  });
});
