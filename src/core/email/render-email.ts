/**
 * Compile once, fill many. A layout's MJML is compiled to HTML once per run (by the layouts
 * adapter); here that HTML is split at its `{{field}}` and `{{{fragment}}}` markers, and each
 * recipient's fields are joined in between. Filling costs microseconds; compiling MJML per
 * recipient would cost milliseconds.
 */
import { escapeHtml } from './email-html.ts';

/** A piece of HTML built by the renderer from content, with its plain-text twin. */
export type Fragment = { html: string; text: string };

/** One recipient's values: text is escaped where it lands in HTML; a fragment goes in as it is. */
export type EmailFields = Record<string, string | Fragment>;

type Template = { parts: string[]; slots: { name: string; raw: boolean }[] };

/** A compiled layout, ready to be filled. */
export type CompiledLayout = { name: string; html: Template; text: Template; fields: string[] };

/** An email as rendered for one recipient. */
export type RenderedEmail = { html: string; text: string };

// `{{name}}` or `{{{name}}}`; spaces inside the braces are allowed.
const MARKER = /\{\{(\{?)\s*([A-Za-z][\w.]*)\s*\}?\}\}/g;

function split(source: string): Template {
  const parts: string[] = [];
  const slots: Template['slots'] = [];
  let last = 0;
  for (const m of source.matchAll(MARKER)) {
    parts.push(source.slice(last, m.index));
    slots.push({ name: m[2], raw: m[1] === '{' });
    last = m.index + m[0].length;
  }
  parts.push(source.slice(last));
  return { parts, slots };
}

/**
 * Prepares compiled layout HTML for filling. Returns the problems an owner can fix: a `{{` that
 * is not a field marker, or a field the renderer does not know.
 */
export function prepareLayout(
  name: string,
  compiled: RenderedEmail,
  knownFields: ReadonlySet<string>,
): { layout: CompiledLayout; problems: string[] } {
  const htmlTemplate = split(compiled.html);
  const textTemplate = split(compiled.text);
  const fields = [...new Set(htmlTemplate.slots.map((s) => s.name))];
  const problems: string[] = [];
  for (const f of fields) if (!knownFields.has(f)) problems.push(`uses the field "${f}", which no email fills`);
  if (htmlTemplate.parts.some((p) => p.includes('{{'))) problems.push('has a "{{" that is not a field like {{firstName}}');
  return { layout: { name, html: htmlTemplate, text: textTemplate, fields }, problems };
}

// Filled text can never open a marker: braces are escaped along with the HTML specials.
function escapeFilled(text: string): string {
  return escapeHtml(text).replace(/[{}]/g, (c) => (c === '{' ? '&#123;' : '&#125;'));
}

function fill(template: Template, fields: EmailFields, html: boolean): string {
  const { parts, slots } = template;
  let out = parts[0];
  for (let i = 0; i < slots.length; i++) {
    const value = fields[slots[i].name];
    if (value === undefined) throw new Error(`Layout field "${slots[i].name}" has no value`);
    if (typeof value === 'string') out += html ? escapeFilled(value) : value;
    else out += html ? value.html : value.text;
    out += parts[i + 1];
  }
  return out;
}

/** Fills one recipient's fields into a compiled layout: HTML and plain text. */
export function renderEmail(layout: CompiledLayout, fields: EmailFields): RenderedEmail {
  const html = fill(layout.html, fields, true);
  // An invariant: fields are escaped and every marker was split out, so none can survive.
  if (html.includes('{{')) throw new Error(`Layout "${layout.name}" kept a "{{" after filling`);
  const text = fill(layout.text, fields, false)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { html, text: `${text}\n` };
}

/** Fills `{{field}}` markers in a line of plain text (a subject, a task), leaving no CR or LF. */
export function fillText(template: string, fields: EmailFields): string {
  return template
    .replace(MARKER, (whole, _raw: string, name: string) => {
      const value = fields[name];
      if (value === undefined) return whole;
      return typeof value === 'string' ? value : value.text;
    })
    .replace(/[\r\n]+/g, ' ')
    .trim();
}
