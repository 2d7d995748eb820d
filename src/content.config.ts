/**
 * The site's collections, validated by the same schemas as the scripts (one schema, one truth).
 * Contacts, plans, referrals and history are never collections: the site cannot show what it
 * never reads.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection, type SchemaContext } from 'astro:content';
import { z } from 'zod';
import { glob, type Loader } from 'astro/loaders';
import { isContentImage, parseFile, photoProblems } from './core/content/index.ts';
import { CONTENT_PARSERS } from './core/parsers/index.ts';
import { formatProblem, PROBLEM_HINTS } from './core/problems/index.ts';
import { NewsletterSchema, OfficeSchema, PersonSchema, ResultSchema, SettingsSchema, TestimonialSchema } from './core/model/index.ts';
import { buildStop, listContentFiles, mdxContentLoader, shownPath } from './site/content-files.ts';
import { contentDirUrl } from './site/env.ts';
import { markdownLoader } from './site/markdown-loader.ts';
import { listSiteImages, photoImport } from './site/site-images.ts';

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
        // A photo that is not there would stop the build with a stack trace: say which, and where.
        const images = (await listContentFiles(fileURLToPath(contentDirUrl()))).files.filter(isContentImage);
        const siteImages = await listSiteImages();
        const [missing] = parsed.data ? photoProblems(parsed.data, { path: shown, text }, images, CONTENT_PARSERS, siteImages) : [];
        if (missing) throw buildStop(formatProblem(missing).split('\n')[0], missing.hint);
        const filePath = fileURLToPath(file);
        const data = await parseData({ id: 'site', data: withPhotoImports(parsed.source?.data, filePath), filePath });
        store.clear();
        // The path from the project root lets Astro import the photos settings name.
        store.set({ id: 'site', data, filePath: path.relative(process.cwd(), filePath), digest: generateDigest(text) });
      };
      await sync();
      watcher?.add(file.pathname);
      watcher?.on('change', (changed) => {
        if (changed === file.pathname) void sync();
      });
    },
  };
}

type SettingsPhotos = { business?: { people?: { photo?: unknown }[]; office?: { photo?: unknown } } };

/** Settings as written, with each photo as the path astro:assets reads it by from `file` (see `photoImport`). */
function withPhotoImports(data: unknown, file: string): Record<string, unknown> {
  const copy = structuredClone(data) as SettingsPhotos & Record<string, unknown>;
  for (const holder of [...(copy.business?.people ?? []), copy.business?.office]) {
    if (typeof holder?.photo === 'string') holder.photo = photoImport(holder.photo, file);
  }
  return copy;
}

/**
 * Settings as the site reads them: the same schema, with each photo path (already checked to be
 * in images/ or the site's images) turned into an image that `astro:assets` resizes.
 */
function siteSettingsSchema({ image }: SchemaContext) {
  const business = SettingsSchema.shape.business;
  return SettingsSchema.extend({
    business: business.extend({
      people: z.array(PersonSchema.extend({ photo: image().optional() })).default([]),
      office: OfficeSchema.extend({ photo: image() }).optional(),
    }),
  });
}

const mdxIn = (folder: string) =>
  mdxContentLoader(contentDirUrl(folder), glob({ pattern: '**/[^_.]*.{md,mdx}', base: contentDirUrl(folder) }));

export const collections = {
  settings: defineCollection({ loader: settingsLoader(), schema: siteSettingsSchema }),
  // Thousands of short stories: rendered as Markdown when loaded, not bundled as MDX modules.
  // The loader validates each one with TestimonialSchema (placing problems by line) and hands on
  // its output, so the collection's schema only turns the photo's path into an image astro:assets
  // can resize (the loader has checked the file): each testimonial is validated once, not twice.
  testimonials: defineCollection({
    loader: markdownLoader('testimonials', TestimonialSchema),
    // The output keeps the model's type: `wallPhoto` is the one place that reads the image back.
    schema: ({ image }) => z.looseObject({ photo: image().optional() }) as unknown as typeof TestimonialSchema,
  }),
  results: defineCollection({ loader: mdxIn('results'), schema: ResultSchema }),
  newsletters: defineCollection({ loader: mdxIn('newsletters'), schema: NewsletterSchema }),
};
