import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { PositionedYaml } from '../content/index.ts';
import type { Position } from '../problems/index.ts';

/** `text` parsed by the `yaml` package, with each value's place; `lineOffset` lines come before it in its file. */
export function positionYaml(text: string, lineOffset: number): PositionedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const errors: PositionedYaml['errors'] = doc.errors.map((e) =>
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
    return { line: 1 + lineOffset, column: 1 };
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
