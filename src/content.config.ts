/**
 * The site's collections, validated by the same schemas as the scripts (one schema, one truth).
 * Contacts, plans, referrals and history are never collections: the site cannot show what it
 * never reads.
 */
import { readFile } from 'node:fs/promises';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { parse } from 'yaml';
import { NewsletterSchema, ResultSchema, SettingsSchema, TestimonialSchema } from './core/model/index.ts';
import { contentDirUrl } from './site/env.ts';
import { markdownLoader } from './site/markdown-loader.ts';

/** `settings.yaml` as a collection of one entry, `site`. */
function settingsLoader(): Loader {
  return {
    name: 'referable-settings',
    load: async ({ store, parseData, generateDigest, watcher }) => {
      const file = new URL('settings.yaml', contentDirUrl());
      const sync = async () => {
        const text = await readFile(file, 'utf8');
        const data = await parseData({ id: 'site', data: parse(text) ?? {}, filePath: file.pathname });
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

const mdxIn = (folder: string) => glob({ pattern: '**/[^_.]*.{md,mdx}', base: contentDirUrl(folder) });

export const collections = {
  settings: defineCollection({ loader: settingsLoader(), schema: SettingsSchema }),
  // Thousands of short stories: rendered as Markdown when loaded, not bundled as MDX modules.
  testimonials: defineCollection({ loader: markdownLoader('testimonials', TestimonialSchema), schema: TestimonialSchema }),
  results: defineCollection({ loader: mdxIn('results'), schema: ResultSchema }),
  newsletters: defineCollection({ loader: mdxIn('newsletters'), schema: NewsletterSchema }),
};
