/**
 * Email-safe HTML: escaping, and the inline style of each element a body may hold (mail clients
 * drop `<style>` blocks often enough that every element carries its style inline). Turning MDX
 * into such HTML is `core/markup`'s.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Colours the fragments take from settings. */
export type Palette = { primary: string; accent: string };

/** Inline styles for each element an email body may contain. */
export function elementStyles(palette: Palette): Record<string, string> {
  return {
    h1: `font-size:22px;line-height:1.3;margin:8px 0 8px;color:${palette.primary}`,
    h2: `font-size:20px;line-height:1.3;margin:8px 0 8px;color:${palette.primary}`,
    h3: 'font-size:17px;line-height:1.3;margin:8px 0 6px;color:#222222',
    h4: 'font-size:16px;line-height:1.3;margin:8px 0 6px;color:#222222',
    p: 'margin:0 0 12px',
    ul: 'margin:0 0 12px;padding-left:22px',
    ol: 'margin:0 0 12px;padding-left:22px',
    li: 'margin:0 0 6px',
    a: `color:${palette.primary};word-break:break-word`,
    blockquote: `margin:0 0 12px;padding:0 0 0 14px;border-left:3px solid ${palette.accent};color:#333333`,
    img: 'max-width:100%;height:auto;border:0',
    table: 'border-collapse:collapse;width:100%;margin:0 0 12px',
    th: 'text-align:left;padding:4px 8px 4px 0;border-bottom:1px solid #cccccc',
    td: 'padding:4px 8px 4px 0;border-bottom:1px solid #e5e5e5;vertical-align:top',
    pre: 'white-space:pre-wrap;word-break:break-word;background-color:#f5f3ef;padding:8px;margin:0 0 12px',
    code: 'font-family:Menlo,Consolas,monospace;font-size:14px',
    hr: 'border:0;border-top:1px solid #e5e5e5;margin:16px 0',
  };
}
