import jsyaml from 'js-yaml';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
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

const START: Position = { line: 1, column: 1 };

/**
 * Parses YAML and can say where each value sits. js-yaml (YAML 1.2 core schema: dates stay text)
 * reads the data quickly; the `yaml` package's document, slower but with exact positions, is
 * built only when a position is asked for or js-yaml rejects the text. `lineOffset` is the number
 * of lines before the text in its file (front matter starts after the opening `---`).
 */
export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
  let data: unknown;
  let fast = true;
  try {
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    fast = false;
  }
  let slow: ReturnType<typeof positioned> | undefined;
  const doc = () => (slow ??= positioned(text, lineOffset));
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

function positioned(text: string, lineOffset: number) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const errors: YamlSource['errors'] = doc.errors.map((e) =>
    // The parser runs out of stack on thousands of nested [ or {, somewhere inside them: the
    // place it stops depends on the stack, so the whole file is named.
    /Maximum call stack/.test(e.message)
      ? { message: 'is nested too deeply to read: a record needs a few levels of [ and {, not thousands', at: position(0) }
      : { message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), at: position(e.pos[0]) },
  );
  // A tag the schema does not know (`!!js/function`, `!foo`) is only a warning to the parser,
  // which then reads the value as plain text: here it is an error, so no tag passes unnoticed.
  for (const w of doc.warnings) {
    if (w.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = text.slice(w.pos[0], w.pos[1]).trim();
    errors.push({ code: 'YamlTag', message: `the tag ${tag} is not allowed: content is plain YAML`, at: position(w.pos[0]) });
  }
  const locate = (path: readonly PropertyKey[]): Position => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) return position(node.range[0]);
    }
    return { line: START.line + lineOffset, column: START.column };
  };
  const locateKey = (path: readonly PropertyKey[], key: string): Position => {
    const map = path.length ? doc.getIn(path, true) : doc.contents;
    if (isMap(map)) {
      const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair && isScalar(pair.key) && pair.key.range) return position(pair.key.range[0]);
    }
    return locate(path);
  };
  return { errors, locate, locateKey, toJS: () => doc.toJS({ maxAliasCount: 100 }) };
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
export function parseFrontMatter(text: string): FrontMatter {
  const { found, closed, matter, body } = splitFrontMatter(text);
  return { source: parseYamlSource(matter, 1), body, found, closed };
}
