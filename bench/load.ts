/** Loading and validating contact files from disk: files per second, and the cost of exact positions. */
import { readContent } from '../src/adapters/fs/index.ts';
import { generateContent } from '../test/helpers/generate-content.ts';
import { addToTree, removeTree, writeTree } from '../test/helpers/temp-dir.ts';
import { fmtMs, perSecond, printTable, timeIt, sizesArg } from './lib/measure.ts';

// `node bench/x.ts 10000` measures only the sizes given.
const sizes = sizesArg([1_000, 10_000, 100_000]);
const rows: (string | number)[][] = [];
for (const contacts of sizes) {
  const tree = generateContent({ contacts, seed: 42 });
  const dir = await writeTree({}, 'referable-bench-load-');
  await addToTree(dir, tree);
  const files = Object.keys(tree).length;
  const clean = await timeIt(() => readContent(dir), { warmup: contacts <= 10_000 });
  if (clean.value.problems.length) throw new Error(`generated content has problems: ${clean.value.problems[0].message}`);
  // One bad field in every tenth contact: those files are parsed again for positions.
  const broken: Record<string, string> = {};
  for (const rel of Object.keys(tree)
    .filter((p) => p.startsWith('contacts/'))
    .filter((_, i) => i % 10 === 0)) {
    broken[rel] = `${tree[rel]}tier: gold\n`;
  }
  await addToTree(dir, broken);
  const dirty = await timeIt(() => readContent(dir));
  rows.push([
    contacts.toLocaleString('en'),
    files.toLocaleString('en'),
    fmtMs(clean.ms),
    perSecond(files, clean.ms),
    `${dirty.value.problems.length.toLocaleString('en')} problems: ${fmtMs(dirty.ms)}`,
    (dirty.ms / clean.ms).toFixed(2),
  ]);
  await removeTree(dir);
}
printTable(['contacts', 'files', 'load + validate', 'files/s', 'with 10% bad files', 'ratio'], rows);
console.log('\nTarget: 10,000 contact files in 0.5 s or less, exact file:line:col errors kept.');
