/**
 * The site's own images: `public/images` in the repository, beside the content folder, served at
 * `/images/`. The editor's global media folder (its Global Assets) is this folder, so a photo
 * picked there is written `/images/ana-r.jpg`: a photo field takes such a path as well as one
 * beside the file that names it.
 */
export const SITE_IMAGES = { folder: 'public/images', url: '/images' } as const;

/** The name of an image file, a JPEG, PNG, WebP or AVIF photo: what the site's resizing takes. */
export const PHOTO_FILE = /\.(?:jpe?g|png|webp|avif)$/i;

/** `/images/team/ana-r.jpg` as its path in the site's images folder (`team/ana-r.jpg`), else undefined. */
export function siteImageName(photo: string): string | undefined {
  return photo.startsWith(`${SITE_IMAGES.url}/`) ? photo.slice(SITE_IMAGES.url.length + 1) : undefined;
}
