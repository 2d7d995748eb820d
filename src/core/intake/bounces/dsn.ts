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

/**
 * Reads the text of a `message/delivery-status` part. Recipients without an address are dropped.
 * Each recipient's fields start at its Final-Recipient or Original-Recipient, with or without the
 * blank line RFC 3464 puts between them (not every server writes it).
 */
export function parseDeliveryStatus(text: string): RecipientStatus[] {
  const out: RecipientStatus[] = [];
  for (const fields of recipientFields(text)) {
    const address = addressOf(fields.get('final-recipient')) || addressOf(fields.get('original-recipient'));
    if (!address) continue;
    const action = (fields.get('action') ?? '').toLowerCase();
    const status = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(fields.get('status') ?? '')?.[1] ?? '';
    out.push({ address, action, status, diagnostic: fields.get('diagnostic-code') ?? '', kind: kindOf(action, status) });
  }
  return out;
}

const NAMES_RECIPIENT = new Set(['final-recipient', 'original-recipient']);

/** The fields of each recipient, in order; the report's own fields (Reporting-MTA…) are left out. */
function recipientFields(text: string): Map<string, string>[] {
  const recipients: Map<string, string>[] = [];
  for (const group of fieldGroups(text)) {
    let current: Map<string, string> | undefined;
    // Fields written before the group's first recipient field are that recipient's (Facebook).
    const before = new Map<string, string>();
    for (const [name, value] of group) {
      const opens = NAMES_RECIPIENT.has(name) && (!current || current.has(name) || current.has('action') || current.has('status'));
      if (opens) recipients.push((current = new Map(current ? [] : before)));
      const fields = current ?? before;
      if (!fields.has(name)) fields.set(name, value);
    }
  }
  return recipients;
}

function kindOf(action: string, status: string): RecipientStatus['kind'] {
  if (status.startsWith('5')) return 'permanent';
  if (status.startsWith('4') || action === 'delayed') return 'temporary';
  if (action === 'failed') return 'permanent';
  return 'none';
}

/**
 * `rfc822; Ana@Example.com` gives `ana@example.com`; so do `<Ana@Example.com>`, a source route
 * (`@relay.example:ana@example.com`) and a comment. A pipe (`|/usr/bin/procmail`), a file or
 * anything else that is no address gives ''.
 */
function addressOf(value: string | undefined): string {
  if (!value) return '';
  const raw = (value.includes(';') ? value.slice(value.indexOf(';') + 1) : value).replace(/\([^()]*\)/g, '').trim();
  const address = (/<([^<>]*)>/.exec(raw)?.[1] ?? raw)
    .trim()
    .replace(/^@[^:]*:/, '')
    .toLowerCase();
  return /^[^\s|/"@][^\s@]*@[^\s@]+\.[^\s@]+$/.test(address) ? address : '';
}

/** Header-style field groups separated by blank lines, each its fields in order; folded lines joined, names lower-cased. */
function fieldGroups(text: string): [string, string][][] {
  const groups: [string, string][][] = [];
  let current: [string, string][] | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) {
      current = undefined;
      continue;
    }
    const last = current?.at(-1);
    if (/^[ \t]/.test(line) && last) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 1) continue;
    if (!current) groups.push((current = []));
    current.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return groups;
}

/** The Message-ID of the returned message, when the report names it (Gmail's `X-Original-Message-ID`). */
export function reportedMessageId(text: string): string | undefined {
  const field = fieldGroups(text)
    .flat()
    .find(([name]) => name === 'x-original-message-id');
  return /<[^<>\s]+>/.exec(field?.[1] ?? '')?.[0];
}
