import type { APIRoute } from 'astro';
import { resultClientName } from '../core/publishing/index.ts';
import { siteNewsletters, siteResults, siteSettings } from '../site/data.ts';
import { rssFeed } from '../site/feeds.ts';
import { absoluteUrl } from '../site/urls.ts';

/** Results and advice articles, newest first. */
export const GET: APIRoute = async ({ site = new URL('http://localhost/') }) => {
  const settings = await siteSettings();
  const results = (await siteResults()).map(({ id, data }) => ({
    title: data.title,
    url: absoluteUrl(`results/${id}/`, site),
    date: data.date,
    category: 'Result',
    description: [
      data.summary,
      `For ${resultClientName(data).replace(/^A /, 'a ')}.`,
      ...data.figures.map((f) => `${f.label}: ${f.value}.`),
    ].join(' '),
  }));
  const articles = (await siteNewsletters()).map(({ id, data }) => ({
    title: data.subject,
    url: absoluteUrl(`advice/${id}/`, site),
    date: data.sendDate,
    category: 'Advice',
    description: data.summary ?? data.preheader,
  }));
  const xml = rssFeed({
    title: `${settings.business.name}: results and advice`,
    description: settings.business.tagline ?? `Results and advice from ${settings.business.name}`,
    language: settings.site.locale,
    siteUrl: absoluteUrl('', site),
    feedUrl: absoluteUrl('rss.xml', site),
    items: [...results, ...articles],
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
