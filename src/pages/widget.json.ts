import type { APIRoute } from 'astro';
import { featuredTestimonials } from '../core/publish.ts';
import { siteSettings, siteTestimonials } from '../site/data.ts';
import { testimonialsFeed } from '../site/feeds.ts';
import { absoluteUrl } from '../site/urls.ts';

/** The most the widget shows (its `data-count` is 1 to 12). */
const WIDGET_MAX = 12;

/**
 * What the embeddable widget reads: the featured testimonials first, then the newest, at most 12,
 * as JSON Feed 1.1. Small whatever the number of testimonials, since it loads on other sites.
 */
export const GET: APIRoute = async ({ site = new URL('http://localhost/') }) => {
  const settings = await siteSettings();
  const feed = testimonialsFeed({
    business: settings.business.name,
    colours: settings.business.colours,
    siteUrl: absoluteUrl('', site),
    wallUrl: absoluteUrl('testimonials/', site),
    feedUrl: absoluteUrl('widget.json', site),
    testimonials: featuredTestimonials(await siteTestimonials(), WIDGET_MAX).map(({ id, data }) => ({
      url: absoluteUrl(`testimonials/${id}/`, site),
      data,
    })),
  });
  return new Response(JSON.stringify(feed), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
