/**
 * Writing what an issue form asks for: new contact, referral and testimonial files (never over
 * one that exists) and edits in place (through the `yaml` Document API, as intake and the import
 * do). Everything written can be undone when the check finds problems with it. A logged touch is
 * appended to the history under the run lock.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileEdit, NewFile } from '../../core/forms/index.ts';
import type { HistoryEntry } from '../../core/model/index.ts';
import { changeContactFile } from './contacts-fs.ts';
import { openHistoryJournal } from './history-fs.ts';
import { takeRunLock } from './run-lock-fs.ts';

export type WrittenForm = { ok: true; paths: string[]; undo(): Promise<void> } | { ok: false; reason: string };

/** Writes the files; a refusal (a file of that name exists, a full disk) comes back as the reason. */
export async function writeFormFiles(
  contentDir: string,
  change: { create: readonly NewFile[]; edit: readonly FileEdit[] },
): Promise<WrittenForm> {
  // Loaded here, not above: the forms core brings the importer, which other commands never need.
  const { contentPath } = await import('../../core/forms/index.ts');
  const { stringify } = await import('yaml');
  const created: string[] = [];
  const before = new Map<string, string>();
  const undo = async () => {
    for (const file of created) await rm(file, { force: true });
    for (const [file, text] of before) await writeFile(file, text);
  };
  try {
    for (const file of change.create) {
      const target = path.join(contentDir, contentPath(file));
      await mkdir(path.dirname(target), { recursive: true });
      const yaml = stringify(file.data, { lineWidth: 100 });
      const text = file.folder === 'testimonials' ? `---\n${yaml}---\n${file.body ? `\n${file.body}\n` : ''}` : yaml;
      await writeFile(target, text, { flag: 'wx' });
      created.push(target);
    }
    for (const edit of change.edit) {
      if (!before.has(edit.file)) before.set(edit.file, await readFile(edit.file, 'utf8'));
      await changeContactFile(edit.file, edit.changes);
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!e.syscall) throw error;
    await undo();
    const why = e.code === 'EEXIST' ? `${e.path} exists already` : `${e.code} on ${e.path ?? contentDir}`;
    return { ok: false, reason: `could not write the change: ${why}` };
  }
  return { ok: true, paths: [...created, ...before.keys()], undo };
}

/** Appends one entry to its month's history file while holding the run lock, as `npm run log` does. */
export async function appendToHistory(
  historyDir: string,
  entry: HistoryEntry,
  command: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const lock = await takeRunLock(historyDir, command);
  if (!lock.ok) return { ok: false, reason: lock.message };
  try {
    const journal = await openHistoryJournal(historyDir, entry.due.slice(0, 7));
    await journal.append([entry], { durable: true }).finally(() => journal.close());
    return { ok: true };
  } finally {
    await lock.release();
  }
}
