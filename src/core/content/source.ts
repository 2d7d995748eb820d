import jsyaml from 'js-yaml';
import type { MdastNode } from 'satteri';
import type { Position } from '../problems/index.ts';
import { splitFrontMatter } from './front-matter.ts';

/** A YAML text parsed for data, able to say where each value sits in the file. */
export type YamlSource = {
  data: unknown;
  /** Syntax errors, already positioned in the file; `YamlTag` for a tag, which is not syntax. */
  errors: { message: string; at: Position; code?: 'YamlTag' }[];
  /** Line and column of the value at `path`, or of its nearest ancestor that exists. */
  locate(path: readonly PropertyKey[]): Position;
  /** Line and column of the key `key` inside the map at `path`. */
  locateKey(path: readonly PropertyKey[], key: string): Position;
};

/** A YAML text read by the slow parser, which knows where each value sits and says where syntax breaks. */
export type PositionedYaml = Pick<YamlSource, 'errors' | 'locate' | 'locateKey'> & { toJS(): unknown };

/**
 * The slow parsers, called only for the few files that need them (a problem to place, a body that
 * might hold code), so that a caller may load them on first use: most runs never do.
 */
export type ContentParsers = {
  /** `text` as a positioned document; `lineOffset` lines come before it in its file. */
  positionYaml(text: string, lineOffset: number): PositionedYaml;
  /** An MDX body's syntax tree; throws, with the place in its message, when MDX cannot parse it. */
  mdxTree(body: string): MdastNode;
};

/**
 * Parses YAML and can say where each value sits. js-yaml (YAML 1.2 core schema: dates stay text)
 * reads the data quickly; the positioned document, slower but with exact positions, is built by
 * `parsers` only when a position is asked for or js-yaml rejects the text. `lineOffset` is the
 * number of lines before the text in its file (front matter starts after the opening `---`).
 */
export function parseYamlSource(text: string, parsers: ContentParsers, lineOffset = 0): YamlSource {
  let data: unknown;
  let fast = true;
  try {
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    fast = false;
  }
  let slow: PositionedYaml | undefined;
  const doc = () => (slow ??= parsers.positionYaml(text, lineOffset));
  if (!fast) {
    // Let the positioned parser give the message and the place; if it accepts the text, use its data.
    data = doc().errors.length ? undefined : doc().toJS();
  }
  return {
    data,
    errors: fast ? [] : doc().errors,
    locate: (path) => doc().locate(path),
    locateKey: (path, key) => doc().locateKey(path, key),
  };
}

/** True when the YAML document holds nothing but comments or whitespace. */
export function isBlank(text: string): boolean {
  // Most files open with a field: a first visible character other than # settles it at once.
  const first = /\S/.exec(text);
  if (!first) return true;
  if (first[0] !== '#') return false;
  return text.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line));
}

export type FrontMatter = {
  source: YamlSource;
  body: string;
  /** The file opens with a `---` fence. */
  found: boolean;
  /** A closing `---` fence follows. */
  closed: boolean;
};

/** Splits an MDX file into its YAML front matter (positioned in the whole file) and its body. */
export function parseFrontMatter(text: string, parsers: ContentParsers): FrontMatter {
  const { found, closed, matter, body } = splitFrontMatter(text);
  return { source: parseYamlSource(matter, parsers, 1), body, found, closed };
}
