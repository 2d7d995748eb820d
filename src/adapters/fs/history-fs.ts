/**
 * The history files: `history/<yyyy-mm>.jsonl`, one JSON entry a line, appended by the jobs.
 * A durable append is fsynced before it resolves: the send loop relies on that to flush a claim
 * before its message goes out; other appends are held briefly and written together. Entries name
 * contacts by id, never by address.
 */
import { mkdir, open, readdir, readFile, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { readHistory } from '../../core/content/index.ts';
import type { Journal } from '../../core/touches/index.ts';
import type { HistoryEntry } from '../../core/model/index.ts';
import type { Problem } from '../../core/problems/index.ts';

/**
 * Every history file in `historyDir`, in order (file names sort by month), and for each touch the
 * file (as a name without `.jsonl`) that holds its last entry: an entry that must follow it goes
 * at the end of that file.
 */
export async function readHistoryFiles(
  historyDir: string,
): Promise<{ entries: HistoryEntry[]; problems: Problem[]; lastFileOf: Map<string, string> }> {
  const names = (await historyFileNames(historyDir)).sort();
  const entries: HistoryEntry[] = [];
  const problems: Problem[] = [];
  const lastFileOf = new Map<string, string>();
  for (const name of names) {
    const file = path.join(historyDir, name);
    const read = readHistory({ path: file, text: await readFile(file, 'utf8') });
    for (const entry of read.entries) lastFileOf.set(entry.touch, name.slice(0, -'.jsonl'.length));
    entries.push(...read.entries);
    problems.push(...read.problems);
  }
  return { entries, problems, lastFileOf };
}

/**
 * The names of the history files in `historyDir`: ordinary files ending in `.jsonl`. A folder or
 * link by such a name, or a `history` that is not a folder, is left to the content check to report.
 */
async function historyFileNames(historyDir: string): Promise<string[]> {
  const entries = await readdir(historyDir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && e.name.endsWith('.jsonl')).map((e) => e.name);
}

export type HistoryJournal = Journal & { file: string; close(): Promise<void> };

/**
 * Cuts off an unfinished last line in each history file: a run killed in the middle of a write
 * leaves one, and it was never flushed as a whole, so nothing was sent on its account. Returns
 * the files repaired.
 */
export async function repairHistory(historyDir: string): Promise<string[]> {
  const repaired: string[] = [];
  for (const name of await historyFileNames(historyDir)) {
    const file = path.join(historyDir, name);
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size === 0) continue;
      // Read backwards to the last newline.
      let end = size;
      const chunk = Buffer.alloc(4096);
      let keep = 0;
      while (end > 0) {
        const start = Math.max(0, end - chunk.length);
        const { bytesRead } = await handle.read(chunk, 0, end - start, start);
        const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
        if (at >= 0) {
          keep = start + at + 1;
          break;
        }
        end = start;
      }
      if (keep === size) continue;
      await truncate(file, keep);
      repaired.push(file);
    } finally {
      await handle.close();
    }
  }
  return repaired;
}

/**
 * How long a non-durable entry (an outcome) may wait in memory before it is written. Outcomes
 * arrive one by one as the server replies, and a write for each cost more than rendering the
 * email; held here, they go out together with the next durable append (the next batch's claims),
 * or when this time is up, or on close. A crash in that window loses only outcome lines whose
 * claims are on disk already: those touches become `unknown` for the owner to check, and are
 * never sent again.
 */
const LINGER_MS = 10;

/** Opens `history/<month>.jsonl` for appending (`month` is `YYYY-MM`), creating it if needed. */
export async function openHistoryJournal(historyDir: string, month: string): Promise<HistoryJournal> {
  await mkdir(historyDir, { recursive: true });
  const file = path.join(historyDir, `${month}.jsonl`);
  const handle: FileHandle = await open(file, 'a');
  // A new file's name must survive a crash too: flush the folder once.
  const dir = await open(historyDir, 'r');
  await dir.sync().finally(() => dir.close());
  // Writes are chained so lines never interleave and keep the order of the appends.
  let queue: Promise<void> = Promise.resolve();
  let lines: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A failed write of held lines, reported by the next append or by close.
  let failed: { error: unknown } | undefined;

  /** Writes every line held so far in one write; `durable` also flushes the file to disk. */
  function flush(durable: boolean): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const text = lines.join('');
    lines = [];
    const run = queue.then(async () => {
      if (failed) throw failed.error;
      if (text) await handle.write(text);
      if (durable) await handle.datasync();
    });
    queue = run.catch((error: unknown) => {
      failed ??= { error };
    });
    return run;
  }

  return {
    file,
    /**
     * A durable append is written at once, with every line held before it, and resolves once
     * all of them are on disk. Any other append is held (see `LINGER_MS`) and resolves at once;
     * if its write fails, the next append or `close` rejects.
     */
    append(entries: readonly HistoryEntry[], options: { durable?: boolean } = {}) {
      for (const entry of entries) lines.push(`${JSON.stringify(entry)}\n`);
      if (options.durable) return flush(true);
      if (failed) return Promise.reject(failed.error);
      timer ??= setTimeout(() => void flush(false).catch(() => undefined), LINGER_MS);
      return Promise.resolve();
    },
    async close() {
      try {
        await flush(true);
      } finally {
        await handle.close();
      }
    },
  };
}
