/**
 * A newsletter's MDX body as HTML that mail clients show as intended: every element styled inline;
 * scripts, raw HTML, JSX components and unsafe links never reach an inbox.
 */
import { mdxToHast } from 'satteri';
import { elementStyles, escapeHtml, type Palette } from '../email/index.ts';

const ALLOWED = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'del',
  's',
  'blockquote',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'pre',
  'code',
  'sup',
  'sub',
]);
const VOID = new Set(['br', 'hr', 'img']);
// Mail clients open these; anything else (javascript:, data:, relative paths) is dropped.
const SAFE_URL = /^(https?:|mailto:|tel:)/i;

type Node = {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
};

/**
 * A newsletter's MDX body as email-safe HTML. Markdown becomes styled HTML; `import`/`export`
 * lines and `{expressions}` are dropped; a JSX component or raw HTML tag keeps only its content;
 * images keep their alt text and links only web, mail and phone addresses.
 */
export function mdxToEmailHtml(body: string, palette: Palette): string {
  const styles = elementStyles(palette);
  const root = mdxToHast(body, { position: false }) as Node;
  return serialize(root.children ?? [], styles).trim();
}

function serialize(nodes: readonly Node[], styles: Record<string, string>): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escapeHtml(node.value ?? '');
    else if (node.type === 'element' && node.tagName) out += element(node, node.tagName, styles);
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const tag = node.name ?? '';
      if (ALLOWED.has(tag)) out += element({ ...node, properties: {} }, tag, styles);
      else if (node.type === 'mdxJsxFlowElement' && !(node.children ?? []).some(isBlock)) {
        // A component's inline content still reads as its own paragraph.
        out += `<p style="${styles.p}">${serialize(node.children ?? [], styles)}</p>`;
      } else out += serialize(node.children ?? [], styles);
    }
    // mdxjsEsm, expressions, comments and raw HTML are left out on purpose.
  }
  return out;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'table', 'pre', 'hr']);
function isBlock(node: Node): boolean {
  return (node.type === 'element' && BLOCKS.has(node.tagName ?? '')) || node.type === 'mdxJsxFlowElement';
}

function element(node: Node, tag: string, styles: Record<string, string>): string {
  if (!ALLOWED.has(tag)) return serialize(node.children ?? [], styles);
  const props = node.properties ?? {};
  const attrs: string[] = [];
  if (tag === 'a') {
    const href = String(props.href ?? '');
    if (!SAFE_URL.test(href)) return serialize(node.children ?? [], styles);
    attrs.push(`href="${escapeHtml(href)}"`);
  }
  if (tag === 'img') {
    const src = String(props.src ?? '');
    if (!/^https:/i.test(src)) return props.alt ? escapeHtml(String(props.alt)) : '';
    attrs.push(`src="${escapeHtml(src)}"`, `alt="${escapeHtml(String(props.alt ?? ''))}"`);
  }
  const style = styles[tag];
  if (style) attrs.push(`style="${style}"`);
  const open = `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>`;
  if (VOID.has(tag)) return open;
  return `${open}${serialize(node.children ?? [], styles)}</${tag}>`;
}
