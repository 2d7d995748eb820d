/**
 * The site's own walk of a content folder: ordinary files only, and no symbolic link followed,
 * so a link cannot bring a file from outside `content/` onto the public site, or loop. Links and
 * code in MDX bodies stop the build with one line, as `npm run check` reports them.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { z } from 'zod';
import { isHiddenPath, parseFile } from '../core/content/index.ts';
import { CONTENT_PARSERS } from '../core/parsers/index.ts';
import { formatProblem, PROBLEM_HINTS, type Problem } from '../core/problems/index.ts';

/**
 * A problem that stops the build, as its line and its hint: a stack trace would only hide the
 * line that says why.
 */
export function buildStop(message: string, hint: string): Error {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}

/** `file` as the owner sees it: relative to where the build runs, with `/`. */
export function shownPath(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}

/** The ordinary files under `dir`, relative with `/`, sorted; and the links found, never followed. */
export async function listContentFiles(dir: string): Promise<{ files: string[]; links: string[] }> {
  const files: string[] = [];
  const links: string[] = [];
  const walk = async (folder: string, rel: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const relative = rel + entry.name;
      if (isHiddenPath(relative)) continue;
      if (entry.isDirectory()) await walk(path.join(folder, entry.name), `${relative}/`);
      else if (entry.isFile()) files.push(relative);
      else if (entry.isSymbolicLink()) links.push(relative);
    }
  };
  await walk(dir, '');
  return { files: files.sort(), links: links.sort() };
}

/** Stops the build at the first link in `dir`. */
export function refuseLinks(dir: string, links: readonly string[]): void {
  const [first] = links;
  if (first) throw buildStop(`${shownPath(path.join(dir, first))} is a symbolic link, which is not followed`, PROBLEM_HINTS.SymbolicLink);
}

/**
 * Astro's MDX collection for `folder`, after a look at every `.mdx` file: a link, or code in a
 * body (an import, an expression, a component), stops the build before any of it is compiled.
 */
export function mdxContentLoader(folder: URL, inner: Loader): Loader {
  return {
    name: 'referable-mdx-content',
    load: async (context) => {
      const dir = fileURLToPath(folder);
      const { files, links } = await listContentFiles(dir);
      refuseLinks(dir, links);
      const code: Problem[] = [];
      for (const rel of files.filter((f) => f.endsWith('.mdx'))) {
        const file = { path: shownPath(path.join(dir, rel)), text: await readFile(path.join(dir, rel), 'utf8') };
        code.push(
          ...parseFile(file, z.unknown(), 'mdx', CONTENT_PARSERS).problems.filter(
            (p) => p.code === 'CodeInContent' || p.code === 'MalformedMdx',
          ),
        );
      }
      if (code.length) {
        const more = code.length > 1 ? ` (and ${code.length - 1} more: npm run check lists them)` : '';
        throw buildStop(`${formatProblem(code[0]).split('\n')[0]}${more}`, code[0].hint);
      }
      return inner.load(context);
    },
  };
}
