import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/urls.ts';

export const GET: APIRoute = ({ site = new URL('http://localhost/') }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('sitemap.xml', site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
