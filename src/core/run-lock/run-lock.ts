/**
 * The run lock's rules: who may take the lock on a content folder's history. Two runs never
 * overlap; a lock left by a run that died on this machine is taken over; a lock from another
 * machine is reported and never broken, since no one here can tell whether that run is alive.
 * `run-lock-fs.ts` holds the file; this decides.
 */

/** What the lock file records about the run that holds it. */
export type LockHolder = {
  pid: number;
  host: string;
  /** When the run took the lock, ISO 8601. */
  since: string;
  /** The command that holds it: `npm run daily`, `npm run intake`, `npm run settle`. */
  command: string;
};

/** Whether a run may take a lock held as `holder`, and the one line the owner sees. */
export type LockVerdict = { take: true; message: string } | { take: false; message: string };

/**
 * `holder` is what the lock file says, or undefined when it cannot be read; `where` names the
 * lock file in messages; `isRunning` tells whether a process id is alive on this machine.
 */
export function judgeLock(
  holder: LockHolder | undefined,
  here: { host: string; where: string; isRunning: (pid: number) => boolean },
): LockVerdict {
  if (!holder)
    return {
      take: false,
      message: `Another run may hold ${here.where}, which cannot be read: this run did nothing. If no run is going, delete ${here.where} and run again.`,
    };
  const who = `${holder.command} (pid ${holder.pid} on ${holder.host}) since ${holder.since}`;
  if (holder.host !== here.host)
    return {
      take: false,
      message: `Another run holds ${here.where}: ${who}, on another machine, so it is not broken from here: this run did nothing. If no run is going there, delete ${here.where} and run again.`,
    };
  if (here.isRunning(holder.pid))
    return {
      take: false,
      message: `Another run holds ${here.where}: ${who}. This run did nothing: run it again once that one has finished.`,
    };
  return { take: true, message: `Took over ${here.where} from ${who}, which is no longer running.` };
}

/** Reads a lock file's text; undefined when it is not a lock this version wrote. */
export function parseLockHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    const ok =
      Number.isInteger(value.pid) && typeof value.host === 'string' && typeof value.since === 'string' && typeof value.command === 'string';
    return ok ? (value as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}
