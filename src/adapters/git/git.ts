import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** The identity of commits made by the scheduled job when the checkout has none of its own. */
const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

export type CommitBack = {
  committed: boolean;
  pushed: boolean;
  attempts: number;
  /** What git said when the commit could not be replayed onto what was pushed meanwhile. */
  conflict?: string;
};

async function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const { stdout } = await exec('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, out: stdout.trim() };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() };
  }
}

async function must(cwd: string, args: string[]): Promise<string> {
  const result = await git(cwd, args);
  if (!result.ok) throw new Error(`git ${args[0]} failed: ${result.out}`);
  return result.out;
}

/**
 * Commits `paths` and pushes to `branch`. When someone pushed meanwhile, rebases onto their work
 * and tries again (history files merge line by line through `.gitattributes`' union driver).
 */
export async function commitAndPush(options: {
  cwd: string;
  paths: string[];
  message: string;
  remote?: string;
  branch?: string;
  attempts?: number;
}): Promise<CommitBack> {
  const { cwd, paths, message, remote = 'origin', attempts = 5 } = options;
  const branch = options.branch ?? (await must(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']));
  await must(cwd, ['add', '--all', '--', ...paths]);
  const staged = await git(cwd, ['diff', '--cached', '--quiet']);
  if (staged.ok) return { committed: false, pushed: false, attempts: 0 };
  const identity = (await git(cwd, ['config', 'user.email'])).ok ? [] : ['-c', `user.name=${BOT.name}`, '-c', `user.email=${BOT.email}`];
  await must(cwd, [...identity, 'commit', '--quiet', '-m', message]);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if ((await git(cwd, ['push', '--quiet', remote, `HEAD:${branch}`])).ok) return { committed: true, pushed: true, attempts: attempt };
    const rebase = await git(cwd, [...identity, 'pull', '--rebase', '--quiet', remote, branch]);
    if (!rebase.ok) {
      await git(cwd, ['rebase', '--abort']);
      return { committed: true, pushed: false, attempts: attempt, conflict: rebase.out };
    }
  }
  return { committed: true, pushed: false, attempts };
}

/**
 * Commits `paths` on a new branch made from HEAD and pushes it, for a pull request. The checkout
 * stays on the new branch. Returns what git said when the push was refused.
 */
export async function commitToNewBranch(options: {
  cwd: string;
  paths: string[];
  branch: string;
  message: string;
  remote?: string;
}): Promise<{ pushed: true; commit: string } | { pushed: false; reason: string }> {
  const { cwd, paths, branch, message, remote = 'origin' } = options;
  await must(cwd, ['switch', '--quiet', '--create', branch]);
  await must(cwd, ['add', '--all', '--', ...paths]);
  const identity = (await git(cwd, ['config', 'user.email'])).ok ? [] : ['-c', `user.name=${BOT.name}`, '-c', `user.email=${BOT.email}`];
  await must(cwd, [...identity, 'commit', '--quiet', '-m', message]);
  const push = await git(cwd, ['push', '--quiet', remote, `HEAD:refs/heads/${branch}`]);
  if (!push.ok) return { pushed: false, reason: push.out };
  return { pushed: true, commit: await must(cwd, ['rev-parse', '--short', 'HEAD']) };
}

/** The short name of HEAD's commit. */
export async function headCommit(cwd: string): Promise<string> {
  return must(cwd, ['rev-parse', '--short', 'HEAD']);
}
