/**
 * Delivery status notifications (RFC 3464): the `message/delivery-status` part of a bounce, read
 * into one entry per recipient. Pure text in, data out.
 */

/** What a mail server reported about one recipient. */
export type RecipientStatus = {
  /** The address that failed, lower-cased: Final-Recipient, or Original-Recipient when absent. */
  address: string;
  /** `failed`, `delayed`, `delivered`, `relayed` or `expanded`. */
  action: string;
  /** The enhanced status code (RFC 3463), like `5.1.1`; empty when the report gives none. */
  status: string;
  /** The server's own words: `smtp; 550 5.1.1 User unknown`. */
  diagnostic: string;
  /** `permanent` for 5.x.x, `temporary` for 4.x.x (or a delay), `none` for a success report. */
  kind: 'permanent' | 'temporary' | 'none';
};

/** Reads the text of a `message/delivery-status` part. Recipients without an address are dropped. */
export function parseDeliveryStatus(text: string): RecipientStatus[] {
  const [, ...recipients] = fieldGroups(text);
  const out: RecipientStatus[] = [];
  for (const fields of recipients) {
    const address = addressOf(fields.get('final-recipient')) || addressOf(fields.get('original-recipient'));
    if (!address) continue;
    const action = (fields.get('action') ?? '').toLowerCase();
    const status = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(fields.get('status') ?? '')?.[1] ?? '';
    out.push({ address, action, status, diagnostic: fields.get('diagnostic-code') ?? '', kind: kindOf(action, status) });
  }
  return out;
}

function kindOf(action: string, status: string): RecipientStatus['kind'] {
  if (status.startsWith('5')) return 'permanent';
  if (status.startsWith('4') || action === 'delayed') return 'temporary';
  if (action === 'failed') return 'permanent';
  return 'none';
}

/** `rfc822; Ana@Example.com` gives `ana@example.com`. */
function addressOf(value: string | undefined): string {
  if (!value) return '';
  const address = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  return address.trim().replace(/^<|>$/g, '').toLowerCase();
}

/** Header-style field groups separated by blank lines; folded lines joined, names lower-cased. */
function fieldGroups(text: string): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  let current: Map<string, string> | undefined;
  let last: string | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) {
      current = undefined;
      continue;
    }
    if (/^[ \t]/.test(line) && current && last) {
      current.set(last, `${current.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 1) continue;
    if (!current) groups.push((current = new Map()));
    last = line.slice(0, colon).trim().toLowerCase();
    if (!current.has(last)) current.set(last, line.slice(colon + 1).trim());
  }
  return groups;
}

/** The Message-ID of the returned message, when the report names it (Gmail's `X-Original-Message-ID`). */
export function reportedMessageId(text: string): string | undefined {
  const [fields] = fieldGroups(text);
  return /<[^<>\s]+>/.exec(fields?.get('x-original-message-id') ?? '')?.[0];
}
