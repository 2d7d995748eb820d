/**
 * What a failed send through Amazon SES v2 means, decided from the error the AWS SDK gives: its
 * `name` (the service's error type, or a Node.js error), its HTTP status, and its message. As with
 * SMTP, only an answer about one message is that touch's failure; the account, the keys, the
 * sender's identity, a service out of reach or a used-up daily quota stop the run without failing
 * any touch. A throttled send is refused (not taken), so it is temporary and safe to try again.
 */
import type { SendOutcome } from '../touches/index.ts';

/** The parts of an AWS SDK error that matter here. */
export type SesError = { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };

const THROTTLED = new Set(['TooManyRequestsException', 'Throttling', 'ThrottlingException']);
const KEYS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'InvalidAccessKeyId',
  'ExpiredToken',
  'ExpiredTokenException',
  'CredentialsProviderError',
]);
const PERMISSION = new Set(['AccessDeniedException', 'AccessDenied']);
const PAUSED = new Set(['AccountSuspendedException', 'SendingPausedException']);
const NODE_UNREACHABLE = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|EADDRNOTAVAIL/;
const TLS_WORDS = /certificate|self[- ]signed|CERT_|SSL|TLS|handshake/i;

/** What to fix when SES stops the run, in the owner's words. */
export const SES_FIX = {
  keys: 'SES refused the AWS keys: check the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY secrets, and AWS_REGION',
  permission: 'the AWS keys may not send through SES: give their IAM user the ses:SendEmail and ses:SendRawEmail permissions',
  paused: 'SES has paused or suspended sending for this AWS account: the SES console says why and how to resume',
  sender:
    'SES refuses the sender: verify the sender address or its domain (and any custom MAIL FROM domain) in the SES console, in AWS_REGION',
  quota:
    'the SES account has used up its sending quota for the last 24 hours: the rest go out on a later run (ask AWS for a higher quota, or lower limits.perDay)',
  unreachable: 'SES could not be reached: check AWS_REGION (and AWS_ENDPOINT_URL_SESV2 if set), and the network',
  tls: 'no secure connection could be made to SES: check AWS_ENDPOINT_URL_SESV2 if set, and the network',
} as const;

/**
 * The outcome of a send that SES or the network refused. `sender` is the From address: a message
 * rejected because that address is not verified says so about every message, not this one.
 * `redact` removes secrets from the reason.
 */
export function classifySesFailure(error: SesError, sender: string, redact: (text: string) => string = (t) => t): SendOutcome {
  const name = error.name ?? '';
  const status = error.$metadata?.httpStatusCode;
  const text = error.message ?? '';
  const reason =
    redact([name && name !== 'Error' ? name : error.code, status, text].filter((part) => part !== undefined && part !== '').join(' ')) ||
    'no reason given';
  const stop = (fault: 'account' | 'tls' | 'unreachable' | 'refused', fix: string): SendOutcome => ({
    status: 'not-sent',
    reason,
    fault,
    fix,
  });

  // Before throttling: SES may name a used-up daily quota with a throttling error type.
  if (/daily message quota|sending quota/i.test(text)) return stop('refused', SES_FIX.quota);
  if (THROTTLED.has(name) || status === 429) return { status: 'failed', temporary: true, reason };
  if (KEYS.has(name) || status === 401) return stop('account', SES_FIX.keys);
  if (PERMISSION.has(name) || status === 403) return stop('account', SES_FIX.permission);
  if (PAUSED.has(name)) return stop('account', SES_FIX.paused);
  if (name === 'MailFromDomainNotVerifiedException' || (name === 'MessageRejected' && namesSender(text, sender)))
    return stop('account', SES_FIX.sender);
  // Any other answer about the request is about this message: a bad address, a refused message.
  if (status && status >= 400 && status < 500) return { status: 'failed', temporary: false, reason };
  // SES answered that it is unavailable: it did not take the message.
  if (status === 503) return { status: 'failed', temporary: true, reason, fault: 'lost' };
  // Any other server error came after SES read the request: it may have taken the message.
  if (status && status >= 500)
    return { status: 'unknown', reason: `SES failed after the message was handed over (${reason})`, fault: 'lost' };

  // No answer: the network. Before a connection was made, nothing left.
  const all = `${error.code ?? ''} ${text}`;
  if (NODE_UNREACHABLE.test(all)) return stop('unreachable', SES_FIX.unreachable);
  if (TLS_WORDS.test(all)) return stop('tls', SES_FIX.tls);
  if (name === 'TimeoutError' && /did not establish a connection|without establishing a connection/i.test(text))
    return { status: 'failed', temporary: true, reason, fault: 'timeout' };
  // Connected, and then no answer: SES may have the message.
  return {
    status: 'unknown',
    reason: `connection lost after the message was handed over (${reason})`,
    // The SDK names a hang-up a TimeoutError too: only a timeout says it timed out.
    fault: /timed out|ETIMEDOUT/i.test(all) ? 'timeout' : 'lost',
  };
}

/** Whether SES's "not verified" rejection names the sender's address or domain. */
function namesSender(text: string, sender: string): boolean {
  if (!/not verified/i.test(text)) return false;
  const lower = text.toLowerCase();
  const address = sender.toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return lower.includes(address) || new RegExp(`(^|[\\s,:])${domain.replaceAll('.', '\\.')}([\\s,.]|$)`).test(lower);
}
