/**
 * How the daily job's cost grows with the contacts: the real command, in its own process, for
 * 1,000, 10,000 and 100,000 generated contacts (about 70% get the day's newsletter), sending to
 * a loopback SMTP server in another process. Time per contact should stay flat (linear growth),
 * and peak memory under 1 GB at 100,000. `npm run bench -- scale --sizes 1000,10000` picks sizes.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { generateContent, SETTINGS } from '../test/helpers/generate-content.ts';
import { addToTree, removeTree, writeTree } from '../test/helpers/temp-dir.ts';
import { runDailyProcess } from './lib/daily-process.ts';
import { fmtMs, printTable, sizesArg } from './lib/measure.ts';
import { startSink } from './lib/sink.ts';

const sizes = sizesArg([1_000, 10_000, 100_000]);

const DAY = '2026-11-03';
const sink = await startSink();
const rows: string[][] = [];
let base: number | undefined;
for (const contacts of sizes) {
  const dir = await writeTree({}, 'referable-bench-scale-');
  const tree = generateContent({ contacts, seed: 42 });
  tree['settings.yaml'] = stringify({ ...SETTINGS, limits: { perDay: 10_000_000, perSecond: 10_000_000 } });
  await addToTree(path.join(dir, 'content'), tree);
  const run = await runDailyProcess(path.join(dir, 'content'), sink.url, DAY);
  await removeTree(dir);
  const perContact = (run.ms * 1000) / contacts;
  base ??= perContact;
  rows.push([
    contacts.toLocaleString('en'),
    run.sent.toLocaleString('en'),
    fmtMs(run.ms),
    `${perContact.toFixed(0)} µs`,
    (perContact / base).toFixed(2),
    fmtMs(run.sendMs),
    (run.ms / run.sendMs).toFixed(2),
    `${run.maxRssMB.toFixed(0)} MB`,
  ]);
}
await sink.close();
printTable(['contacts', 'emails sent', 'whole job', 'per contact', 'vs first size', 'send phase', 'job / send', 'peak memory'], rows);
console.log(
  '\nThe real `npm run daily` in its own process, to a loopback SMTP server in another. Linear growth keeps "vs first size" near 1.00;',
);
console.log('targets: whole job 1.1× its send phase or less (10,000 contacts and up); peak memory under 1 GB at 100,000.');
