import { describe, expect, it } from 'vitest';
import type { SendOutcome } from '../touches/index.ts';
import { nextBreaker, type Breaker } from './breaker.ts';

const run = (outcomes: SendOutcome[], limit = 3) => {
  let breaker: Breaker = { streak: 0, limit };
  const stops: (string | undefined)[] = [];
  for (const outcome of outcomes) {
    const next = nextBreaker(breaker, outcome);
    breaker = next.breaker;
    stops.push(next.stop?.fault);
  }
  return stops;
};
const sent: SendOutcome = { status: 'sent', messageId: '<m@x>', response: '250 Ok' };
const timeout: SendOutcome = { status: 'unknown', fault: 'timeout', reason: 'ETIMEDOUT' };
const lost: SendOutcome = { status: 'failed', temporary: true, fault: 'lost', reason: '421 Too busy' };
const rejected: SendOutcome = { status: 'failed', temporary: false, reason: '550 No such user' };

describe('the breaker', () => {
  it('stops at once on the account, TLS, an unreachable or refusing server, with what to fix', () => {
    expect(nextBreaker({ streak: 0, limit: 3 }, { status: 'not-sent', fault: 'account', reason: 'EAUTH 535 Invalid login' })).toEqual({
      breaker: { streak: 0, limit: 3 },
      stop: {
        fault: 'account',
        reason: 'EAUTH 535 Invalid login',
        fix: 'the mail server refused the account: check the user name and password in SMTP_URL',
      },
    });
    expect(run([{ status: 'not-sent', fault: 'tls', reason: 'ETLS' }])).toEqual(['tls']);
    expect(run([{ status: 'not-sent', fault: 'unreachable', reason: 'ECONNREFUSED' }])).toEqual(['unreachable']);
    expect(run([{ status: 'not-sent', fault: 'refused', reason: '554' }])).toEqual(['refused']);
  });

  it('stops after N timeouts or lost connections in a row; a definite answer resets the count', () => {
    expect(run([timeout, lost, timeout])).toEqual([undefined, undefined, 'timeout']);
    expect(run([timeout, lost, sent, timeout, rejected, timeout, timeout])).toEqual(Array(7).fill(undefined));
    expect(run([lost], 1)).toEqual(['lost']);
    expect(nextBreaker({ streak: 2, limit: 3 }, lost).stop?.fix).toBe(
      '3 timeouts or lost connections in a row: the mail server is down or too slow (settings: sending.timeoutSeconds, sending.stopAfter)',
    );
  });
});
