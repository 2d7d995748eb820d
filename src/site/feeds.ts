/**
 * The site's feeds as text: RSS 2.0 for results and advice, JSON Feed 1.1 for testimonials (read
 * by the embeddable widget). Pure: the endpoints pass in absolute URLs.
 */
import { describeEndorsement, disclosures } from '../core/publishing/index.ts';
import type { Testimonial } from '../core/model/index.ts';

type RssItem = { title: string; url: string; date: string; description: string; category: string };

export type RssChannel = {
  title: string;
  description: string;
  /** The business's locale (`en-GB`); RSS writes it in lower case. */
  language: string;
  siteUrl: string;
  feedUrl: string;
  items: RssItem[];
};

function xml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** A calendar day as RFC 822 (RSS's date format), at midnight UTC. */
function rfc822(day: string): string {
  return new Date(`${day}T00:00:00Z`).toUTCString();
}

/** RSS 2.0, newest item first. */
export function rssFeed(channel: RssChannel): string {
  const items = channel.items
    .toSorted((a, b) => b.date.localeCompare(a.date) || a.url.localeCompare(b.url))
    .map(
      (item) => `    <item>
      <title>${xml(item.title)}</title>
      <link>${xml(item.url)}</link>
      <guid isPermaLink="true">${xml(item.url)}</guid>
      <pubDate>${rfc822(item.date)}</pubDate>
      <category>${xml(item.category)}</category>
      <description>${xml(item.description)}</description>
    </item>`,
    );
  const latest = channel.items
    .map((i) => i.date)
    .sort()
    .at(-1);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xml(channel.title)}</title>
    <link>${xml(channel.siteUrl)}</link>
    <description>${xml(channel.description)}</description>
    <language>${xml(channel.language.toLowerCase())}</language>
    <atom:link href="${xml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>${latest ? `\n    <lastBuildDate>${rfc822(latest)}</lastBuildDate>` : ''}
${items.join('\n')}
  </channel>
</rss>
`;
}

/** What the widget needs beyond JSON Feed's own fields, under JSON Feed's `_` extension rule. */
type TestimonialExtension = {
  kind: Testimonial['kind'];
  endorsement: string;
  detail?: string;
  author: { name: string; description?: string };
  quote: string;
  disclosures: { label: string; text: string }[];
  featured: boolean;
  source: { name: string; url?: string };
};

export type TestimonialFeedInput = {
  business: string;
  /** The business's locale (`en-GB`). */
  language: string;
  colours: { primary: string; accent: string };
  siteUrl: string;
  wallUrl: string;
  feedUrl: string;
  /** How the endorsement kinds are spelled (`en-GB`: "Organisation"). */
  locale?: string;
  testimonials: { url: string; data: Testimonial }[];
};

/**
 * JSON Feed 1.1 of the public testimonials. Each item's text carries the endorsement kind and the
 * disclosures after the quote, so a feed reader shows them together too.
 */
export function testimonialsFeed(input: TestimonialFeedInput) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${input.business}: testimonials`,
    home_page_url: input.wallUrl,
    feed_url: input.feedUrl,
    language: input.language,
    _referable: { business: input.business, siteUrl: input.siteUrl, colours: input.colours },
    items: input.testimonials.map(({ url, data }) => {
      const endorsement = describeEndorsement(data, input.locale);
      const notes = disclosures(data);
      const byline = `${data.author.name}, ${endorsement.label.toLowerCase()}${endorsement.detail ? ` (${endorsement.detail})` : ''}`;
      const extension: TestimonialExtension = {
        kind: data.kind,
        endorsement: endorsement.label,
        ...(endorsement.detail ? { detail: endorsement.detail } : {}),
        author: data.author.description ? { name: data.author.name, description: data.author.description } : { name: data.author.name },
        quote: data.quote,
        disclosures: notes,
        featured: data.featured,
        source: data.source,
      };
      return {
        id: url,
        url,
        title: `${endorsement.label} testimonial from ${data.author.name}`,
        content_text: [`“${data.quote}”`, `— ${byline}`, ...notes.map((n) => `${n.label}: ${n.text}`)].join('\n\n'),
        date_published: `${data.date}T00:00:00Z`,
        authors: [{ name: data.author.name }],
        tags: data.tags,
        _referable: extension,
      };
    }),
  };
}
