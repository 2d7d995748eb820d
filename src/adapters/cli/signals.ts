import { constants } from 'node:os';

export type StopSignals = {
  /** Runs `cleanup` on SIGTERM or SIGINT, after those added later. */
  add(cleanup: () => Promise<void>): void;
  /** The run is over: signals are the default again. */
  dispose(): void;
};

/**
 * On SIGTERM or SIGINT (a cancelled workflow, Ctrl-C): prints `say(signal)`, runs the cleanups
 * (flush what has been learned, release the lock), and exits with 128 + the signal's number,
 * as a shell reports a process ended by that signal.
 */
export function stopCleanlyOnSignals(say: (signal: NodeJS.Signals) => string): StopSignals {
  const cleanups: (() => Promise<void>)[] = [];
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(say(signal));
    void (async () => {
      for (const cleanup of cleanups.toReversed()) await cleanup().catch(() => undefined);
      process.exit(128 + constants.signals[signal as keyof typeof constants.signals]);
    })();
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return {
    add: (cleanup) => void cleanups.push(cleanup),
    dispose() {
      process.off('SIGTERM', handler);
      process.off('SIGINT', handler);
    },
  };
}
