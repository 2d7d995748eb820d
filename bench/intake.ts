/**
 * `npm run bench -- intake`: a folder of 1,000 mixed messages (bounces of every format in
 * test/fixtures, auto-replies, replies, spam complaints, introductions, in turn) taken in by the
 * real command, then the phases in this process (parse the files, plan). Messages per second.
 * `node bench/intake.ts 5000` measures only the sizes given.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIntakeContent } from '../src/adapters/fs/index.ts';
import { readMessageFiles } from '../src/adapters/mailbox/index.ts';
import { planIntake } from '../src/core/intake/index.ts';
import { removeTree } from '../test/helpers/temp-dir.ts';
import { fmtMs, perSecond, printTable, timeIt, sizesArg } from './lib/measure.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURES = path.join(ROOT, 'test/fixtures');
const KINDS = ['bounces', 'auto-replies', 'replies', 'complaints', 'introductions'];

/** Every fixture message, as text. */
async function samples(): Promise<string[]> {
  const out: string[] = [];
  for (const kind of KINDS) {
    for (const name of (await readdir(path.join(FIXTURES, kind))).sort()) out.push(await readFile(path.join(FIXTURES, kind, name), 'utf8'));
  }
  return out;
}

const sizes = sizesArg([1_000]);
const all = await samples();
const table: (string | number)[][] = [];
for (const count of sizes) {
  const dir = await mkdtemp(path.join(tmpdir(), 'referable-bench-intake-'));
  const content = path.join(dir, 'content');
  await cp(path.join(FIXTURES, 'intake'), content, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    // Each copy its own Message-ID, so none is taken for one taken in before.
    const text = all[i % all.length].replace(/^Message-ID: <([^>]*)>/im, `Message-ID: <bench-${i}-$1>`);
    const file = path.join(dir, `m${String(i).padStart(5, '0')}.eml`);
    await writeFile(file, text);
    files.push(file);
  }

  const parse = await timeIt(() => readMessageFiles(files));
  const { input } = await readIntakeContent(content);
  if (!input) throw new Error('the intake fixture has no settings');
  const plan = await timeIt(() => planIntake(parse.value.messages, input, Temporal.PlainDate.from('2026-11-10'), '2026-11-10T12:00:00Z'));

  const start = performance.now();
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/intake.js'), ...files, '--content', content, '--date', '2026-11-10'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const command = performance.now() - start;
  if (run.status !== 0) throw new Error(`intake exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  table.push([
    count.toLocaleString('en'),
    fmtMs(parse.ms),
    perSecond(count, parse.ms),
    fmtMs(plan.ms),
    fmtMs(command),
    perSecond(count, command),
    run.stdout.trim().split('\n').at(-1) ?? '',
  ]);
  await removeTree(dir);
}
printTable(['messages', 'parse', 'parsed/s', 'plan', 'npm run intake', 'messages/s', 'what the command said'], table);
console.log(`\nThe messages cycle through ${all.length} fixtures (${KINDS.join(', ')}).`);
