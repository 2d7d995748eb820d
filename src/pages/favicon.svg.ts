import type { APIRoute } from 'astro';
import { inkOn } from '../site/colours.ts';
import { siteSettings } from '../site/data.ts';
import { initials } from '../site/format.ts';

/** The business's initials on its brand colour, so browsers never ask for a missing favicon.ico. */
export const GET: APIRoute = async () => {
  const { business } = await siteSettings();
  const letters = initials(business.name).replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const fill = business.colours.primary;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${fill}"/><text x="32" y="42" font-family="system-ui, sans-serif" font-size="28" font-weight="700" text-anchor="middle" fill="${inkOn(fill)}">${letters}</text></svg>\n`;
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
