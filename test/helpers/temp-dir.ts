import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A file tree: relative path to text. */
export type FileTree = Record<string, string>;

/** Writes `tree` into a new temporary folder and returns its path. */
export async function writeTree(tree: FileTree, prefix = 'referable-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  await addToTree(dir, tree);
  return dir;
}

/** Writes more files into an existing folder. */
export async function addToTree(dir: string, tree: FileTree): Promise<void> {
  for (const [rel, text] of Object.entries(tree)) {
    const file = path.join(dir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

export async function removeTree(dir: string): Promise<void> {
  // A browser that has just exited may still be closing files in its profile: retry a moment.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
