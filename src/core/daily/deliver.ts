/**
 * The send loop: claim, send, record. Each batch's claims are flushed to disk in one write before
 * any of its messages goes out, so a run killed at any instant leaves every touch either with an
 * outcome or with a claim (which the next run turns into `unknown`), never sent twice. While one
 * batch is on the wire the next is rendered and claimed, so the SMTP pool is never idle waiting
 * for a disk flush; at most two batches are ever claimed and unanswered, which bounds the touches
 * a crash can leave unknown. A fault beyond one recipient (the account, TLS, a server out of reach,
 * or too many timeouts in a row: see `nextBreaker`) stops the loop: no further batch is claimed,
 * the sends still open are given up, and claims whose message never left are released. With a
 * `MessageBuilder`, the next batches' bytes are built on other threads while this one is claimed
 * and sent; building is not claiming, so a batch built and never claimed is simply not sent. No
 * `node:*` here: the journal, the delivery and the builder are given.
 */
import type { Delivery, MessageBuilder, OutgoingEmail } from '../email/index.ts';
import { type SendOutcome, claimEntry, eachMember, outcomeEntry, skippedEntry, type Journal, type DueTouch } from '../touches/index.ts';
import type { HistoryEntry } from '../model/index.ts';
import type { Reason } from '../reasons/index.ts';
import { nextBreaker, type Breaker, type SendingStop } from '../sending/index.ts';

/** A touch made ready to send, or why not: `record` says whether the reason settles it in history. */
export type Prepared = { ok: true; email: OutgoingEmail } | ({ ok: false; record: boolean } & Reason);

export type TouchResult = { touch: DueTouch; outcome: SendOutcome };
export type HeldTouch = { touch: DueTouch; recorded: boolean } & Reason;

export type DeliverOptions = {
  touches: readonly DueTouch[];
  prepare: (touch: DueTouch) => Prepared;
  delivery: Delivery;
  journal: Journal;
  /** The moment written on each entry, ISO 8601. */
  now: () => string;
  /** Touches claimed together; at most two batches' worth are ever claimed and unanswered. */
  batchSize?: number;
  /** Timeouts or lost connections in a row that stop the loop (settings.sending.stopAfter). */
  stopAfter?: number;
  /** Builds the messages' bytes ahead, off the sending thread; without it the delivery builds each. */
  builder?: MessageBuilder;
  onResult?: (result: TouchResult) => void;
};

type Batch = { ready: { touch: DueTouch; email: OutgoingEmail }[]; held: HeldTouch[]; skips: HistoryEntry[] };

/** Batches built ahead of the one being sent, when a builder is given. */
const BUILT_AHEAD = 2;

export type DeliverReport = {
  results: TouchResult[];
  held: HeldTouch[];
  /** Why the loop stopped sending before the end, if it did. */
  stopped?: SendingStop;
  /** Touches never claimed because the loop stopped: not recorded, sent by a later run. */
  unsent: DueTouch[];
};

export async function deliverEmails(options: DeliverOptions): Promise<DeliverReport> {
  const { touches, prepare, delivery, journal, now } = options;
  const size = Math.max(1, options.batchSize ?? 20);
  const results: TouchResult[] = [];
  const held: HeldTouch[] = [];
  let breaker: Breaker = { streak: 0, limit: Math.max(1, options.stopAfter ?? 3) };
  let stopped: SendingStop | undefined;
  // Sends claimed and not yet answered, and a wake-up for the loop waiting on them.
  let open = 0;
  let wake: (() => void) | undefined;
  let failure: { error: unknown } | undefined;
  const answered = () => {
    open--;
    wake?.();
  };
  const openAtMost = async (n: number) => {
    while (open > n) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    if (failure) throw failure.error;
  };

  // Batches prepared (and built, with a builder) but not yet claimed, in order.
  const ahead: Promise<Batch>[] = [];
  let next = 0;
  const prepareUpTo = (count: number) => {
    while (ahead.length < count && next < touches.length) {
      const batch = prepareBatch(touches.slice(next, next + size), prepare, now, options.builder);
      // Awaited in turn below; a batch left behind when the loop stops must not count as unhandled.
      batch.catch(() => {});
      ahead.push(batch);
      next += size;
    }
  };

  let start = 0;
  for (; start < touches.length && !stopped; start += size) {
    prepareUpTo(1);
    const { ready, skips, held: heldHere } = await (ahead.shift() as Promise<Batch>);
    held.push(...heldHere);
    // The following batches are built while this one is claimed and on the wire.
    if (options.builder) prepareUpTo(BUILT_AHEAD);
    const at = now();
    // The invariant: a claim is on disk before its message leaves.
    await journal.append([...skips, ...ready.flatMap(({ touch }) => eachMember(touch).map((one) => claimEntry(one, at)))], {
      durable: true,
    });
    for (const { touch, email } of ready) {
      open++;
      delivery
        .send(email)
        .then(async (answer) => {
          // Once the loop has stopped and cut the open sends, a connection lost before DATA is
          // the stop's doing, not the touch's: the message never left.
          const outcome: SendOutcome =
            stopped && answer.status === 'failed' && answer.fault ? { status: 'not-sent', reason: answer.reason } : answer;
          const next = nextBreaker(breaker, outcome);
          breaker = next.breaker;
          if (next.stop && !stopped) {
            stopped = next.stop;
            delivery.abort();
          }
          const when = now();
          await journal.append(eachMember(touch).map((one) => outcomeEntry(one, outcome, when)));
          const result = { touch, outcome };
          results.push(result);
          options.onResult?.(result);
        })
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(answered);
    }
    // The next batch is claimed as soon as a batch's worth of sends has answered, whichever
    // they are, so one slow message does not leave the pool idle.
    await openAtMost(size);
  }
  await openAtMost(0);
  return { results, held, unsent: stopped ? touches.slice(start) : [], ...(stopped ? { stopped } : {}) };
}

/** Makes one batch ready: each touch prepared (or held, with why), then built by the builder if any. */
async function prepareBatch(
  touches: readonly DueTouch[],
  prepare: DeliverOptions['prepare'],
  now: () => string,
  builder?: MessageBuilder,
): Promise<Batch> {
  const batch: Batch = { ready: [], held: [], skips: [] };
  for (const touch of touches) {
    const prepared = prepare(touch);
    if (prepared.ok) {
      batch.ready.push({ touch, email: prepared.email });
      continue;
    }
    const { code, reason } = prepared;
    batch.held.push({ touch, code, reason, recorded: prepared.record });
    if (prepared.record) for (const one of eachMember(touch)) batch.skips.push(skippedEntry({ ...one, code, reason }, 'skipped', now()));
  }
  if (!builder || !batch.ready.length) return batch;
  const raws = await builder.build(batch.ready.map((r) => r.email));
  batch.ready = batch.ready.map((r, i) => {
    const raw = raws[i];
    return raw ? { touch: r.touch, email: { ...r.email, raw } } : r;
  });
  return batch;
}
