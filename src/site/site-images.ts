/**
 * Photos written as one of the site's images (`/images/ana-r.jpg`, what the editor writes for a
 * photo picked from its Global Assets): files in the site's images folder beside the content
 * folder (`SITE_IMAGES`), which reach astro:assets as a path from the file that names them.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PHOTO_FILE, SITE_IMAGES, siteImageName } from '../core/model/index.ts';
import { listContentFiles } from './content-files.ts';
import { contentDirUrl } from './env.ts';

/** `public/images` beside the content folder: the project's own when the content is `content/`. */
function siteImagesDir(): string {
  return path.join(fileURLToPath(contentDirUrl()), '..', SITE_IMAGES.folder);
}

/** The photos in the site's images folder, by their path in it; links are never followed. */
export async function listSiteImages(): Promise<string[]> {
  return (await listContentFiles(siteImagesDir())).files.filter((f) => PHOTO_FILE.test(f));
}

/** True when `photo` is written as one of the site's images and is an ordinary file there. */
export async function isSiteImage(photo: string): Promise<boolean> {
  const name = siteImageName(photo);
  if (name === undefined) return false;
  const stat = await lstat(path.join(siteImagesDir(), name)).catch(() => undefined);
  return stat?.isFile() ?? false;
}

/**
 * The path astro:assets' `image()` reads `photo` by, from the folder of `file`, which names it: one
 * of the site's images as a relative path (`../public/images/ana-r.jpg`), anything else as written.
 */
export function photoImport(photo: string, file: string): string {
  const name = siteImageName(photo);
  if (name === undefined) return photo;
  const relative = path.relative(path.dirname(file), path.join(siteImagesDir(), name)).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
