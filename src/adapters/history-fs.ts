/**
 * The history files: `history/<yyyy-mm>.jsonl`, one JSON entry a line, appended by the jobs.
 * A durable append is fsynced before it resolves: the send loop relies on that to flush a claim
 * before its message goes out. Entries name contacts by id, never by address.
 */
import { mkdir, open, readdir, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Journal } from '../core/deliver.ts';
import type { HistoryEntry } from '../core/schema/index.ts';

export type HistoryJournal = Journal & { file: string; close(): Promise<void> };

/**
 * Cuts off an unfinished last line in each history file: a run killed in the middle of a write
 * leaves one, and it was never flushed as a whole, so nothing was sent on its account. Returns
 * the files repaired.
 */
export async function repairHistory(historyDir: string): Promise<string[]> {
  const names = await readdir(historyDir).catch(() => [] as string[]);
  const repaired: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.jsonl'))) {
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

/** Opens `history/<month>.jsonl` for appending (`month` is `YYYY-MM`), creating it if needed. */
export async function openHistoryJournal(historyDir: string, month: string): Promise<HistoryJournal> {
  await mkdir(historyDir, { recursive: true });
  const file = path.join(historyDir, `${month}.jsonl`);
  const handle: FileHandle = await open(file, 'a');
  // A new file's name must survive a crash too: flush the folder once.
  const dir = await open(historyDir, 'r');
  await dir.sync().finally(() => dir.close());
  let queue: Promise<void> = Promise.resolve();
  return {
    file,
    append(entries: readonly HistoryEntry[], options: { durable?: boolean } = {}) {
      // Appends are chained so lines never interleave; a durable one also flushes what came before.
      const run = queue.then(async () => {
        if (entries.length) await handle.write(entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
        if (options.durable) await handle.datasync();
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await queue;
      await handle.datasync();
      await handle.close();
    },
  };
}
