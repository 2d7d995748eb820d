/**
 * SMTP delivery through nodemailer's pooled transport, used when `SMTP_URL` is set. A message is
 * never re-sent by the pool (`maxRequeues: 0`); a failure is mapped by the core's
 * `classifySendFailure` to an outcome the journal records: temporary, permanent, unknown when the
 * server may have taken the message, or not sent when the run must stop (the account, TLS, a
 * server out of reach).
 */
import nodemailer from 'nodemailer';
import type { Readable } from 'node:stream';
import type { Delivery, OutgoingEmail } from '../../core/email/index.ts';
import type { SendOutcome } from '../../core/touches/index.ts';
import { classifySendFailure, type SendError } from '../../core/sending/index.ts';
import { rawMailOptions, toMailOptions } from './mail-options.ts';

export type SmtpOptions = {
  /** Most messages handed to the server each second, across the pool (settings.limits.perSecond). */
  perSecond: number;
  maxConnections?: number;
  /** Milliseconds for each step: connecting, the greeting, each reply (settings.sending.timeoutSeconds); 30 s by default. */
  timeout?: number;
  /** Milliseconds, when one step needs its own. */
  connectionTimeout?: number;
  greetingTimeout?: number;
  socketTimeout?: number;
};

/** The URL without user, password or query: safe to print. */
export function redactSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return 'SMTP_URL (not a valid URL)';
  }
}

/**
 * Whether `SMTP_URL` can be used: an smtp:// or smtps:// URL whose user and password decode (a
 * broken %-escape such as `%ZZ` does not). The value itself is never echoed, it may hold a password.
 */
export function isSmtpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    return false;
  }
  return /^smtps?:$/.test(url.protocol);
}

export function createSmtpDelivery(smtpUrl: string, options: SmtpOptions): Delivery {
  if (!isSmtpUrl(smtpUrl)) throw new Error('SMTP_URL is not an smtp:// or smtps:// URL (its value is not shown: it may hold a password)');
  const url = new URL(smtpUrl);
  const secrets = [url.password, decodeURIComponent(url.password), url.username, decodeURIComponent(url.username)].filter(
    (s) => s.length > 3,
  );
  const redact = (text: string) => secrets.reduce((t, s) => t.replaceAll(s, '***'), text);
  const flag = (name: string) => url.searchParams.get(name) === 'true';
  const transport = nodemailer.createTransport({
    pool: true,
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    ignoreTLS: flag('ignoreTLS'),
    requireTLS: flag('requireTLS'),
    maxConnections: options.maxConnections ?? 5,
    maxMessages: Infinity,
    // A connection closed mid-send must not silently send the message again.
    maxRequeues: 0,
    rateLimit: options.perSecond,
    rateDelta: 1000,
    connectionTimeout: options.connectionTimeout ?? options.timeout ?? 30_000,
    greetingTimeout: options.greetingTimeout ?? options.timeout ?? 30_000,
    socketTimeout: options.socketTimeout ?? options.timeout ?? 30_000,
    logger: false,
    debug: false,
  });
  // The message stream of each send, to tell "before DATA" from "after" when it fails.
  const streams = new Map<string, Readable>();
  transport.use('stream', (mail, done) => {
    const message = mail.message;
    const create = message.createReadStream.bind(message);
    message.createReadStream = (...args: Parameters<typeof create>) => {
      const stream = create(...args);
      streams.set(String(mail.data.messageId), stream);
      return stream;
    };
    done();
  });

  return {
    name: redactSmtpUrl(smtpUrl),
    async send(email: OutgoingEmail): Promise<SendOutcome> {
      try {
        const info = await transport.sendMail(email.raw ? rawMailOptions(email, email.raw) : toMailOptions(email));
        if (info.rejected?.length) return { status: 'failed', temporary: false, reason: redact(`rejected: ${String(info.response)}`) };
        return { status: 'sent', messageId: email.messageId, response: redact(String(info.response)) };
      } catch (error) {
        const stream = streams.get(email.messageId);
        return classifySendFailure(error as SendError, stream?.readableDidRead === true, redact);
      } finally {
        streams.delete(email.messageId);
      }
    },
    abort() {
      // Queued messages fail at once ("Connection pool was closed"); busy connections are cut.
      transport.close({ force: true });
    },
    async close() {
      transport.close();
    },
  };
}
