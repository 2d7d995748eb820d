/**
 * `npm run bench [-- NAME… [--OPTION VALUE…]]`: runs each benchmark in `bench/*.ts` in its own
 * process (so memory figures are its own) and lets it print figures and ratios. Never pass or fail
 * on speed. Options after the names go to each benchmark (`npm run bench -- ses-rate --count 300`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
// `npm run bench -- site --sizes 100,5000`: names first, then options, which go to every bench run.
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('--'));
const wanted = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n## ${name}`);
  const run = spawnSync(process.execPath, ['--expose-gc', path.join(here, `${name}.ts`), ...options], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
