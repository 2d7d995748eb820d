/**
 * Who really sent a message, checked at the edge, where the raw bytes and DNS are: the trusted
 * mailbox provider's Authentication-Results (RFC 8601), else the message's own DKIM signatures,
 * verified with mailauth. Either must vouch for the domain of the From address. A check that
 * cannot finish (DNS down or slow, a broken signature) gives no verdict: the message is unverified,
 * and the run goes on.
 */
import { Resolver } from 'node:dns/promises';
import type { IncomingMessage } from '../../core/intake/index.ts';

type Verified = NonNullable<IncomingMessage['verified']>;

/** mailauth's resolver hook: a name and a record type (TXT…) to the records; throws with a DNS code. */
export type DnsResolver = (name: string, type: string) => Promise<string[][] | string[]>;

export type SenderCheck = {
  /** `settings.intake.trustedAuthServId`: whose Authentication-Results are believed. */
  trustedAuthServId?: string;
  /** Where DKIM keys and DMARC records are looked up; the system's DNS when absent. */
  resolver?: DnsResolver;
};

/** Each DNS query gives up after this long; the whole check of one message after `CHECK_MS`. */
const DNS_QUERY_MS = 3000;
const CHECK_MS = 8000;

/**
 * The verdict for one message: `raw` as received, `from` its (lower-case) From address, `headers`
 * its header lines as mailparser read them.
 */
export async function verifySender(
  raw: Buffer | string,
  from: string | undefined,
  headers: readonly { key: string; line: string }[],
  check: SenderCheck,
): Promise<Verified | undefined> {
  const domain = from?.split('@').pop();
  if (!domain) return undefined;
  const trusted = check.trustedAuthServId ? await fromAuthResults(headers, check.trustedAuthServId, domain) : undefined;
  if (trusted) return trusted;
  if (!headers.some((h) => h.key === 'dkim-signature')) return undefined;
  return fromDkim(raw, domain, check.resolver);
}

/**
 * The topmost Authentication-Results written by the trusted provider (which removes any that
 * arrive claiming its name, RFC 8601 section 5): a DMARC or DKIM pass for the From domain.
 */
async function fromAuthResults(
  headers: readonly { key: string; line: string }[],
  id: string,
  domain: string,
): Promise<Verified | undefined> {
  const lines = headers.filter((h) => h.key === 'authentication-results');
  if (!lines.length) return undefined;
  const { default: parseHeader } = await import('mailauth/lib/parse-dkim-headers.js');
  const ours = lines
    .map((h) => parseHeader(h.line).parsed)
    .find((p) => p.value?.trim().split(/\s+/)[0]?.toLowerCase() === id.toLowerCase());
  if (!ours) return undefined;
  const results = (method: string) =>
    [ours[method] ?? []].flat().filter((r): r is Exclude<typeof r, string> => typeof r === 'object' && r.value?.toLowerCase() === 'pass');
  const same = (name: string | undefined) => name?.toLowerCase().replace(/^.*@/, '') === domain;
  const dmarc = results('dmarc').some((r) => r.header?.from === undefined || same(r.header.from));
  const dkim = results('dkim').some((r) => same(r.header?.d) || same(r.header?.i));
  return dmarc || dkim ? { how: 'authentication-results', domain } : undefined;
}

/** A DKIM signature that passes and is aligned with the From domain (as DMARC counts alignment). */
async function fromDkim(raw: Buffer | string, domain: string, resolver?: DnsResolver): Promise<Verified | undefined> {
  const system = resolver ? undefined : new Resolver({ timeout: DNS_QUERY_MS, tries: 1 });
  const resolve: DnsResolver = resolver ?? ((name, type) => system!.resolve(name, type) as Promise<string[][] | string[]>);
  let timer: NodeJS.Timeout | undefined;
  try {
    const { authenticate } = await import('mailauth');
    const checked = authenticate(raw, { resolver: resolve, disableArc: true, disableBimi: true, mta: 'referable-intake' });
    const timedOut = new Promise<undefined>((done) => {
      timer = setTimeout(() => done(undefined), CHECK_MS);
    });
    const result = await Promise.race([checked, timedOut]);
    const aligned = result?.dkim.results.some((r) => r.status.result === 'pass' && r.status.aligned);
    return aligned ? { how: 'dkim', domain } : undefined;
  } catch {
    // A message mailauth cannot read, or DNS that failed in a way it did not catch: no verdict.
    return undefined;
  } finally {
    clearTimeout(timer);
    system?.cancel();
  }
}
