/** The folder an email preview is written to. */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../cli/index.ts';

/**
 * Makes `dir` ready for a new preview: created when missing; an earlier preview's files removed,
 * so none is left from a touch no longer due. A folder holding anything else is refused, so a
 * mistyped `--out` never deletes the owner's files.
 */
export async function preparePreviewDir(dir: string): Promise<void> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') throw new UsageError(`--out ${dir} is a file, not a folder`);
    throw error;
  });
  if (names.length === 0) {
    await mkdir(dir, { recursive: true });
    return;
  }
  const index = await readFile(path.join(dir, 'index.html'), 'utf8').catch(() => '');
  // Loaded here, not above: the preview core brings the email renderer, which other commands never need.
  const { PREVIEW_MARKER } = await import('../../core/preview/index.ts');
  if (!index.includes(PREVIEW_MARKER)) {
    throw new UsageError(`--out ${dir} holds files that are not an email preview: give an empty or new folder`);
  }
  for (const name of names) if (/\.(html|txt)$/.test(name)) await rm(path.join(dir, name), { force: true });
}

/** Writes one file of the preview. */
export async function writePreviewFile(dir: string, name: string, text: string): Promise<void> {
  await writeFile(path.join(dir, name), text);
}
