/**
 * The plain-text part of every email, made from its HTML.
 */
import { convert, type HtmlToTextOptions } from 'html-to-text';

const TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    // mj-preview's hidden preheader: the text part has no need of it.
    { selector: 'div[style*="display:none"]', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'img', format: 'skip' },
    // Each mj-text is a div: a blank line between them reads like paragraphs.
    { selector: 'div', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((h) => ({ selector: h, options: { uppercase: false } })),
    { selector: 'table.figures', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

/** Plain text for a piece of HTML, the way the text part of every email is made. */
export function htmlToText(html: string): string {
  return convert(html, TEXT_OPTIONS).trim();
}
