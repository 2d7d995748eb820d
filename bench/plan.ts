/**
 * Planning touches for generated contacts with the sample's plans: one day and a year, contacts
 * per second, and planning time as a share of the time to load and validate the same content.
 */
import { readContent } from '../src/adapters/fs/index.ts';
import { planTouches } from '../src/core/planning/index.ts';
import { generateContent } from '../test/helpers/generate-content.ts';
import { addToTree, removeTree, writeTree } from '../test/helpers/temp-dir.ts';
import { fmtMs, perSecond, printTable, timeIt, sizesArg } from './lib/measure.ts';

// `node bench/x.ts 10000` measures only the sizes given.
const sizes = sizesArg([1_000, 10_000, 100_000]);
// The third generated newsletter goes out on this day.
const from = Temporal.PlainDate.from('2026-12-01');
const rows: (string | number)[][] = [];
for (const contacts of sizes) {
  const dir = await writeTree({}, 'referable-bench-plan-');
  await addToTree(dir, generateContent({ contacts, seed: 42 }));
  const load = await timeIt(() => readContent(dir));
  const { content, problems } = load.value;
  if (problems.length || !content.settings) throw new Error(`generated content has problems: ${problems[0]?.message}`);
  const input = { ...content, settings: content.settings };
  for (const days of [1, 365]) {
    const plan = await timeIt(() => planTouches(input, { from, days }), { warmup: contacts <= 10_000 });
    rows.push([
      contacts.toLocaleString('en'),
      days,
      plan.value.due.length.toLocaleString('en'),
      fmtMs(load.ms),
      fmtMs(plan.ms),
      perSecond(contacts, plan.ms),
      (plan.ms / load.ms).toFixed(3),
    ]);
  }
  await removeTree(dir);
}
printTable(['contacts', 'days', 'touches due', 'load + validate', 'plan', 'contacts/s', 'plan / load'], rows);
console.log('\nTarget: planning one day for 100,000 contacts takes 0.2 of the time to load them, or less.');
