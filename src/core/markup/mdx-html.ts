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
 * images keep their alt text and links only web, mail and phone addresses. A path from the site's
 * root (`/images/boiler.jpg`, as the editor's image button writes one; `/results/`) is a page or
 * file of the site at `site`, its public address, base path included.
 */
export function mdxToEmailHtml(body: string, palette: Palette, site?: string): string {
  const styles = elementStyles(palette);
  const root = mdxToHast(body, { position: false }) as Node;
  const onSite = site ? sitePaths(site) : (url: string) => url;
  return serialize(root.children ?? [], { styles, onSite }).trim();
}

/** `/images/x.jpg` → `https://owner.github.io/referable/images/x.jpg`; any other address as it is. */
function sitePaths(site: string): (url: string) => string {
  const root = site.endsWith('/') ? site : `${site}/`;
  return (url) => (url.startsWith('/') && !url.startsWith('//') ? new URL(url.slice(1), root).href : url);
}

type Context = { styles: Record<string, string>; onSite: (url: string) => string };

function serialize(nodes: readonly Node[], context: Context): string {
  const { styles } = context;
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escapeHtml(node.value ?? '');
    else if (node.type === 'element' && node.tagName) out += element(node, node.tagName, context);
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const tag = node.name ?? '';
      if (ALLOWED.has(tag)) out += element({ ...node, properties: {} }, tag, context);
      else if (node.type === 'mdxJsxFlowElement' && !(node.children ?? []).some(isBlock)) {
        // A component's inline content still reads as its own paragraph.
        out += `<p style="${styles.p}">${serialize(node.children ?? [], context)}</p>`;
      } else out += serialize(node.children ?? [], context);
    }
    // mdxjsEsm, expressions, comments and raw HTML are left out on purpose.
  }
  return out;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'table', 'pre', 'hr']);
function isBlock(node: Node): boolean {
  return (node.type === 'element' && BLOCKS.has(node.tagName ?? '')) || node.type === 'mdxJsxFlowElement';
}

function element(node: Node, tag: string, context: Context): string {
  const { styles, onSite } = context;
  if (!ALLOWED.has(tag)) return serialize(node.children ?? [], context);
  const props = node.properties ?? {};
  const attrs: string[] = [];
  if (tag === 'a') {
    const href = onSite(String(props.href ?? ''));
    if (!SAFE_URL.test(href)) return serialize(node.children ?? [], context);
    attrs.push(`href="${escapeHtml(href)}"`);
  }
  if (tag === 'img') {
    const src = onSite(String(props.src ?? ''));
    if (!/^https:/i.test(src)) return props.alt ? escapeHtml(String(props.alt)) : '';
    attrs.push(`src="${escapeHtml(src)}"`, `alt="${escapeHtml(String(props.alt ?? ''))}"`);
  }
  const style = styles[tag];
  if (style) attrs.push(`style="${style}"`);
  const open = `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>`;
  if (VOID.has(tag)) return open;
  return `${open}${serialize(node.children ?? [], context)}</${tag}>`;
}
