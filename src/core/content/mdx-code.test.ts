import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTENT_PARSERS } from '../parsers/index.ts';
import { findCodeInMdx, mightHoldCode } from './mdx-code.ts';

/** Parsers that fail the test if asked for a tree. */
const NO_TREE = {
  mdxTree: (): never => {
    throw new Error('parsed a body that cannot hold code');
  },
};

/** The node types MDX adds to Markdown: each is code, or holds some. */
const MDX_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

type Tree = { type: string; children?: Tree[] };
const mdxNodesIn = (tree: Tree): string[] => [
  ...(MDX_NODES.has(tree.type) ? [tree.type] : []),
  ...(tree.children ?? []).flatMap(mdxNodesIn),
];

describe('the pre-check that spares most MDX bodies a parse', () => {
  it('parses no body without a brace, a tag or an import or export line', () => {
    const plain = '# Winter\n\nTurn the *thermostat* down by one degree > 5% saved.\n\n- Important: exports rose\n- a } closing brace\n';
    expect(findCodeInMdx('n.mdx', plain, 6, NO_TREE)).toEqual([]);
  });

  it('parses a body that might hold code, and finds it', () => {
    const lines = (body: string) => findCodeInMdx('n.mdx', body, 6, CONTENT_PARSERS).map((p) => [p.line, p.message]);
    expect(lines('Text\n\nexport const rate = 4.5\n')).toEqual([[8, 'has an import or export, which is code: "export const rate = 4.5"']]);
    expect(lines('Saved {2 + 2}')).toEqual([[6, 'has a JavaScript expression {2 + 2}']]);
    expect(lines('Plain <b>bold</b> and a \\{ brace')).toEqual([]);
  });

  it('never lets code through: a body it spares parses to plain Markdown', () => {
    const token = fc.constantFrom(
      'import',
      'export',
      ' ',
      '\n',
      '\t',
      'text',
      'x = 1',
      'from "./a.js"',
      '#',
      '*',
      '`',
      '```',
      '>',
      '/',
      '}',
      '"',
      '(',
      ')',
      '[a](b)',
      '!',
      '&amp;',
      ';',
      '-',
      '\\',
      '$',
      ':',
      '=',
      '\u00a0',
    );
    const body = fc.oneof(
      fc.array(token, { maxLength: 30 }).map((t) => t.join('')),
      fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
    );
    fc.assert(
      fc.property(body, (text) => {
        fc.pre(!mightHoldCode(text));
        expect(mdxNodesIn(CONTENT_PARSERS.mdxTree(text) as Tree)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
