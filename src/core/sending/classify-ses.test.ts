import { describe, expect, it } from 'vitest';
import { classifySesFailure, SES_FIX } from './classify-ses.ts';
import { nextBreaker } from './breaker.ts';

const SENDER = 'maya@harbourhill.example';
const answer = (name: string, status: number, message: string) => ({ name, message, $metadata: { httpStatusCode: status } });
const classify = (error: Parameters<typeof classifySesFailure>[0]) => classifySesFailure(error, SENDER);

// The errors the AWS SDK v3 gives for SES v2's SendEmail (issue 18).
describe('a failed send through SES, classified by what failed', () => {
  it('a throttled send is temporary for that touch and stops nothing', () => {
    expect([
      classify(answer('TooManyRequestsException', 429, 'Maximum sending rate exceeded.')),
      classify(answer('ThrottlingException', 400, 'Rate exceeded')),
    ]).toEqual([
      { status: 'failed', temporary: true, reason: 'TooManyRequestsException 429 Maximum sending rate exceeded.' },
      { status: 'failed', temporary: true, reason: 'ThrottlingException 400 Rate exceeded' },
    ]);
  });

  it('a rejected message or a bad address is permanent for that touch only', () => {
    expect([
      classify(answer('MessageRejected', 400, 'Illegal address')),
      classify(
        answer(
          'MessageRejected',
          400,
          'Email address is not verified. The following identities failed the check in region EU-WEST-1: ana@example.com',
        ),
      ),
      classify(answer('BadRequestException', 400, "Missing final '@domain'")),
    ]).toEqual([
      { status: 'failed', temporary: false, reason: 'MessageRejected 400 Illegal address' },
      {
        status: 'failed',
        temporary: false,
        reason:
          'MessageRejected 400 Email address is not verified. The following identities failed the check in region EU-WEST-1: ana@example.com',
      },
      { status: 'failed', temporary: false, reason: "BadRequestException 400 Missing final '@domain'" },
    ]);
  });

  it('the keys, the permission, a paused account or an unverified sender stop the run and fail no touch', () => {
    const stops = [
      answer('UnrecognizedClientException', 403, 'The security token included in the request is invalid.'),
      answer('InvalidClientTokenId', 403, 'The security token included in the request is invalid.'),
      answer('SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided.'),
      answer('AccessDeniedException', 403, 'User is not authorized to perform: ses:SendEmail'),
      answer('AccountSuspendedException', 400, 'The account has been suspended'),
      answer('SendingPausedException', 400, 'Sending is paused for this account'),
      answer('MailFromDomainNotVerifiedException', 400, 'The MAIL FROM domain is not verified'),
      answer(
        'MessageRejected',
        400,
        'Email address is not verified. The following identities failed the check in region EU-WEST-1: maya@harbourhill.example',
      ),
      answer('LimitExceededException', 400, 'Daily message quota exceeded.'),
    ].map(classify);
    expect(stops.map((o) => (o.status === 'not-sent' ? [o.fault, o.fix] : o))).toEqual([
      ['account', SES_FIX.keys],
      ['account', SES_FIX.keys],
      ['account', SES_FIX.keys],
      ['account', SES_FIX.permission],
      ['account', SES_FIX.paused],
      ['account', SES_FIX.paused],
      ['account', SES_FIX.sender],
      ['account', SES_FIX.sender],
      ['refused', SES_FIX.quota],
    ]);
    // The breaker stops the run with SES's own words, not SMTP's.
    expect(nextBreaker({ streak: 0, limit: 3 }, stops[0]).stop).toEqual({
      fault: 'account',
      reason: 'UnrecognizedClientException 403 The security token included in the request is invalid.',
      fix: 'SES refused the AWS keys: check the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY secrets, and AWS_REGION',
    });
  });

  it('a network failure before a connection stops the run; after the request went out it is unknown', () => {
    expect([
      classify({ name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }),
      classify({ name: 'Error', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND email.nowhere.amazonaws.com' }),
      classify({ name: 'Error', code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }),
      classify({
        name: 'TimeoutError',
        message:
          '@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 1000 ms.',
      }),
      classify({ name: 'TimeoutError', message: 'Connection timed out after 30000 ms' }),
      classify({ name: 'Error', code: 'ECONNRESET', message: 'socket hang up' }),
      classify({ name: 'TimeoutError', code: 'ECONNRESET', message: 'socket hang up' }),
      classify(answer('InternalFailure', 500, 'An internal error occurred')),
      classify(answer('ServiceUnavailable', 503, 'Service unavailable')),
    ]).toEqual([
      { status: 'not-sent', fault: 'unreachable', fix: SES_FIX.unreachable, reason: 'ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1' },
      {
        status: 'not-sent',
        fault: 'unreachable',
        fix: SES_FIX.unreachable,
        reason: 'ENOTFOUND getaddrinfo ENOTFOUND email.nowhere.amazonaws.com',
      },
      { status: 'not-sent', fault: 'tls', fix: SES_FIX.tls, reason: 'DEPTH_ZERO_SELF_SIGNED_CERT self-signed certificate' },
      {
        status: 'failed',
        temporary: true,
        fault: 'timeout',
        reason:
          'TimeoutError @smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 1000 ms.',
      },
      {
        status: 'unknown',
        fault: 'timeout',
        reason: 'connection lost after the message was handed over (TimeoutError Connection timed out after 30000 ms)',
      },
      { status: 'unknown', fault: 'lost', reason: 'connection lost after the message was handed over (ECONNRESET socket hang up)' },
      { status: 'unknown', fault: 'lost', reason: 'connection lost after the message was handed over (TimeoutError socket hang up)' },
      {
        status: 'unknown',
        fault: 'lost',
        reason: 'SES failed after the message was handed over (InternalFailure 500 An internal error occurred)',
      },
      { status: 'failed', temporary: true, fault: 'lost', reason: 'ServiceUnavailable 503 Service unavailable' },
    ]);
  });

  it('redacts secrets from the reason', () => {
    expect(
      classifySesFailure(answer('InvalidAccessKeyId', 403, 'The AWS Access Key Id AKIAFAKE0000KEY does not exist'), SENDER, (t) =>
        t.replaceAll('AKIAFAKE0000KEY', '***'),
      ),
    ).toMatchObject({ status: 'not-sent', reason: 'InvalidAccessKeyId 403 The AWS Access Key Id *** does not exist' });
  });
});
