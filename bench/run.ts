/**
 * `npm run bench [-- NAME… [--sizes N,N…]]`: runs each benchmark in `bench/*.ts` in its own process
 * (so memory figures are its own) and lets it print figures and ratios. Never pass or fail on speed.
 * `--sizes` reaches each benchmark as its arguments (`node bench/site.ts 100 5000`), in place of
 * its default sizes.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values, positionals: wanted } = parseArgs({ options: { sizes: { type: 'string' } }, allowPositionals: true });
const sizes = values.sizes?.split(',').map((n) => n.trim().replaceAll('_', '')) ?? [];
if (sizes.some((n) => !/^[1-9]\d*$/.test(n))) {
  console.error(`--sizes should be whole numbers separated by commas, such as 100,5000, not "${values.sizes}"`);
  process.exit(2);
}
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n## ${name}`);
  const run = spawnSync(process.execPath, ['--expose-gc', path.join(here, `${name}.ts`), ...sizes], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
