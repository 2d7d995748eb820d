/**
 * The content parsers for commands that start often: the slow ones (`yaml` with positions,
 * satteri's MDX trees) are loaded the first time a file needs one, which on valid content is
 * never, saving their load on every start (issue 20). They are loaded synchronously, by `require`,
 * because validation is synchronous and pure.
 */
import { createRequire } from 'node:module';
import type { ContentParsers } from '../../core/content/index.ts';

const require = createRequire(import.meta.url);
let loaded: ContentParsers | undefined;

function load(): ContentParsers {
  loaded ??= (require('../../core/parsers/index.ts') as typeof import('../../core/parsers/index.ts')).CONTENT_PARSERS;
  return loaded;
}

export const LAZY_PARSERS: ContentParsers = {
  positionYaml: (text, lineOffset) => load().positionYaml(text, lineOffset),
  mdxTree: (body) => load().mdxTree(body),
};
