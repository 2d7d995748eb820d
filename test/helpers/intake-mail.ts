/**
 * Messages as mail programs and servers send them back, built with nodemailer: replies with
 * quoted history and a signature, unsubscribe requests, and RFC 3464 delivery status
 * notifications (multipart/report, built from nodemailer's MimeNode); DKIM signatures by mailauth.
 */
import type { KeyObject } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import MimeNode from 'nodemailer/lib/mime-node';

export type MailFields = {
  from: string;
  to: string;
  subject: string;
  text: string;
  date?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
};

/** The raw RFC 5322 bytes of a plain message. */
export async function buildMail(fields: MailFields): Promise<Buffer> {
  return new MailComposer({
    from: fields.from,
    to: fields.to,
    subject: fields.subject,
    text: fields.text,
    date: new Date(fields.date ?? '2026-11-04T10:15:00Z'),
    ...(fields.messageId ? { messageId: fields.messageId } : {}),
    ...(fields.inReplyTo ? { inReplyTo: fields.inReplyTo } : {}),
    ...(fields.references ? { references: fields.references } : {}),
    ...(fields.headers ? { headers: fields.headers } : {}),
  })
    .compile()
    .build();
}

export type Bounce = {
  recipient: string;
  /** RFC 3463 enhanced status: 5.x.x permanent, 4.x.x temporary. */
  status: string;
  action: 'failed' | 'delayed';
  diagnostic: string;
  /** The Message-ID of the message that bounced. */
  original: string;
  messageId: string;
};

/** A delivery status notification as Postfix writes one. */
export async function buildBounce(b: Bounce): Promise<Buffer> {
  const original = await buildMail({
    from: 'Maya Okafor <maya@harbourhill.example>',
    to: b.recipient,
    subject: 'News from the harbour',
    text: 'Hello',
    messageId: b.original,
    date: '2026-11-04T09:00:00Z',
  });
  const root = new MimeNode('multipart/report; report-type=delivery-status');
  root.setHeader({
    from: 'Mail Delivery System <MAILER-DAEMON@mx.harbourhill.example>',
    to: 'maya@harbourhill.example',
    subject: b.action === 'failed' ? 'Undelivered Mail Returned to Sender' : 'Delayed Mail (still being retried)',
    'message-id': b.messageId,
    date: 'Wed, 04 Nov 2026 09:01:00 +0000',
    'auto-submitted': 'auto-replied',
  });
  root
    .createChild('text/plain')
    .setContent(
      `This is the mail system at host mx.harbourhill.example.\n\n${b.action === 'failed' ? "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients." : 'Your message could not be delivered yet; the mail system will keep trying.'}\n`,
    );
  root.createChild('message/delivery-status').setContent(
    [
      'Reporting-MTA: dns; mx.harbourhill.example',
      'X-Postfix-Queue-ID: 4F9B21C0A2',
      'Arrival-Date: Wed,  4 Nov 2026 09:00:58 +0000 (UTC)',
      '',
      `Final-Recipient: rfc822; ${b.recipient}`,
      `Original-Recipient: rfc822;${b.recipient}`,
      `Action: ${b.action}`,
      `Status: ${b.status}`,
      'Remote-MTA: dns; mail.example.com',
      // Folded at a space, as servers fold long fields.
      `Diagnostic-Code: smtp; ${b.diagnostic.slice(0, b.diagnostic.indexOf(' ', 40))}`,
      `    ${b.diagnostic.slice(b.diagnostic.indexOf(' ', 40) + 1)}`,
      ...(b.action === 'delayed' ? ['Will-Retry-Until: Wed, 9 Nov 2026 09:00:58 +0000 (UTC)'] : []),
      '',
    ].join('\r\n'),
  );
  root.createChild('message/rfc822').setContent(original);
  return root.build();
}

/** The Message-ID the daily job gives a touch (see touchMessageId). */
export const touchMessageId = (touch: string) => `<${touch}@harbourhill.example>`;

/**
 * `raw` with a DKIM signature of `domain` added at the top, as the sender's mail server adds it;
 * the key's public half must be found at `selector._domainkey.domain` (see `dkimKeyRecord`).
 */
export async function signDkim(raw: Buffer, domain: string, selector: string, privateKey: KeyObject): Promise<Buffer> {
  const { dkimSign } = await import('mailauth');
  const key = { signingDomain: domain, selector, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) };
  // mailauth signs with each entry of signatureData; its types also ask for the key at the top.
  const signed = await dkimSign(raw, { ...key, signatureData: [key] });
  if (!signed.signatures) throw new Error(`could not sign: ${signed.errors.map((e) => e.err.message).join('; ')}`);
  return Buffer.concat([Buffer.from(signed.signatures), raw]);
}

/** The DNS TXT record that publishes a DKIM public key. */
export const dkimKeyRecord = (publicKey: KeyObject) =>
  `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
