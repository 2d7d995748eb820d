import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHistoryJournal, repairHistory } from './history-fs.ts';
import { readHistory } from '../core/read-history.ts';
import type { HistoryEntry } from '../core/schema/index.ts';
import { removeTree, writeTree } from '../../test/helpers/temp-dir.ts';

let dir = '';
afterEach(() => removeTree(dir));

const entry = (n: number): HistoryEntry => ({
  event: 'claimed', at: '2026-11-03T09:00:00Z', touch: `c${n}.p.s.2026-11-03`, contact: `c${n}`, plan: 'p', step: 's', due: '2026-11-03', channel: 'email',
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

  it('cuts off an unfinished last line left by a killed run, and keeps whole lines', async () => {
    const whole = `${JSON.stringify(entry(1))}\n`;
    dir = await writeTree({ 'history/2026-10.jsonl': whole, 'history/2026-11.jsonl': `${whole}{"event":"claim` });
    expect(await repairHistory(path.join(dir, 'history'))).toEqual([path.join(dir, 'history', '2026-11.jsonl')]);
    expect(await readFile(path.join(dir, 'history', '2026-11.jsonl'), 'utf8')).toBe(whole);
    expect(await readFile(path.join(dir, 'history', '2026-10.jsonl'), 'utf8')).toBe(whole);
    expect(await repairHistory(path.join(dir, 'missing'))).toEqual([]);
  });
});
