/**
 * When the send loop stops: at once on a fault about the account, TLS, or a server out of reach
 * or refusing everything; after `limit` timeouts or lost connections in a row. A send that gets
 * any definite answer (sent, or a reply about its recipient) resets the count.
 */
import type { SendFault, SendOutcome } from '../touches/index.ts';

export type Breaker = { streak: number; limit: number };

/** Why the run stopped sending: the fault, the reply that showed it, and what the owner should fix. */
export type SendingStop = { fault: SendFault; reason: string; fix: string };

const AT_ONCE = new Set<SendFault>(['account', 'tls', 'unreachable', 'refused']);

/** The breaker after one more outcome, and the stop it calls for, if any. */
export function nextBreaker(breaker: Breaker, outcome: SendOutcome): { breaker: Breaker; stop?: SendingStop } {
  const fault = outcome.status === 'sent' ? undefined : outcome.fault;
  if (!fault) return { breaker: { ...breaker, streak: outcome.status === 'not-sent' ? breaker.streak : 0 } };
  const reason = outcome.status === 'sent' ? '' : outcome.reason;
  if (AT_ONCE.has(fault)) {
    const fix = (outcome.status === 'not-sent' && outcome.fix) || FIX[fault];
    return { breaker, stop: { fault, reason, fix } };
  }
  const streak = breaker.streak + 1;
  if (streak < breaker.limit) return { breaker: { ...breaker, streak } };
  return { breaker: { ...breaker, streak }, stop: { fault, reason, fix: breakerFix(breaker.limit) } };
}

const FIX: Record<SendFault, string> = {
  account: 'the mail server refused the account: check the user name and password in SMTP_URL',
  tls: 'no secure connection could be made to the mail server: check the host and port in SMTP_URL and the server certificate',
  unreachable: 'the mail server could not be reached: check the host and port in SMTP_URL, and that the server is up',
  refused: 'the mail server refuses every message: ask the mail provider why, or use another server in SMTP_URL',
  timeout: '',
  lost: '',
};

function breakerFix(limit: number): string {
  return `${limit} timeouts or lost connections in a row: the mail server is down or too slow (settings: sending.timeoutSeconds, sending.stopAfter)`;
}
