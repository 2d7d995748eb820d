import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyContent, PHOTO_FILE, SITE_IMAGES, type Content } from '../../core/model/index.ts';
import { isContentImage, isHiddenPath, MAX_FILE_BYTES, validateContent, type NotAFile, type SourceFile } from '../../core/content/index.ts';
import { problem, type Problem } from '../../core/problems/index.ts';
import { LAZY_PARSERS } from './parsers-fs.ts';

/** The project's email layouts: `emails/<name>.mjml`. */
export const EMAILS_DIR = fileURLToPath(new URL('../../../emails/', import.meta.url));

type Listed = { files: { rel: string; open: string }[]; notFiles: NotAFile[] };

/**
 * Each content file under `dir`: relative with `/` separators, and a path to open it by; sorted.
 * The walk never follows a symbolic link (so a link cannot reach outside the folder or loop): links,
 * folders and anything else that is not a file are listed in `notFiles` for the core to judge.
 */
async function listEntries(dir: string): Promise<Listed> {
  const listed: Listed = { files: [], notFiles: [] };
  const walk = async (folder: string, rel: string): Promise<void> => {
    // The top folder's own failure (missing, not a folder) is the caller's; a subfolder's is listed.
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (!rel) throw error;
      listed.notFiles.push({ path: rel.slice(0, -1), kind: 'unreadable', detail: error.code ?? 'error' });
      return [];
    });
    for (const entry of entries) {
      const relative = rel + entry.name;
      if (isHiddenPath(relative)) continue;
      const open = path.join(folder, entry.name);
      if (entry.isFile() && isContentImage(relative)) listed.notFiles.push({ path: relative, kind: 'image' });
      else if (entry.isFile()) listed.files.push({ rel: relative, open });
      else if (entry.isDirectory()) {
        listed.notFiles.push({ path: relative, kind: 'folder' });
        await walk(open, `${relative}/`);
      } else listed.notFiles.push({ path: relative, kind: entry.isSymbolicLink() ? 'link' : 'special' });
    }
  };
  await walk(dir, '');
  listed.files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return listed;
}

/**
 * A listed file's text, or why it is not read (too large to be a record, or refused by the system).
 * Read as UTF-8 in one call (Node decodes it natively, no Buffer in between): about a third less
 * time for ten thousand small files. A UTF-8 byte never becomes more than one UTF-16 unit, nor a
 * unit more than three bytes, so only a text longer than a third of the limit needs its size.
 */
function readText(rel: string, open: string): SourceFile | NotAFile {
  let text: string;
  try {
    text = readFileSync(open, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG')
      return { path: rel, kind: 'too-large', bytes: statSync(open).size };
    return { path: rel, kind: 'unreadable', detail: code };
  }
  if (text.length * 3 > MAX_FILE_BYTES) {
    const bytes = statSync(open).size;
    if (bytes > MAX_FILE_BYTES) return { path: rel, kind: 'too-large', bytes };
  }
  return { path: rel, text };
}

/**
 * The photos in the site's images folder beside the content folder (`public/images` when the
 * content is `content/`), by their path in it. None when there is no such folder. Links are left
 * out: they are never followed.
 */
async function listSiteImages(contentDir: string): Promise<string[]> {
  const dir = path.join(contentDir, '..', SITE_IMAGES.folder);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && PHOTO_FILE.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => !isHiddenPath(rel))
    .sort();
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
export async function readContent(
  dir: string,
  options: { emailsDir?: string } = {},
): Promise<{ content: Content; problems: Problem[]; warnings: Problem[] }> {
  const listed = await listEntries(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (!listed) {
    const missing = problem('MissingFolder', dir, { line: 0, column: 0 }, '', 'is not a folder');
    return { content: emptyContent(), problems: [missing], warnings: [] };
  }
  // One synchronous read after another: content files are small, and on two cores ten thousand
  // of them load about twice as fast this way as through ten thousand promises on the thread pool.
  const files: SourceFile[] = [];
  const notFiles = listed.notFiles;
  for (const e of listed.files) {
    const read = readText(e.rel, e.open);
    if ('text' in read) files.push(read);
    else notFiles.push(read);
  }
  const [templates, siteImages] = await Promise.all([listTemplates(options.emailsDir), listSiteImages(dir)]);
  const { content, problems, warnings } = validateContent(files, { templates, notFiles, parsers: LAZY_PARSERS, siteImages });
  const shown = shownPath(dir);
  return {
    content: relocate(content, shown),
    problems: problems.map((p) => ({ ...p, file: shown(p.file) })),
    warnings: warnings.map((p) => ({ ...p, file: shown(p.file) })),
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
