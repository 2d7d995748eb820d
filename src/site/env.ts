/**
 * The build's inputs from the environment, read in one place. `astro.config.mjs` reads the same
 * variables for `site`, `base` and the content folder.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The content folder: `REFERABLE_CONTENT`, relative to the project root, default `content`. */
function contentDir(root: string = process.cwd()): string {
  return path.resolve(root, process.env.REFERABLE_CONTENT || 'content');
}

/** The content folder as a URL ending in `/`, as Astro's loaders take it. */
export function contentDirUrl(sub = '', root?: string): URL {
  return pathToFileURL(path.join(contentDir(root), sub) + path.sep);
}

const buildDates = new Map<string, Temporal.PlainDate>();

/**
 * The day the site is built for, in the business's time zone: newsletters sent on or before it
 * are published. `BUILD_DATE` (YYYY-MM-DD) fixes it for tests and previews. It is read once: a
 * build that runs over midnight is still one day's site, and each page's footer need not ask the
 * clock again.
 */
export function buildDate(timeZone: string): Temporal.PlainDate {
  let day = buildDates.get(timeZone);
  if (!day) {
    const fixed = process.env.BUILD_DATE;
    day = fixed ? Temporal.PlainDate.from(fixed) : Temporal.Now.plainDateISO(timeZone);
    buildDates.set(timeZone, day);
  }
  return day;
}

/**
 * The repository the editor at `/admin/` reads and writes: `CMS_REPO` (owner/name), else the one
 * Actions builds (`GITHUB_REPOSITORY`); the branch is `CMS_BRANCH`, default `main`.
 */
export function cmsRepository(): { repo: string; branch: string } {
  return {
    repo: process.env.CMS_REPO || process.env.GITHUB_REPOSITORY || 'owner/repository',
    branch: process.env.CMS_BRANCH || 'main',
  };
}
