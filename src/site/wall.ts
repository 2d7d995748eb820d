/**
 * The testimonial wall's pages: how many cards a page holds, the views it can be filtered to (an
 * endorsement kind, a curated topic), and the links between its pages.
 */
import type { ImageMetadata, Page } from 'astro';
import { endorsementLabel, ratingSummary, shownPhoto, wallTopics, type RatingSummary } from '../core/publishing/index.ts';
import type { EndorsementKind, Settings, Testimonial } from '../core/model/index.ts';
import { oncePerBuild, siteSettings, siteTestimonials, type SiteEntry } from './data.ts';
import { href } from './urls.ts';

/** Cards on one page of the wall: a few screens on a phone, and far under 500 kB of HTML. */
export const WALL_PAGE_SIZE = 24;

const KINDS: readonly EndorsementKind[] = ['consumer', 'expert', 'organization'];

/** One way of looking at the wall: everyone, one kind of endorsement, or one curated topic. */
export type WallView = { id: string; label: string; path: string; group: 'who' | 'topic'; entries: readonly SiteEntry<Testimonial>[] };

/** What every page of the wall shares: the settings, every view the filter offers, the overall rating. */
export type SiteWall = { settings: Settings; views: WallView[]; summary?: RatingSummary };

/**
 * The wall's views and overall rating, worked out once per build: each of its hundreds of pages
 * (and each `getStaticPaths`) takes them from here rather than filtering every testimonial again.
 */
export const siteWall = oncePerBuild(async (): Promise<SiteWall> => {
  const settings = await siteSettings();
  const views = wallViews(await siteTestimonials(), settings);
  const summary = ratingSummary(
    views[0].entries.map((e) => e.data),
    settings.site.locale,
  );
  return { settings, views, summary };
});

/** Every view with at least one testimonial, in the order the filter shows them. */
function wallViews(entries: readonly SiteEntry<Testimonial>[], settings: Settings): WallView[] {
  const locale = settings.site.locale;
  const everyone: WallView = { id: 'all', label: 'Everyone', path: 'testimonials/', group: 'who', entries };
  const kinds = KINDS.map((kind) => ({
    id: `kind-${kind}`,
    label: `${endorsementLabel(kind, locale)}s`,
    path: `testimonials/kind/${kind}/`,
    group: 'who' as const,
    entries: entries.filter((e) => e.data.kind === kind),
  })).filter((v) => v.entries.length > 0);
  const topics = wallTopics(entries, settings.site.topics).map(({ topic, entries: about }) => ({
    id: `topic-${topic.id}`,
    label: topic.label,
    path: `testimonials/topic/${topic.id}/`,
    group: 'topic' as const,
    entries: about,
  }));
  // One kind alone is no choice to offer.
  return [everyone, ...(kinds.length > 1 ? kinds : []), ...topics];
}

/** Where one page of the wall sits among the others. */
export type WallPage = {
  entries: readonly SiteEntry<Testimonial>[];
  currentPage: number;
  lastPage: number;
  /** The testimonials in the view, on every page. */
  total: number;
  /** Numbers of the first and last card on this page, from 1. */
  first: number;
  last: number;
  prev?: string;
  next?: string;
};

const slash = (url: string | undefined) => (url === undefined ? undefined : url.endsWith('/') ? url : `${url}/`);

/**
 * A page from Astro's `paginate()`, with links that end in `/`; `firstPath` stands for page 1
 * when paginate's own page 1 is not where that page lives (the main wall's is /testimonials/).
 */
export function wallPage(page: Page<SiteEntry<Testimonial>>, firstPath?: string): WallPage {
  const prev = page.currentPage === 2 && firstPath ? href(firstPath) : slash(page.url.prev);
  return {
    entries: page.data,
    currentPage: page.currentPage,
    lastPage: page.lastPage,
    total: page.total,
    first: page.start + 1,
    last: page.end + 1,
    prev,
    next: slash(page.url.next),
  };
}

/** The author's photo as astro:assets gives it, when it may be shown. */
export function wallPhoto(t: Testimonial): ImageMetadata | undefined {
  return shownPhoto(t) ? (t.photo as unknown as ImageMetadata) : undefined;
}

/** Page 1 of a view that lives outside `paginate()` (the main wall at /testimonials/), linking on to `nextPath`. */
export function firstWallPage(entries: readonly SiteEntry<Testimonial>[], nextPath: string): WallPage {
  const lastPage = Math.max(1, Math.ceil(entries.length / WALL_PAGE_SIZE));
  const shown = entries.slice(0, WALL_PAGE_SIZE);
  return {
    entries: shown,
    currentPage: 1,
    lastPage,
    total: entries.length,
    first: 1,
    last: shown.length,
    next: lastPage > 1 ? href(nextPath) : undefined,
  };
}
