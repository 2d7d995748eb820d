/**
 * The site's content, read through Astro's collections and filtered by the publish rules. Pages
 * get their data here, so no page can forget a rule.
 */
import { getCollection, getEntry } from 'astro:content';
import { type ClientLinks, linkByClient, publicResults, publicTestimonials, sentNewsletters } from '../core/publishing/index.ts';
import type { ImageMetadata } from 'astro';
import type { Newsletter, Person, Result, Settings, Testimonial } from '../core/model/index.ts';
import { buildDate } from './env.ts';

/** A collection entry as Astro gives it; pass it whole to `render()`. */
export type SiteEntry<T> = { id: string; data: T; body?: string; filePath?: string };

/**
 * `read`, worked out once per build and shared by every page that asks, so thousands of pages do
 * not each re-read, filter and sort a collection (at 5,000 testimonials that was a quarter of the
 * build). `astro dev` reads afresh on every request, so an edited file shows on the next one. The
 * answer is shared: never change it in place.
 */
export function oncePerBuild<T>(read: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? read() : (built ??= read()));
}

export const siteSettings = oncePerBuild(async (): Promise<Settings> => {
  const entry = await getEntry('settings', 'site');
  if (!entry) throw new Error('settings.yaml was not loaded: the settings collection is empty');
  return entry.data as Settings;
});

/** The people and the office, with their photos as images `astro:assets` resizes. */
export type SitePhotos = {
  people: (Omit<Person, 'photo'> & { photo?: ImageMetadata })[];
  office?: { photo: ImageMetadata; description: string };
};

/** `business.people` and `business.office` as the site's collection read them, photos imported. */
export async function sitePhotos(): Promise<SitePhotos> {
  const entry = await getEntry('settings', 'site');
  if (!entry) throw new Error('settings.yaml was not loaded: the settings collection is empty');
  const { people, office } = (entry.data as { business: SitePhotos }).business;
  return { people, office };
}

/** Published testimonials with consent for the website, newest first. */
export const siteTestimonials = oncePerBuild(
  async (): Promise<readonly SiteEntry<Testimonial>[]> =>
    publicTestimonials((await getCollection('testimonials')) as SiteEntry<Testimonial>[]),
);

export const siteResults = oncePerBuild(
  async (): Promise<readonly SiteEntry<Result>[]> => publicResults((await getCollection('results')) as SiteEntry<Result>[]),
);

/** Newsletters sent by the build date, as advice articles, newest first. */
export const siteNewsletters = oncePerBuild(async (): Promise<readonly SiteEntry<Newsletter>[]> => {
  const settings = await siteSettings();
  return sentNewsletters((await getCollection('newsletters')) as SiteEntry<Newsletter>[], buildDate(settings.timeZone));
});

/** Which results and testimonials are about the same client. */
export const siteClientLinks = oncePerBuild(async (): Promise<ClientLinks> => {
  const [results, testimonials] = await Promise.all([siteResults(), siteTestimonials()]);
  return linkByClient(results, testimonials);
});
