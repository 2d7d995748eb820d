/**
 * A content loader for collections that grow to thousands of short entries (testimonials): each
 * `.md`/`.mdx` body is rendered as Markdown when it is loaded, as Astro does for `.md` files,
 * instead of becoming an MDX module that the build bundles page by page. With 1,000 testimonials
 * that halves the build's time and cuts its memory by a third. MDX components and expressions are
 * not run in these bodies: they are prose, as the emails treat them.
 */
import { readFileSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'zod';
import { parseFile } from '../core/content/index.ts';
import { SITE_IMAGES, siteImageName } from '../core/model/index.ts';
import { CONTENT_PARSERS } from '../core/parsers/index.ts';
import { PROBLEM_HINTS } from '../core/problems/index.ts';
import { listContentFiles, refuseLinks } from './content-files.ts';
import { contentDirUrl } from './env.ts';
import { isSiteImage, photoImport } from './site-images.ts';

const ENTRY = /^(?:.*\/)?[^_.][^/]*\.mdx?$/;

/** `sellers/Grace B.mdx` as `sellers/grace-b`, the id Astro's glob loader would give it. */
function entryId(relative: string): string {
  return relative
    .replace(/\.mdx?$/, '')
    .split('/')
    .map((part) =>
      part
        .toLowerCase()
        .replace(/[^\p{L}\p{N}_-]+/gu, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .join('/');
}

/** True when `photo`, relative to `folder`, is an ordinary file inside the collection's `dir`: never a link, never outside. */
async function isPhotoFile(dir: string, folder: string, photo: string): Promise<boolean> {
  const file = path.resolve(folder, photo);
  if (!file.startsWith(path.resolve(dir) + path.sep)) return false;
  const stat = await lstat(file).catch(() => undefined);
  return stat?.isFile() ?? false;
}

export function markdownLoader(folder: string, schema: z.ZodType): Loader {
  return {
    name: 'referable-markdown',
    load: async (context) => {
      const dir = fileURLToPath(contentDirUrl(folder));
      await sync(context, dir, schema);
      context.watcher?.add(dir);
      const resync = (changed: string) => {
        if (changed.startsWith(dir)) void sync(context, dir, schema);
      };
      for (const event of ['add', 'change', 'unlink'] as const) context.watcher?.on(event, resync);
    },
  };
}

async function sync({ store, parseData, renderMarkdown, generateDigest, logger }: LoaderContext, dir: string, schema: z.ZodType) {
  // Ordinary files only: a link is never followed, and stops the build.
  const listed = await listContentFiles(dir);
  refuseLinks(dir, listed.links);
  const files = listed.files.filter((rel) => ENTRY.test(rel));
  const seen = new Set<string>();
  for (const rel of files) {
    const file = path.join(dir, rel);
    // Read at once: thousands of small files, each awaited in turn, left the build waiting on the
    // disk for several times as long as reading them takes.
    const text = readFileSync(file, 'utf8');
    const id = entryId(rel);
    const digest = generateDigest(text);
    if (store.get(id)?.digest === digest) {
      seen.add(id);
      continue;
    }
    // The scripts' own parser: front matter read as YAML 1.2, problems with file, line and column.
    const shown = path.relative(process.cwd(), file).split(path.sep).join('/');
    const parsed = parseFile({ path: shown, text }, schema, 'mdx', CONTENT_PARSERS);
    if (parsed.problems.length) {
      const lines = parsed.problems.map((p) => `${p.file}:${p.line}:${p.column}${p.field ? ` ${p.field}:` : ''} ${p.message}\n  ${p.hint}`);
      // Left off the site, as the scripts leave a broken record out, and said once per problem.
      logger.error(`${lines.join('\n')}\n  This entry is left off the site; \`npm run check\` lists every problem.`);
      continue;
    }
    seen.add(id);
    const body = parsed.body ?? '';
    // Validated once, here: the collection's own schema only turns the photo into an image.
    const front = { ...(parsed.data as Record<string, unknown>) };
    if (typeof front.photo === 'string') {
      // Beside the testimonial, or one of the site's images (picked from the editor's Global Assets).
      const site = siteImageName(front.photo) !== undefined;
      const there = site ? await isSiteImage(front.photo) : await isPhotoFile(dir, path.dirname(file), front.photo);
      if (there && site) front.photo = photoImport(front.photo, file);
      if (!there) {
        const at = parsed.source?.locate(['photo']) ?? { line: 1, column: 1 };
        const folder = site ? SITE_IMAGES.folder : path.relative(process.cwd(), path.dirname(file)) || '.';
        const hint = PROBLEM_HINTS[site ? 'MissingSiteImage' : 'MissingTestimonialPhoto'];
        logger.error(`${shown}:${at.line}:${at.column} photo: ${front.photo} is not an image file in ${folder}/\n  ${hint}`);
        delete front.photo;
      }
    }
    // The collection's schema only turns a photo into an image: an entry without one is stored as
    // validated above, which spares a schema built and run per entry (half a second at 5,000).
    const data = typeof front.photo === 'string' ? await parseData({ id, data: front, filePath: file }) : front;
    const rendered = await renderMarkdown(body, { fileURL: pathToFileURL(file) });
    store.set({ id, data, body, filePath: shown, digest, rendered });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
}
