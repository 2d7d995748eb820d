/**
 * `npm run bench -- import`: a 100,000-row Google Contacts CSV imported into an empty contacts
 * folder by the real command, and again into the folder it filled (nothing to write), with the
 * ratio of each to the target; and the phases in this process (decode, read the rows, plan).
 * `node bench/import.ts 10000` measures only the sizes given.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planImport, readCsvContacts, readExport } from '../src/core/import/index.ts';
import { removeTree, writeTree } from '../test/helpers/temp-dir.ts';
import { fmtMs, perSecond, printTable, timeIt, sizesArg } from './lib/measure.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIRST = ['Ana', 'Tom', 'Priya', 'Liam', 'Chloé', 'Omar', 'Grace', 'Mateo', 'Ivy', 'Ben', 'Zoë', 'Noah', 'Maya', 'Leo', 'Siobhán'];
const LAST = ['Ruiz', 'Byrne', 'Shah', 'Okafor', 'Müller', "O'Neill", 'Nowak', 'Dubois', 'Kim', 'Álvarez', 'Ireland', 'Amey'];
const HEAD =
  'First Name,Middle Name,Last Name,Organization Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - City';

/** One row a person; one in a hundred has a bad value, one in ten a multi-line note. */
function generateCsv(rows: number): string {
  const lines = [HEAD];
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const email = i % 100 === 7 ? 'none' : `${first.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')}.${i}@example.com`;
    const birthday = i % 3 ? `19${50 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` : '';
    const notes = i % 10 ? '' : `"Met at the open house.\nLikes ""red"" wine."`;
    const phone = `+44 7700 ${String(100000 + i).slice(-6)}`;
    lines.push(
      [
        first,
        '',
        last,
        i % 4 ? '' : 'Harbour Bank',
        '',
        birthday,
        notes,
        '* myContacts ::: Clients',
        '* Home',
        email,
        'Mobile',
        phone,
        'Bristol',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const TARGET_MS = 5000;
const sizes = sizesArg([100_000]);
const table: (string | number)[][] = [];
for (const rows of sizes) {
  const dir = await writeTree(
    { 'settings.yaml': await readFile(path.join(ROOT, 'test/fixtures/minimal/settings.yaml'), 'utf8') },
    'referable-bench-import-',
  );
  const file = path.join(dir, 'contacts.csv');
  await writeFile(file, generateCsv(rows));

  const bytes = await readFile(file);
  const decode = await timeIt(() => readExport(bytes));
  const read = await timeIt(() => readCsvContacts(decode.value.text, file));
  const today = Temporal.PlainDate.from('2026-03-02');
  const plan = await timeIt(() => planImport(read.value.people, [], { file, source: 'bench', today, segment: 'sphere', update: false }));

  const command = () => {
    const start = performance.now();
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/import.js'), file, '--content', dir, '--date', '2026-03-02'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const ms = performance.now() - start;
    if (run.status !== 1) throw new Error(`import exited ${run.status}: ${run.stderr.slice(0, 500)}`);
    return { ms, summary: run.stdout };
  };
  const first = command();
  const again = command();
  if (!again.summary.includes(`\n  0 new contacts\n  0 contacts updated\n  ${rows.toLocaleString('en')} already up to date\n`))
    throw new Error(`the second import changed something: ${again.summary}`);
  table.push([
    rows.toLocaleString('en'),
    fmtMs(decode.ms),
    fmtMs(read.ms),
    fmtMs(plan.ms),
    fmtMs(first.ms),
    perSecond(rows, first.ms),
    ratio(first.ms, rows),
    fmtMs(again.ms),
    ratio(again.ms, rows),
    read.value.problems.length.toLocaleString('en'),
  ]);
  await removeTree(dir);
}
printTable(
  ['rows', 'decode', 'read rows', 'plan', 'import (new folder)', 'rows/s', '× target', 'again (up to date)', '× target', 'problems'],
  table,
);
console.log('\nTarget: 100,000 rows imported in 5 s or less (× target 1.00 or less), every bad value reported; the');
console.log('second import of the same rows writes nothing. Other sizes are held to the same rate, so a small one');
console.log('shows mostly the start-up of Node and the libraries.');
console.log('The command writes one file a contact: on a busy or slow disk, creating 100,000 files takes most of its time.');

/** The time against the target's rate: 5 s for 100,000 rows. */
function ratio(ms: number, rows: number): string {
  return (ms / (TARGET_MS * (rows / 100_000))).toFixed(2);
}
