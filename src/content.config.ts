/**
 * The site's collections, validated by the same schemas as the scripts (one schema, one truth).
 * Contacts, plans, referrals and history are never collections: the site cannot show what it
 * never reads.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { glob, type Loader } from 'astro/loaders';
import { parseFile } from './core/content/index.ts';
import { CONTENT_PARSERS } from './core/parsers/index.ts';
import { formatProblem, PROBLEM_HINTS } from './core/problems/index.ts';
import { NewsletterSchema, ResultSchema, SettingsSchema, TestimonialSchema } from './core/model/index.ts';
import { buildStop, mdxContentLoader, shownPath } from './site/content-files.ts';
import { contentDirUrl } from './site/env.ts';
import { markdownLoader } from './site/markdown-loader.ts';

/** `settings.yaml` as a collection of one entry, `site`. */
function settingsLoader(): Loader {
  return {
    name: 'referable-settings',
    load: async ({ store, parseData, generateDigest, watcher }) => {
      const file = new URL('settings.yaml', contentDirUrl());
      const sync = async () => {
        const shown = shownPath(fileURLToPath(file));
        const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') throw buildStop(`${shown} is missing`, PROBLEM_HINTS.MissingSettings);
          throw buildStop(`${shown} could not be read (${error.code ?? error.message})`, PROBLEM_HINTS.UnreadableFile);
        });
        // The scripts' own parser: YAML 1.2, tags refused, problems with file, line and column.
        const parsed = parseFile({ path: shown, text }, SettingsSchema, 'yaml', CONTENT_PARSERS);
        if (parsed.problems.length) {
          const [first, ...rest] = parsed.problems;
          const more = rest.length ? ` (and ${rest.length} more: npm run check lists them)` : '';
          throw buildStop(`${formatProblem(first).split('\n')[0]}${more}`, first.hint);
        }
        const data = await parseData({ id: 'site', data: parsed.source?.data as Record<string, unknown>, filePath: file.pathname });
        store.clear();
        store.set({ id: 'site', data, digest: generateDigest(text) });
      };
      await sync();
      watcher?.add(file.pathname);
      watcher?.on('change', (changed) => {
        if (changed === file.pathname) void sync();
      });
    },
  };
}

const mdxIn = (folder: string) =>
  mdxContentLoader(contentDirUrl(folder), glob({ pattern: '**/[^_.]*.{md,mdx}', base: contentDirUrl(folder) }));

export const collections = {
  settings: defineCollection({ loader: settingsLoader(), schema: SettingsSchema }),
  // Thousands of short stories: rendered as Markdown when loaded, not bundled as MDX modules.
  // The photo's path becomes an image astro:assets can resize (the loader has checked the file).
  testimonials: defineCollection({
    loader: markdownLoader('testimonials', TestimonialSchema),
    // The output keeps the model's type: `wallPhoto` is the one place that reads the image back.
    schema: ({ image }) =>
      TestimonialSchema.pipe(z.looseObject({ photo: image().optional() }) as never) as unknown as typeof TestimonialSchema,
  }),
  results: defineCollection({ loader: mdxIn('results'), schema: ResultSchema }),
  newsletters: defineCollection({ loader: mdxIn('newsletters'), schema: NewsletterSchema }),
};
