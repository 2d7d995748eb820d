import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyContent, isHiddenPath, validateContent, type Content, type SourceFile } from '../core/validate.ts';
import { problem, type Problem } from '../core/problems.ts';

/** The project's email layouts: `emails/<name>.mjml`. */
export const EMAILS_DIR = fileURLToPath(new URL('../../emails/', import.meta.url));

/** Lists every content file under `dir`, relative and with `/` separators. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => !isHiddenPath(rel))
    .sort();
}

/** The layout names in `emailsDir`. */
export async function listTemplates(emailsDir = EMAILS_DIR): Promise<string[]> {
  const files = await readdir(emailsDir).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.mjml')).map((f) => f.slice(0, -'.mjml'.length));
}

/**
 * Reads a content folder and validates it. Problems name files as `dir/relative-path`, the way
 * the owner typed the folder, so editors and GitHub annotations can open them.
 */
export async function readContent(
  dir: string,
  options: { emailsDir?: string } = {},
): Promise<{ content: Content; problems: Problem[] }> {
  const rels = await listFiles(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (!rels) {
    const missing = problem('MissingFolder', dir, { line: 0, column: 0 }, '', 'is not a folder');
    return { content: emptyContent(), problems: [missing] };
  }
  const files: SourceFile[] = await Promise.all(
    rels.map(async (rel) => ({ path: rel, text: await readFile(path.join(dir, rel), 'utf8') })),
  );
  const templates = await listTemplates(options.emailsDir);
  const { content, problems } = validateContent(files, { templates });
  const shown = (rel: string) => path.join(dir, rel).split(path.sep).join('/');
  return {
    content: relocate(content, shown),
    problems: problems.map((p) => ({ ...p, file: shown(p.file) })),
  };
}

function relocate(content: Content, shown: (rel: string) => string): Content {
  const move = <T extends { file: string }>(entries: T[]) => entries.map((e) => ({ ...e, file: shown(e.file) }));
  return {
    ...content,
    contacts: move(content.contacts),
    plans: move(content.plans),
    newsletters: move(content.newsletters),
    results: move(content.results),
    referrals: move(content.referrals),
    testimonials: move(content.testimonials),
  };
}
