/**
 * The build pool: MIME messages built on worker threads (piscina) while the main thread claims,
 * sends and records. Building a message is most of nodemailer's CPU per email; handed the bytes,
 * the transport only writes them to the wire. Worker threads take tens of milliseconds to start
 * and load nodemailer, so a run with few emails builds them where it sends them.
 */
import { availableParallelism } from 'node:os';
import type { SendMailOptions } from 'nodemailer';
import type { MessageBuilder, OutgoingEmail } from '../../core/email/index.ts';
import type { BuiltBatch } from './build-worker.ts';
import { toMailOptions } from './mail-options.ts';

/** Below this many emails a run builds each message in the sending thread. */
const POOL_FROM_EMAILS = 200;

export type BuildPoolOptions = {
  /** Worker threads; by default one fewer than the cores, as the main thread sends. */
  threads?: number;
};

/**
 * A builder of message bytes on worker threads; `ready` settles once a thread can build (or
 * could not start, and the sending thread goes on building everything).
 */
export function createBuildPool(options: BuildPoolOptions = {}): MessageBuilder & { ready: Promise<void> } {
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  // Loaded here, not with the module: only a run with many emails pays for piscina.
  const pool = import('piscina').then(
    ({ Piscina }) =>
      new Piscina<readonly SendMailOptions[], BuiltBatch>({
        filename: new URL('./build-worker.ts', import.meta.url).href,
        minThreads: threads,
        maxThreads: threads,
        // Workers wait for tasks on their event loop: waiting with Atomics cost the sending thread
        // about a tenth more CPU per email in `npm run bench -- email`.
        atomics: 'disabled',
      }),
  );
  // Until a thread has started and loaded nodemailer, the sending thread builds: the first
  // batches never wait for the pool.
  let warm = false;
  let closed: Promise<void> | undefined;
  const ready = pool
    .then((p) => p.run([]))
    .then(
      () => {
        warm = true;
      },
      () => {},
    );
  return {
    ready,
    async build(emails: readonly OutgoingEmail[]) {
      if (!warm) return emails.map(() => undefined);
      try {
        const { bytes, ends } = await (await pool).run(emails.map(toMailOptions));
        // Views into the one buffer the thread moved here; no message is copied.
        return ends.map((end, i) => {
          const start = i ? ends[i - 1] : 0;
          return end > start ? bytes.subarray(start, end) : undefined;
        });
      } catch {
        // A thread that died, or a message that cannot cross to it: the delivery builds these.
        return emails.map(() => undefined);
      }
    },
    // Closing twice (the run after sending, the command at its end) closes once.
    close: () => (closed ??= pool.then((p) => p.close())),
  };
}

/**
 * A build pool that may start before the run knows how many emails it sends: `startFor(contacts)`,
 * called once the content is read, starts the threads when the contacts could bring enough
 * emails to repay them (see `POOL_FROM_EMAILS`), so they load nodemailer while the sending thread
 * plans; `builderFor(emails)` then gives the pool to a run that sends that many (starting it then
 * if it has not), or none; `close` stops it, used or not.
 */
export function buildPoolAhead(options: BuildPoolOptions = {}) {
  let pool: ReturnType<typeof createBuildPool> | undefined;
  return {
    startFor(contacts: number) {
      if (contacts >= POOL_FROM_EMAILS) pool ??= createBuildPool(options);
    },
    builderFor(emails: number): MessageBuilder | undefined {
      if (emails < POOL_FROM_EMAILS) return undefined;
      pool ??= createBuildPool(options);
      return pool;
    },
    close: async () => pool?.close(),
  };
}
