/**
 * The JSON Feed responses of the site's testimonials: `testimonials.json` for feed readers and
 * `widget.json` for the embeddable widget differ only in which testimonials they carry.
 */
import type { Testimonial } from '../core/model/index.ts';
import { siteSettings, siteTestimonials, type SiteEntry } from './data.ts';
import { testimonialsFeed } from './feeds.ts';
import { absoluteUrl } from './urls.ts';

export async function testimonialFeedResponse(
  site: URL,
  feedPath: string,
  pick: (shown: readonly SiteEntry<Testimonial>[]) => readonly SiteEntry<Testimonial>[],
): Promise<Response> {
  const settings = await siteSettings();
  const feed = testimonialsFeed({
    business: settings.business.name,
    language: settings.site.locale,
    colours: settings.business.colours,
    siteUrl: absoluteUrl('', site),
    wallUrl: absoluteUrl('testimonials/', site),
    feedUrl: absoluteUrl(feedPath, site),
    locale: settings.site.locale,
    testimonials: pick(await siteTestimonials()).map(({ id, data }) => ({ url: absoluteUrl(`testimonials/${id}/`, site), data })),
  });
  return new Response(JSON.stringify(feed), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}
