import type { APIRoute } from 'astro';
import { siteSettings, siteTestimonials } from '../site/data.ts';
import { testimonialsFeed } from '../site/feeds.ts';
import { absoluteUrl } from '../site/urls.ts';

/** A feed carries what is new, not the whole wall: the 50 newest testimonials. */
const FEED_SIZE = 50;

/** JSON Feed 1.1 of the newest public testimonials, for feed readers. */
export const GET: APIRoute = async ({ site = new URL('http://localhost/') }) => {
  const settings = await siteSettings();
  const feed = testimonialsFeed({
    business: settings.business.name,
    colours: settings.business.colours,
    siteUrl: absoluteUrl('', site),
    wallUrl: absoluteUrl('testimonials/', site),
    feedUrl: absoluteUrl('testimonials.json', site),
    testimonials: (await siteTestimonials()).slice(0, FEED_SIZE).map(({ id, data }) => ({ url: absoluteUrl(`testimonials/${id}/`, site), data })),
  });
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
