/** The business's photos as `astro:assets` processes them, made once per build. */
import { getImage } from 'astro:assets';
import { sitePhotos } from './data.ts';

let office: Promise<string | undefined> | undefined;

/** The office photo at 1200 px wide, for search engines and social cards; undefined without one. */
export function businessImage(): Promise<string | undefined> {
  office ??= sitePhotos().then(async ({ office }) =>
    office ? (await getImage({ src: office.photo, width: 1200, format: 'jpg' })).src : undefined,
  );
  return office;
}
