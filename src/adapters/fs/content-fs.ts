import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyContent, type Content } from '../../core/model/index.ts';
import { isHiddenPath, validateContent, type SourceFile } from '../../core/content/index.ts';
import { problem, type Problem } from '../../core/problems/index.ts';

/** The project's email layouts: `emails/<name>.mjml`. */
export const EMAILS_DIR = fileURLToPath(new URL('../../../emails/', import.meta.url));

/** Each content file under `dir`: relative with `/` separators, and a path to open it by; sorted. */
async function listEntries(dir: string): Promise<{ rel: string; open: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  // A folder's relative path is worked out once, not once per file: path.relative is costly.
  const folders = new Map<string, string>();
  const folderOf = (parent: string): string => {
    let rel = folders.get(parent);
    if (rel === undefined) {
      rel = path.relative(dir, parent).split(path.sep).join('/');
      if (rel) rel += '/';
      folders.set(parent, rel);
    }
    return rel;
  };
  return entries
    .filter((e) => e.isFile())
    .map((e) => ({ rel: folderOf(e.parentPath) + e.name, open: e.parentPath + path.sep + e.name }))
    .filter((e) => !isHiddenPath(e.rel))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The layout names in `emailsDir`. */
async function listTemplates(emailsDir = EMAILS_DIR): Promise<string[]> {
  const files = await readdir(emailsDir).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.mjml')).map((f) => f.slice(0, -'.mjml'.length));
}

/**
 * Reads a content folder and validates it. Problems name files as `dir/relative-path`, the way
 * the owner typed the folder, so editors and GitHub annotations can open them.
 */
export async function readContent(dir: string, options: { emailsDir?: string } = {}): Promise<{ content: Content; problems: Problem[] }> {
  const listed = await listEntries(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (!listed) {
    const missing = problem('MissingFolder', dir, { line: 0, column: 0 }, '', 'is not a folder');
    return { content: emptyContent(), problems: [missing] };
  }
  // One synchronous read after another: content files are small, and on two cores ten thousand
  // of them load about twice as fast this way as through ten thousand promises on the thread pool.
  const files: SourceFile[] = listed.map((e) => ({ path: e.rel, text: readFileSync(e.open, 'utf8') }));
  const templates = await listTemplates(options.emailsDir);
  const { content, problems } = validateContent(files, { templates });
  const shown = shownPath(dir);
  return {
    content: relocate(content, shown),
    problems: problems.map((p) => ({ ...p, file: shown(p.file) })),
  };
}

/**
 * `dir/relative-path` as `path.join` writes it, with `/` separators. The folder part is joined
 * once per folder rather than once per file.
 */
function shownPath(dir: string): (rel: string) => string {
  const folders = new Map<string, string>();
  const exact = (rel: string) => path.join(dir, rel).split(path.sep).join('/');
  return (rel) => {
    const cut = rel.lastIndexOf('/');
    const base = rel.slice(cut + 1);
    if (base === '' || base === '.' || base === '..' || base.includes(path.sep)) return exact(rel);
    const folder = rel.slice(0, cut + 1);
    let shown = folders.get(folder);
    if (shown === undefined) {
      shown = exact(folder || '.');
      if (shown === '.' || shown === './') shown = '';
      else if (!shown.endsWith('/')) shown += '/';
      folders.set(folder, shown);
    }
    return shown + base;
  };
}

function relocate(content: Content, shown: (rel: string) => string): Content {
  // The entries were made by this call's validateContent and nothing else holds them: they are
  // moved in place rather than copied, ten thousand objects fewer for the collector.
  const move = <T extends { file: string }>(entries: T[]) => {
    for (const entry of entries) entry.file = shown(entry.file);
    return entries;
  };
  return {
    ...content,
    contacts: move(content.contacts),
    plans: move(content.plans),
    newsletters: move(content.newsletters),
    results: move(content.results),
    referrals: move(content.referrals),
    referralDrafts: move(content.referralDrafts),
    testimonials: move(content.testimonials),
  };
}
