/**
 * The send journal's rules: what history says must not be sent, what a claim without an outcome
 * means, and the entries a send writes. Pure; `history-fs.ts` writes the entries to disk.
 *
 * A touch is claimed (and the claim flushed to disk) before its message goes out, then gets one
 * outcome. SMTP cannot promise exactly once, so the promise is at most once: a claim that never
 * got its outcome (the job died, the connection dropped after DATA) becomes `unknown`, is shown to
 * the owner, and is never sent again automatically.
 */
import type { HistoryEntry } from '../model/index.ts';
import { businessDayOf } from '../calendar/index.ts';
import type { DueTouch, SendOutcome, SkippedTouch } from './touch.ts';
import { because, type Reason } from '../reasons/index.ts';
import { tellsState } from './touch-history.ts';

/** Where history goes. `durable` appends resolve only once the entries are on disk. */
export type Journal = {
  append(entries: readonly HistoryEntry[], options?: { durable?: boolean }): Promise<void>;
};

/** The touch fields every history entry repeats. */
function base(touch: Pick<DueTouch, 'id' | 'contact' | 'plan' | 'step' | 'channel' | 'due'>, at: string) {
  return {
    at,
    touch: touch.id,
    contact: touch.contact,
    plan: touch.plan,
    step: touch.step,
    due: touch.due.toString(),
    channel: touch.channel,
  };
}

/** The last entry of each touch in `history` that tells where it stands (notes beside it are passed by). */
export function lastEntries(history: readonly HistoryEntry[]): Map<string, HistoryEntry> {
  const last = new Map<string, HistoryEntry>();
  for (const entry of history) if (tellsState(entry)) last.set(entry.touch, entry);
  return last;
}

/** Claims that an earlier run left without an outcome: each becomes `unknown`, written at `at`. */
export function resolveOpenClaims(history: readonly HistoryEntry[], at: string): HistoryEntry[] {
  const open: HistoryEntry[] = [];
  for (const entry of lastEntries(history).values()) {
    if (entry.event !== 'claimed') continue;
    const { event: _, at: __, ...rest } = entry;
    open.push({
      ...rest,
      event: 'unknown',
      at,
      ...because('ClaimWithoutOutcome'),
    });
  }
  return open;
}

/**
 * Why history forbids sending this touch now, or undefined when it may be sent. Only a touch with
 * no entry, whose last entry is a temporary failure, or whose claim was released, may be sent.
 */
export function heldByHistory(last: HistoryEntry | undefined): Reason | undefined {
  if (!last) return undefined;
  switch (last.event) {
    case 'released':
      return undefined;
    case 'failed':
      return last.temporary ? undefined : because('EarlierPermanentFailure', { failure: last.reason });
    case 'claimed':
    case 'unknown':
      return because('EarlierOutcomeUnknown');
    default:
      return because('AlreadyRecorded', { event: last.event });
  }
}

export function claimEntry(touch: DueTouch, at: string): HistoryEntry {
  return { event: 'claimed', ...base(touch, at) };
}

// Anything shaped like local@domain, bare or in angle brackets: servers echo recipients in their
// replies ("250 2.0.0 OK <ana@example.com>", "550 5.1.1 <x@y>: user unknown").
const ADDRESS = /[^\s<>()[\]{},;:"'@]+@[^\s<>()[\]{},;:"'@]*[^\s<>()[\]{},;:"'@.]/g;

/**
 * `text` with every email address replaced by `[address]`. History names contacts by id, never by
 * address, and it is committed to the repository: a server's reply must not bring addresses in.
 * `keep` is left as it is (the touch's own Message-ID, which names no one).
 */
export function withoutAddresses(text: string, keep?: string): string {
  const kept = keep?.replace(/^<|>$/g, '');
  return text.replace(ADDRESS, (found) => (found === kept ? found : '[address]'));
}

/**
 * The reply a send through Amazon SES records: SES's id for the message. SES replaces the email's
 * Message-ID with `<id@region.amazonses.com>`, so a reply names this id, which `sesIdOf` reads back.
 */
export function sesSentResponse(id: string | undefined): string {
  return `SES message ${id ?? '(no id)'}`;
}

/** The SES id that a `sent` entry's response records, if it went through SES. */
export function sesIdOf(response: string | undefined): string | undefined {
  return /^SES message ([\w.-]+)$/.exec(response ?? '')?.[1];
}

/** The entry that records how a send ended. Replies and reasons are written without addresses. */
export function outcomeEntry(touch: DueTouch, outcome: SendOutcome, at: string): HistoryEntry {
  const b = base(touch, at);
  switch (outcome.status) {
    case 'sent': {
      const response = outcome.response ? withoutAddresses(outcome.response, outcome.messageId) : '';
      return { event: 'sent', ...b, messageId: outcome.messageId, ...(response ? { response } : {}) };
    }
    case 'failed':
      return {
        event: 'failed',
        ...b,
        ...because(outcome.temporary ? 'SendFailedTemporarily' : 'SendFailedPermanently', { detail: withoutAddresses(outcome.reason) }),
        temporary: outcome.temporary,
      };
    case 'unknown':
      return { event: 'unknown', ...b, ...because('SendOutcomeUnknown', { detail: withoutAddresses(outcome.reason) }) };
    case 'not-sent':
      return { event: 'released', ...b, reason: withoutAddresses(outcome.reason) || 'no reason given' };
  }
}

/** A touch that will not be sent, recorded so it is not planned again (without addresses, as above). */
export function skippedEntry(touch: SkippedTouch, event: 'skipped' | 'missed', at: string): HistoryEntry {
  const rest = { ...base(touch, at), reason: withoutAddresses(touch.reason), code: touch.code };
  // One literal per event: TypeScript cannot check the union of both against the entry's union.
  return event === 'skipped' ? { event, ...rest } : { event, ...rest };
}

/**
 * Emails claimed on the business day `day`, less the claims released that day (their message
 * never left): what counts against `limits.perDay`.
 */
export function emailsClaimedOn(history: readonly HistoryEntry[], day: Temporal.PlainDate, timeZone: string): number {
  const text = day.toString();
  let n = 0;
  for (const entry of history) {
    if (entry.channel !== 'email' || (entry.event !== 'claimed' && entry.event !== 'released')) continue;
    if (businessDayOf(entry.at, timeZone) === text) n += entry.event === 'claimed' ? 1 : -1;
  }
  return Math.max(0, n);
}

/**
 * Touches whose outcome is unknown and not yet settled by the owner: the last entry of each is
 * `unknown`. Every run lists them until `npm run settle` records what happened.
 */
export function unsettledUnknowns(history: readonly HistoryEntry[]): HistoryEntry[] {
  return [...lastEntries(history).values()].filter((e) => e.event === 'unknown');
}
