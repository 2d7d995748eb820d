import { mkdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHistoryJournal, repairHistory } from './history-fs.ts';
import { readHistory } from '../../core/content/index.ts';
import type { HistoryEntry } from '../../core/model/index.ts';
import { removeTree, writeTree } from '../../../test/helpers/temp-dir.ts';

let dir = '';
afterEach(() => removeTree(dir));

const entry = (n: number): HistoryEntry => ({
  event: 'claimed',
  at: '2026-11-03T09:00:00Z',
  touch: `c${n}.p.s.2026-11-03`,
  contact: `c${n}`,
  plan: 'p',
  step: 's',
  due: '2026-11-03',
  channel: 'email',
});

describe('history files', () => {
  it('appends entries as JSON lines that read back the same, in order', async () => {
    dir = await writeTree({});
    const journal = await openHistoryJournal(path.join(dir, 'history'), '2026-11');
    await Promise.all([journal.append([entry(1), entry(2)], { durable: true }), journal.append([entry(3)])]);
    await journal.close();
    const text = await readFile(path.join(dir, 'history', '2026-11.jsonl'), 'utf8');
    expect(readHistory({ path: 'history/2026-11.jsonl', text })).toEqual({ entries: [entry(1), entry(2), entry(3)], problems: [] });
  });

  it('writes held outcomes before the claims of a later durable append, in the order appended', async () => {
    dir = await writeTree({});
    const journal = await openHistoryJournal(path.join(dir, 'history'), '2026-11');
    await journal.append([entry(1)]);
    await journal.append([entry(2)]);
    await journal.append([entry(3), entry(4)], { durable: true });
    // On disk now, before close: a crash from here on keeps all four.
    const text = await readFile(journal.file, 'utf8');
    expect(readHistory({ path: 'history/2026-11.jsonl', text }).entries).toEqual([entry(1), entry(2), entry(3), entry(4)]);
    await journal.close();
  });

  it('writes held outcomes by themselves when no durable append follows', async () => {
    dir = await writeTree({});
    const journal = await openHistoryJournal(path.join(dir, 'history'), '2026-11');
    await journal.append([entry(1)]);
    // As a job stalled on a slow server: nothing else is appended, and the line still reaches the file.
    let text = '';
    while (!text) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      text = await readFile(journal.file, 'utf8');
    }
    expect(text).toBe(`${JSON.stringify(entry(1))}\n`);
    await journal.close();
  });

  it('reports a failed write on the next append and on close, and writes nothing more', async () => {
    dir = await writeTree({});
    // /dev/full takes the file open and refuses every write with ENOSPC, as a full disk does.
    await mkdir(path.join(dir, 'history'));
    await symlink('/dev/full', path.join(dir, 'history', '2026-11.jsonl'));
    const journal = await openHistoryJournal(path.join(dir, 'history'), '2026-11');
    await journal.append([entry(1)]);
    await expect(journal.append([entry(2)], { durable: true })).rejects.toThrow(/ENOSPC/);
    await expect(journal.append([entry(3)])).rejects.toThrow(/ENOSPC/);
    await expect(journal.append([entry(4)], { durable: true })).rejects.toThrow(/ENOSPC/);
    await expect(journal.close()).rejects.toThrow(/ENOSPC/);
  });

  it('cuts off an unfinished last line left by a killed run, and keeps whole lines', async () => {
    const whole = `${JSON.stringify(entry(1))}\n`;
    dir = await writeTree({ 'history/2026-10.jsonl': whole, 'history/2026-11.jsonl': `${whole}{"event":"claim` });
    expect(await repairHistory(path.join(dir, 'history'))).toEqual([path.join(dir, 'history', '2026-11.jsonl')]);
    expect(await readFile(path.join(dir, 'history', '2026-11.jsonl'), 'utf8')).toBe(whole);
    expect(await readFile(path.join(dir, 'history', '2026-10.jsonl'), 'utf8')).toBe(whole);
    expect(await repairHistory(path.join(dir, 'missing'))).toEqual([]);
  });
});
