/**
 * Vitest global setup: the sample content as committed, in a temporary folder, so no test reads
 * the working tree's `content/`, which `npm start`, `npm run daily`, an import or a hand edit may
 * have changed. Without Git (an unpacked archive), a copy of `content/` taken now stands in.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT } from '../helpers/run-script.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder holding the committed sample as `content/`: read it, or copy it before changing it. */
    sampleRoot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(tmpdir(), 'referable-sample-'));
  const archive = spawnSync('git', ['archive', '--format=tar', 'HEAD', 'content'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  const unpacked = archive.status === 0 && spawnSync('tar', ['-x', '-C', root], { input: archive.stdout }).status === 0;
  if (!unpacked) await cp(path.join(ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  project.provide('sampleRoot', root);
  return () => rm(root, { recursive: true, force: true });
}
