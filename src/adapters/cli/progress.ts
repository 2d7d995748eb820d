/**
 * Progress through a long send. On an interactive terminal, one line rewritten in place; in CI
 * (stdout not a terminal) a plain line every tenth of the way, so logs stay readable. Short runs
 * print nothing.
 */
import type { TouchResult } from '../../core/daily/index.ts';

export type Progress = { start(total: number): void; step(result: TouchResult): void; done(): void };

/** Runs with fewer emails than this show no progress. */
const LONG_RUN = 200;

export function createProgress(stream: NodeJS.WriteStream = process.stdout): Progress {
  const tty = stream.isTTY === true;
  let total = 0;
  let handled = 0;
  let failed = 0;
  let every = 0;
  let shown = false;
  const line = () => `Sending emails: ${handled} of ${total}${failed ? `, ${failed} not sent` : ''}`;
  return {
    start(n) {
      total = n;
      every = Math.max(1, Math.ceil(n / 10));
    },
    step(result) {
      if (total < LONG_RUN) return;
      handled++;
      if (result.outcome.status !== 'sent') failed++;
      if (tty) {
        // Rewrites at most a few hundred times a run, however long it is.
        if (handled % Math.max(1, Math.floor(total / 500)) === 0 || handled === total) {
          stream.write(`\r${line()}\u001b[K`);
          shown = true;
        }
      } else if (handled % every === 0 && handled < total) {
        stream.write(`${line()}\n`);
      }
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
