import type { APIRoute } from 'astro';
import { testimonialFeedResponse } from '../site/testimonial-feed.ts';

/** A feed carries what is new, not the whole wall: the 50 newest testimonials. */
const FEED_SIZE = 50;

/** JSON Feed 1.1 of the newest public testimonials, for feed readers. */
export const GET: APIRoute = ({ site = new URL('http://localhost/') }) =>
  testimonialFeedResponse(site, 'testimonials.json', (shown) => shown.slice(0, FEED_SIZE));
