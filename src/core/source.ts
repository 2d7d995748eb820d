import matter from 'gray-matter';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Position } from './problems.ts';

/** A YAML text parsed for data, able to say where each value sits in the file. */
export type YamlSource = {
  data: unknown;
  /** Syntax errors, already positioned in the file. */
  errors: { message: string; at: Position }[];
  /** Line and column of the value at `path`, or of its nearest ancestor that exists. */
  locate(path: readonly PropertyKey[]): Position;
  /** Line and column of the key `key` inside the map at `path`. */
  locateKey(path: readonly PropertyKey[], key: string): Position;
};

const START: Position = { line: 1, column: 1 };

/**
 * Parses YAML with the `yaml` package's document model, keeping positions. `lineOffset` is the
 * number of lines before the text in its file (front matter starts after the opening `---`).
 */
export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const errors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
    at: position(e.pos[0]),
  }));
  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (node && typeof node === 'object' && 'range' in node && node.range) return node as Node;
    }
    return undefined;
  };
  return {
    data: errors.length ? undefined : doc.toJS({ maxAliasCount: 100 }),
    errors,
    locate(path) {
      const node = nodeAt(path);
      return node?.range ? position(node.range[0]) : { line: START.line + lineOffset, column: 1 };
    },
    locateKey(path, key) {
      const map = path.length ? doc.getIn(path, true) : doc.contents;
      if (isMap(map)) {
        const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
        if (pair && isScalar(pair.key) && pair.key.range) return position(pair.key.range[0]);
      }
      return this.locate(path);
    },
  };
}

/** True when the YAML document holds nothing but comments or whitespace. */
export function isBlank(text: string): boolean {
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

/**
 * Splits an MDX file into its YAML front matter (positioned in the whole file) and its body.
 * gray-matter finds the fences; the `yaml` package parses what is between them.
 */
export function parseFrontMatter(text: string): FrontMatter {
  // Options make gray-matter skip its cache; the engine is a no-op because we parse `matter` ourselves.
  const file = matter(text, { engines: { yaml: () => ({}) } });
  const found = /^---[ \t]*\r?\n/.test(text);
  const closed = found && /\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3));
  const raw = closed ? file.matter.replace(/^\r?\n/, '') : '';
  return { source: parseYamlSource(raw, 1), body: closed ? file.content : text, found, closed };
}

export type { Document };
