/**
 * Markup for email: a newsletter's MDX body as email-safe HTML, and HTML as plain text. Kept apart
 * from `core/email` because both parsers take a noticeable part of a second to load: what only
 * fills in subjects and tasks (`npm run plan`, `npm run check`) never loads them.
 */
import type { BodyRenderer } from '../email/index.ts';
import { htmlToText } from './html-text.ts';
import { mdxToEmailHtml } from './mdx-html.ts';

export { htmlToText };

/** A newsletter's body as the fragment an email carries: HTML, and its text twin. */
export const renderBody: BodyRenderer = (mdx, palette, site) => {
  const html = mdxToEmailHtml(mdx, palette, site);
  return { html, text: `${htmlToText(html)}\n\n` };
};
