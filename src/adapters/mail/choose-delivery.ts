/**
 * The one place that chooses how emails leave, from the environment: `EMAIL_TRANSPORT=ses` →
 * Amazon SES v2; `SMTP_URL` set (or `EMAIL_TRANSPORT=smtp`) → SMTP; else the outbox of .eml files.
 * No value that may hold a secret is ever echoed.
 */
import type { Delivery } from '../../core/email/index.ts';
import { createOutbox } from './outbox.ts';
import { openSesDelivery } from './ses.ts';
import { createSmtpDelivery, isSmtpUrl } from './smtp.ts';

export type Transport = { kind: 'outbox' } | { kind: 'smtp'; url: string } | { kind: 'ses' };

const KINDS = ['smtp', 'ses', 'outbox'];

/** Which delivery the environment asks for, or why it cannot be used (a usage problem, in one line). */
export function transportFromEnv(env: NodeJS.ProcessEnv): { ok: true; transport: Transport } | { ok: false; problem: string } {
  const kind = env.EMAIL_TRANSPORT || (env.SMTP_URL ? 'smtp' : 'outbox');
  if (!KINDS.includes(kind)) return { ok: false, problem: `EMAIL_TRANSPORT is ${kind}: write smtp, ses or outbox, or leave it unset.` };
  if (kind === 'ses') return { ok: true, transport: { kind } };
  if (kind === 'outbox') return { ok: true, transport: { kind } };
  const url = env.SMTP_URL ?? '';
  if (!url) return { ok: false, problem: 'EMAIL_TRANSPORT=smtp needs SMTP_URL, like smtps://USER:PASSWORD@HOST:465.' };
  if (!isSmtpUrl(url))
    return {
      ok: false,
      problem:
        'SMTP_URL is not an smtp:// or smtps:// URL like smtps://USER:PASSWORD@HOST:465, with @, / and % inside the user or password written %40, %2F and %25 (its value is not shown: it may hold a password)',
    };
  return { ok: true, transport: { kind: 'smtp', url } };
}

export type DeliveryOptions = {
  /** The folder of .eml files, for the outbox. */
  outbox: string;
  /** settings.limits.perSecond */
  perSecond: number;
  /** settings.sending.timeoutSeconds, in milliseconds. */
  timeout: number;
  /** settings.sender.email */
  sender: string;
};

/**
 * The delivery for `transport`, with notes for the owner; or, when it cannot start (SES without a
 * region or keys, or with keys SES refuses), one line saying why: nothing has been claimed yet.
 */
export async function openDelivery(
  transport: Transport,
  options: DeliveryOptions,
): Promise<{ ok: true; delivery: Delivery; notes: string[] } | { ok: false; problem: string }> {
  if (transport.kind === 'outbox') return { ok: true, delivery: createOutbox(options.outbox), notes: [] };
  if (transport.kind === 'smtp')
    return { ok: true, delivery: createSmtpDelivery(transport.url, { perSecond: options.perSecond, timeout: options.timeout }), notes: [] };
  return openSesDelivery({ perSecond: options.perSecond, sender: options.sender, timeout: options.timeout });
}
