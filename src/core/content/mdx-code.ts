/**
 * MDX bodies are content, not code (issue 15 point 8). An MDX file can import modules, export
 * values and run JavaScript in `{…}` and in JSX attributes: the site's build would run it on the
 * owner's machine or in CI. Newsletters, results and testimonials are text with Markdown and
 * HTML-like tags, so anything that is code is a problem, found by the MDX parser the site uses.
 */
import type { MdastNode } from 'satteri';
import { problem, type Position, type Problem } from '../problems/index.ts';
import type { ContentParsers } from './source.ts';

/** Only a comment, `{/* like this *\/}`: MDX's way to leave a note, which runs nothing. */
const ONLY_COMMENT = /^\s*(?:\/\*[\s\S]*?\*\/\s*)+$/;

// A body without any of these cannot hold code: most files are never parsed here. Code in MDX is
// an ESM line (`import`, `export`), an expression in braces or a tag (a component, or an attribute
// whose value is an expression): each needs one of these characters or words.
const MIGHT_HOLD_CODE = /[{<]|^\s*(?:import|export)\b/m;

/** False only when `body` cannot hold code, so that it need not be parsed: never false for code. */
export function mightHoldCode(body: string): boolean {
  return MIGHT_HOLD_CODE.test(body);
}

type Node = MdastNode & {
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number; column: number; offset?: number }; end: { offset?: number } };
};

/**
 * The code in an MDX body, as problems placed in the whole file: `firstLine` is the file's line
 * on which the body starts. A body MDX cannot parse is reported once, where the parser stopped.
 * Only a body that might hold code is parsed, by `parsers.mdxTree`.
 */
export function findCodeInMdx(path: string, body: string, firstLine: number, parsers: Pick<ContentParsers, 'mdxTree'>): Problem[] {
  if (!mightHoldCode(body)) return [];
  const at = (line: number, column: number): Position => ({ line: line + firstLine - 1, column });
  let tree: Node;
  try {
    tree = parsers.mdxTree(body) as Node;
  } catch (error) {
    const message = String((error as Error).message);
    const place = /^(\d+):(\d+)(?:-\d+:\d+)?: /.exec(message);
    const words = message.slice(place?.[0].length ?? 0).replace(/ \([\w:-]+\)$/, '');
    return [problem('MalformedMdx', path, place ? at(Number(place[1]), Number(place[2])) : at(1, 1), '', words)];
  }
  const problems: Problem[] = [];
  const report = (node: Node, message: string, offset?: number) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    const where = offset === undefined ? at(start.line, start.column) : at(...lineAndColumn(body, offset));
    problems.push(problem('CodeInContent', path, where, '', message));
  };
  const visit = (node: Node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        report(node, `has an import or export, which is code: "${firstLineOf(String(node.value))}"`);
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!ONLY_COMMENT.test(String(node.value))) report(node, `has a JavaScript expression {${shorten(String(node.value))}}`);
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, body, report);
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}

/** A component (a capitalised or dotted name) and attributes whose values are expressions. */
function checkElement(node: Node, body: string, report: (node: Node, message: string, offset?: number) => void): void {
  const name = node.name ?? '';
  if (/^[A-Z]|\./.test(name)) report(node, `uses the component <${name}>; content has no components, only HTML-like tags such as <abbr>`);
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? body.length;
  for (const attribute of node.attributes ?? []) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(
        node,
        `<${name}> spreads a JavaScript expression into its attributes: {${shorten(String(attribute.value))}}`,
        find(body, '{', start, end),
      );
    } else if (typeof attribute.value === 'object' && attribute.value !== null) {
      const value = String((attribute.value as { value?: unknown }).value);
      const offset = find(body, `${attribute.name}=`, start, end);
      report(node, `the attribute ${attribute.name}={${shorten(value)}} of <${name}> is a JavaScript expression`, offset);
    }
  }
}

/** Where `text` first occurs in `body` between `start` and `end`, if it does. */
function find(body: string, text: string, start: number, end: number): number | undefined {
  const i = body.indexOf(text, start);
  return i >= 0 && i < end ? i : undefined;
}

function lineAndColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return [before.split('\n').length, offset - lastBreak];
}

function firstLineOf(text: string): string {
  return shorten(text.split('\n')[0]);
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
