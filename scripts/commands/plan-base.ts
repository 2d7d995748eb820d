/**
 * `npm run plan-base -- --ref SHA --out FILE [--days N]`: the base branch's plan, for the
 * pull-request comment's difference. Checks out SHA in a `git worktree` beside the checkout and runs
 * that commit's own `npm run plan -- --json` on that commit's content, so the comment compares
 * what is sent before and after the change. When the base cannot be planned it says why, writes no
 * file, and exits 0: the comment then gives the branch's plan alone.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseCommandArgs, UsageError, runCommand } from '../../src/adapters/cli/index.ts';

const exec = promisify(execFile);

runCommand(async () => {
  const { values } = parseCommandArgs(process.argv.slice(2), {
    ref: { type: 'string' },
    out: { type: 'string' },
    days: { type: 'string', default: '14' },
    date: { type: 'string' },
  });
  if (!values.ref || !values.out) throw new UsageError('npm run plan-base -- --ref SHA --out FILE [--days N] [--date YYYY-MM-DD]');
  const tree = path.join(await mkdtemp(path.join(process.env.RUNNER_TEMP || tmpdir(), 'referable-base-')), 'base');
  try {
    // A shallow checkout holds only the branch: fetch the base commit first (a no-op when present).
    await exec('git', ['fetch', '--no-tags', '--depth=1', 'origin', values.ref]).catch(() => undefined);
    await exec('git', ['worktree', 'add', '--detach', tree, values.ref]);
    await symlink(path.resolve('node_modules'), path.join(tree, 'node_modules'));
    const args = [await planEntry(tree), '--json', '--days', values.days, ...(values.date ? ['--date', values.date] : [])];
    const { stdout } = await exec(process.execPath, args, { cwd: tree, maxBuffer: 256 * 1024 * 1024 });
    await writeFile(values.out, stdout);
    console.log(`Planned the base commit ${values.ref.slice(0, 12)} into ${values.out}.`);
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    console.log(`The base commit ${values.ref.slice(0, 12)} could not be planned, so the comment gives this branch's plan alone:`);
    console.log(`  ${(e.stderr || e.message).trim().split('\n').slice(0, 5).join('\n  ')}`);
  } finally {
    await exec('git', ['worktree', 'remove', '--force', tree]).catch(() => undefined);
  }
  return 0;
});

/**
 * The file the commit's own `npm run plan` starts (`node scripts/plan.js`): older commits name
 * `scripts/plan.ts`, so it is read from that commit's package.json rather than assumed.
 */
async function planEntry(tree: string): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(tree, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const entry = /^node (\S+)/.exec(pkg.scripts?.plan ?? '')?.[1];
  if (!entry) throw new Error(`its package.json has no "plan" script of the form "node FILE": ${pkg.scripts?.plan ?? 'none'}`);
  return entry;
}
