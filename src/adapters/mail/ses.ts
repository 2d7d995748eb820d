/**
 * Delivery through Amazon SES v2 (`EMAIL_TRANSPORT=ses`): each email's raw message, the very bytes
 * SMTP would carry, in one `SendEmail` request. The AWS SDK reads its usual environment (the
 * region, the keys, `AWS_ENDPOINT_URL_SESV2`) and is loaded only when SES is used. Failures are
 * mapped by the core's `classifySesFailure`, as SMTP's are by `classifySendFailure`.
 *
 * Rate: one message at most every 1/rate seconds, the rate being `limits.perSecond` or SES's own maximum
 * send rate (`GetAccount`), whichever is lower. After a throttled request the SDK's adaptive mode
 * slows the whole client down, and retries that request after a back-off. Only throttled requests
 * are retried: SES refused them. Any other error may come after SES took the message, and a retry
 * could send it twice (the journal promises at most once).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { SESv2ClientConfig } from '@aws-sdk/client-sesv2';
import type { Delivery, OutgoingEmail } from '../../core/email/index.ts';
import { sesSentResponse, type SendOutcome } from '../../core/touches/index.ts';
import { classifySesFailure, SES_FIX, type SesError } from '../../core/sending/index.ts';
import { buildRawMessage } from './raw-message.ts';

type Sdk = typeof import('@aws-sdk/client-sesv2');
type RetryStrategy = NonNullable<SESv2ClientConfig['retryStrategy']>;

export type SesOptions = {
  /** Most messages handed to SES each second (settings.limits.perSecond); SES's own rate if lower. */
  perSecond: number;
  /** The From address (settings.sender.email): a rejection naming it is about every message. */
  sender: string;
  /** Milliseconds to connect, and for each request (settings.sending.timeoutSeconds); 30 s by default. */
  timeout?: number;
  /** Attempts for a throttled request, the first included; 3 by default. */
  maxAttempts?: number;
  /** The region, endpoint and keys, when not from the environment (tests and benchmarks). */
  config?: Pick<SESv2ClientConfig, 'region' | 'endpoint' | 'credentials'>;
};

/** SES ready to send, with what the owner should know; or why it cannot be used, in one line. */
export type SesStart = { ok: true; delivery: Delivery; rate: number; notes: string[] } | { ok: false; problem: string };

export async function openSesDelivery(options: SesOptions): Promise<SesStart> {
  const sdk = await import('@aws-sdk/client-sesv2');
  const timeout = options.timeout ?? 30_000;
  const client = new sdk.SESv2Client({
    ...options.config,
    retryStrategy: await throttlingOnlyRetry(sdk, options.maxAttempts ?? 3),
    requestHandler: { connectionTimeout: timeout, requestTimeout: timeout, throwOnRequestTimeout: true },
  });
  const fail = (problem: string): SesStart => {
    client.destroy();
    return { ok: false, problem };
  };
  let region: string;
  try {
    region = await client.config.region();
  } catch {
    return fail('Nothing was sent: EMAIL_TRANSPORT=ses needs an AWS region: set AWS_REGION (for example eu-west-1).');
  }
  let secrets: string[];
  try {
    const keys = await client.config.credentials();
    secrets = [keys.accessKeyId, keys.secretAccessKey, keys.sessionToken ?? ''].filter((s) => s.length > 3);
  } catch {
    return fail(
      'Nothing was sent: EMAIL_TRANSPORT=ses found no AWS keys: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the secrets of an IAM user allowed ses:SendRawEmail).',
    );
  }
  const redact = (text: string) => secrets.reduce((t, s) => t.replaceAll(s, '***'), text);

  const quota = await readQuota(sdk, client, options, redact);
  if (!quota.ok) return fail(quota.problem);
  return {
    ok: true,
    rate: quota.rate,
    notes: quota.notes,
    delivery: sesDelivery(sdk, client, { name: `Amazon SES (${region})`, rate: quota.rate, sender: options.sender, redact }),
  };
}

/** SES's own sending rate, when the keys may read it; stops at once on keys SES refuses. */
async function readQuota(
  sdk: Sdk,
  client: InstanceType<Sdk['SESv2Client']>,
  options: SesOptions,
  redact: (text: string) => string,
): Promise<{ ok: true; rate: number; notes: string[] } | { ok: false; problem: string }> {
  const notes: string[] = [];
  try {
    const account = await client.send(new sdk.GetAccountCommand({}));
    if (account.SendingEnabled === false) return { ok: false, problem: `Nothing was sent: ${SES_FIX.paused}.` };
    if (account.ProductionAccessEnabled === false)
      notes.push(
        'The SES account is in the sandbox: it sends only to addresses verified in SES. Ask AWS for production access in the SES console.',
      );
    const max = account.SendQuota?.MaxSendRate;
    if (max && max < options.perSecond) {
      notes.push(`Sending ${max} emails a second, SES's maximum send rate for this account (limits.perSecond is ${options.perSecond}).`);
      return { ok: true, rate: max, notes };
    }
  } catch (error) {
    const outcome = classifySesFailure(error as SesError, options.sender, redact);
    // The keys work but may not read the quota: send at limits.perSecond, and SES's throttling slows us down.
    if (outcome.status === 'not-sent' && outcome.fix && outcome.fix !== SES_FIX.permission && outcome.fault !== 'refused')
      return { ok: false, problem: `Nothing was sent: ${outcome.fix} (${outcome.reason}).` };
    const why = outcome.status === 'sent' ? '' : ` (${outcome.reason})`;
    const hint =
      outcome.status === 'not-sent' && outcome.fix === SES_FIX.permission ? " Allow the keys ses:GetAccount to use SES's own rate." : '';
    notes.push(`SES's sending quota could not be read${why}: sending at most ${options.perSecond} a second (limits.perSecond).${hint}`);
  }
  return { ok: true, rate: options.perSecond, notes };
}

function sesDelivery(
  sdk: Sdk,
  client: InstanceType<Sdk['SESv2Client']>,
  { name, rate, sender, redact }: { name: string; rate: number; sender: string; redact: (text: string) => string },
): Delivery {
  const stop = new AbortController();
  const gap = 1000 / rate;
  // A token bucket of half a second's messages: after a stall (a busy machine) the waiting ones
  // catch up by at most that many at once, so SES, which allows about a second's burst, never
  // sees more than its rate, while the time lost is mostly made up.
  const burst = Math.max(1, Math.floor(rate / 2));
  let tokens = burst;
  let filled = performance.now();
  const refill = () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + (now - filled) / gap);
    filled = now;
  };
  let queue: Promise<void> = Promise.resolve();
  /** Waits for this message's turn, one at a time; false once the run has stopped sending. */
  const turn = (): Promise<boolean> => {
    queue = queue.then(async () => {
      refill();
      if (tokens < 1 && !stop.signal.aborted) await sleep((1 - tokens) * gap, undefined, { signal: stop.signal }).catch(() => {});
      refill();
      tokens -= 1;
    });
    return queue.then(() => !stop.signal.aborted);
  };
  const given = (): SendOutcome => ({ status: 'not-sent', reason: 'not sent: the run stopped sending' });
  return {
    name,
    async send(email: OutgoingEmail): Promise<SendOutcome> {
      const raw = await buildRawMessage(email);
      if (!(await turn())) return given();
      try {
        const out = await client.send(new sdk.SendEmailCommand({ Content: { Raw: { Data: raw } } }));
        return { status: 'sent', messageId: email.messageId, response: sesSentResponse(out.MessageId) };
      } catch (error) {
        return classifySesFailure(error as SesError, sender, redact);
      }
    },
    // Messages waiting for their turn end not sent; a request already made is answered within the timeout.
    abort() {
      stop.abort();
    },
    async close() {
      stop.abort();
      client.destroy();
    },
  };
}

/**
 * The SDK's adaptive retry strategy (a client-side rate limiter that slows down after a throttle,
 * and a back-off) retrying only throttled requests. It is the one the SDK builds for
 * `retryMode: 'adaptive'`, taken from a client that is never used to send.
 */
async function throttlingOnlyRetry(sdk: Sdk, maxAttempts: number): Promise<RetryStrategy> {
  const builder = new sdk.SESv2Client({ retryMode: 'adaptive', maxAttempts });
  const adaptive = await builder.config.retryStrategy();
  builder.destroy();
  if (!('refreshRetryTokenForRetry' in adaptive)) throw new Error('the AWS SDK gave no adaptive retry strategy (RetryStrategyV2)');
  return {
    acquireInitialRetryToken: (scope) => adaptive.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token, info) =>
      info.errorType === 'THROTTLING' ? adaptive.refreshRetryTokenForRetry(token, info) : Promise.reject(info.error),
    recordSuccess: (token) => adaptive.recordSuccess(token),
  };
}
