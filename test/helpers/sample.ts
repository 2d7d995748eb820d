import { cp } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';

/** The committed sample content, read-only: copy it with `copySample` before changing anything. */
export function sampleContent(): string {
  return path.join(inject('sampleRoot'), 'content');
}

/** Copies the committed sample content to `dest` (a folder that becomes the content folder). */
export async function copySample(dest: string): Promise<string> {
  await cp(sampleContent(), dest, { recursive: true });
  return dest;
}
