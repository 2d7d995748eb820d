import type { APIRoute } from 'astro';
import { featuredTestimonials } from '../core/publishing/index.ts';
import { testimonialFeedResponse } from '../site/testimonial-feed.ts';

/** The most the widget shows (its `data-count` is 1 to 12). */
const WIDGET_MAX = 12;

/**
 * What the embeddable widget reads: the featured testimonials first, then the newest, at most 12,
 * as JSON Feed 1.1. Small whatever the number of testimonials, since it loads on other sites.
 */
export const GET: APIRoute = ({ site = new URL('http://localhost/') }) =>
  testimonialFeedResponse(site, 'widget.json', (shown) => featuredTestimonials(shown, WIDGET_MAX));
