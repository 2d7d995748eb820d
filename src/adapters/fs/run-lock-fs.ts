/**
 * The run lock on disk: `history/.lock`, holding the pid, host, start time and command of the
 * run that holds it. The file appears whole or not at all: it is written under a name of its own
 * and then hard-linked into place, which fails if a lock is there (as `open(…, 'wx')` would, but
 * with no instant at which another run can read a half-written lock). `judgeLock` decides what
 * to do with a lock found there.
 */
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { judgeLock, parseLockHolder, type LockHolder } from '../../core/run-lock/index.ts';

const LOCK_FILE = '.lock';

/** The lock, taken (with a line to show if it was taken over), or the line saying who holds it. */
export type RunLock = { ok: true; notice?: string; release(): Promise<void> } | { ok: false; message: string };

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Reads the lock at `file`: its holder, `gone` when there is none, undefined when unreadable. */
async function readHolder(file: string): Promise<LockHolder | 'gone' | undefined> {
  try {
    return parseLockHolder(await readFile(file, 'utf8'));
  } catch (error) {
    if (code(error) === 'ENOENT') return 'gone';
    throw error;
  }
}

/** Takes the lock on `historyDir` for `command` (`npm run daily`), before anything is written there. */
export async function takeRunLock(historyDir: string, command: string): Promise<RunLock> {
  try {
    await mkdir(historyDir);
  } catch (error) {
    // No content folder: nothing can be written there, and the command says so itself.
    if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return { ok: true, release: async () => {} };
    if (code(error) !== 'EEXIST') throw error;
  }
  const file = path.join(historyDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), command };
  const own = `${file}.${process.pid}`;
  try {
    await writeFile(own, `${JSON.stringify(mine)}\n`);
  } catch (error) {
    // `history` is a file, not a folder: nothing can be written there, and the content check says so.
    if (code(error) === 'ENOTDIR') return { ok: true, release: async () => {} };
    throw error;
  }
  let notice: string | undefined;
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(own, file);
        return { ok: true, ...(notice ? { notice } : {}), release: () => releaseLock(file, mine) };
      } catch (error) {
        if (code(error) !== 'EEXIST') throw error;
      }
      const holder = await readHolder(file);
      if (holder === 'gone') continue;
      const verdict = judgeLock(holder, { host: mine.host, where: file, isRunning });
      if (!verdict.take) return { ok: false, message: verdict.message };
      if (await setAside(file, holder)) notice = verdict.message;
    }
    return { ok: false, message: `${file} keeps changing hands: another run is starting. This run did nothing.` };
  } finally {
    await unlink(own).catch(() => undefined);
  }
}

/**
 * Removes the dead run's lock, and only that one: it is renamed away first (atomic), and if what
 * was renamed turns out to be a newer lock (another run took over in between), it is put back.
 */
async function setAside(file: string, dead: LockHolder | undefined): Promise<boolean> {
  const aside = `${file}.stale-${process.pid}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if (code(error) === 'ENOENT') return false;
    throw error;
  }
  const moved = await readHolder(aside);
  const same = typeof moved === 'object' && dead && moved.pid === dead.pid && moved.since === dead.since;
  if (!same) await link(aside, file).catch(() => undefined);
  await unlink(aside);
  return same === true;
}

/** Removes the lock if it is still this run's. */
async function releaseLock(file: string, mine: LockHolder): Promise<void> {
  const holder = await readHolder(file).catch(() => undefined);
  if (typeof holder === 'object' && holder.pid === mine.pid && holder.since === mine.since) await unlink(file).catch(() => undefined);
}
