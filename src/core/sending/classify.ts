/**
 * What a failed send means, decided from what failed: nodemailer's `code`, the server's
 * `responseCode`, the SMTP `command` that was in flight, and whether any byte of the message had
 * reached the connection. Only a reply about one recipient or one message is that touch's
 * failure; the account, TLS, a server out of reach or refusing everything stop the run, and the
 * touch is not failed (its claim is released and a later run sends it).
 */
import type { SendFault, SendOutcome } from '../touches/index.ts';

/** The parts of a delivery error that matter here (nodemailer's error fields). */
export type SendError = { code?: string; responseCode?: number; command?: string; response?: string; message?: string };

const TLS_WORDS = /certificate|self[- ]signed|CERT_|SSL|TLS|handshake/i;
const UNREACHABLE = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|EADDRNOTAVAIL/;
// 530 authentication required, 534 mechanism too weak, 535 bad credentials, 538 encryption
// required for the mechanism, 454 temporary authentication failure (RFC 4954).
const ACCOUNT_REPLIES = new Set([530, 534, 535, 538, 454]);

/**
 * The outcome of a send that threw. `started`: the message's bytes had begun to flow (after the
 * server's 354), so a connection lost or a reply never heard means the server may have it.
 * `redact` removes secrets from the reason.
 */
export function classifySendFailure(error: SendError, started: boolean, redact: (text: string) => string = (t) => t): SendOutcome {
  const reason = redact([error.code, error.response ?? error.message].filter(Boolean).join(' ')) || 'no reason given';
  const fault = faultOf(error);
  const rc = error.responseCode;
  if (fault === 'account' || fault === 'tls' || fault === 'unreachable' || fault === 'refused')
    return { status: 'not-sent', reason, fault };
  // A reply is a definite answer: the server did not take the message.
  if (rc && rc >= 500) return { status: 'failed', temporary: false, reason };
  if (rc && rc >= 400) return { status: 'failed', temporary: true, reason, ...(fault ? { fault } : {}) };
  if (started)
    return { status: 'unknown', reason: `connection lost after the message was handed over (${reason})`, ...(fault ? { fault } : {}) };
  if (error.code === 'EENVELOPE' || error.code === 'EMESSAGE') return { status: 'failed', temporary: false, reason };
  // Given up before any connection took it: the pool was closed when the run stopped.
  if (!fault) return { status: 'not-sent', reason };
  return { status: 'failed', temporary: true, reason, fault };
}

/** Which fault beyond one recipient an error shows, if any. */
function faultOf(error: SendError): SendFault | undefined {
  const rc = error.responseCode;
  const command = (error.command ?? '').toUpperCase();
  const text = `${error.message ?? ''} ${error.response ?? ''}`;
  if (error.code === 'ETLS' || command === 'STARTTLS' || (rc === 530 && /STARTTLS|TLS/i.test(text))) return 'tls';
  if (error.code === 'EAUTH' || error.code === 'ENOAUTH' || error.code === 'EOAUTH2' || command.startsWith('AUTH')) return 'account';
  if (rc && ACCOUNT_REPLIES.has(rc)) return 'account';
  // The sender refused: about the account, not the recipient (552 is the message's size).
  if (command === 'MAIL FROM' && rc && rc >= 500 && rc !== 552) return 'account';
  if (rc === 421) return 'lost';
  if ((command === 'CONN' || command === 'EHLO' || command === 'HELO') && rc && rc >= 500) return 'refused';
  if (error.code === 'ETIMEDOUT') return 'timeout';
  if (!rc && (error.code === 'ESOCKET' || error.code === 'ECONNECTION' || error.code === 'EDNS')) {
    if (TLS_WORDS.test(text)) return 'tls';
    if (error.code === 'EDNS' || UNREACHABLE.test(text)) return 'unreachable';
    return 'lost';
  }
  return undefined;
}
