import type { z } from 'zod';
import { problem, type Problem } from '../problems/index.ts';
import { findCodeInMdx } from './mdx-code.ts';
import { isBlank, parseFrontMatter, parseYamlSource, type ContentParsers, type YamlSource } from './source.ts';
import { problemsFromIssues } from './zod-issues.ts';

/** A content file as read from disk: its path (shown to the owner) and its text. */
export type SourceFile = { path: string; text: string };

/** Files past this size are reported, not parsed: a record is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

const START = { line: 1, column: 1 };

export type Parsed<T> = { data?: T; body?: string; source?: YamlSource; problems: Problem[] };

/**
 * How zod checks records. `jitless` skips the parser zod compiles (with `new Function`) for each
 * object schema on its first use: compiling costs more than it saves until there are thousands
 * of records, so a small folder is checked without it. The issues found are the same either way.
 */
export type CheckOptions = { jitless?: boolean };

/**
 * Parses one YAML file (or an MDX file's front matter) and validates it against `schema`; `parsers`
 * are called only when the file has a problem to place or a body that might hold code.
 */
export function parseFile<S extends z.ZodType>(
  file: SourceFile,
  schema: S,
  format: 'yaml' | 'mdx',
  parsers: ContentParsers,
  check: CheckOptions = {},
): Parsed<z.output<S>> {
  const text = withoutBom(file.text);
  if (text.length > MAX_FILE_BYTES) {
    const size = `${(text.length / 1024 / 1024).toFixed(1)} MB`;
    return { problems: [problem('FileTooLarge', file.path, START, '', `is ${size}; content files may be at most 1 MB`)] };
  }
  if (format === 'yaml' ? isBlank(text) : !text.trim()) return { problems: [problem('EmptyFile', file.path, START, '', 'is empty')] };
  const unreadable = characterProblem(file.path, text);
  if (unreadable) return { problems: [unreadable] };

  let source: YamlSource;
  let body: string | undefined;
  if (format === 'mdx') {
    const fm = parseFrontMatter(text, parsers);
    if (!fm.found) return { problems: [problem('MissingFrontMatter', file.path, START, '', 'has no front matter')] };
    if (!fm.closed) {
      return {
        problems: [problem('MissingFrontMatter', file.path, START, '', 'front matter is not closed by a line of three dashes (---)')],
      };
    }
    source = fm.source;
    body = fm.body;
  } else {
    source = parseYamlSource(text, parsers);
  }
  if (source.errors.length) {
    // Later syntax errors are usually echoes of the first: report the first one.
    const [first] = source.errors;
    return { source, problems: [problem(first.code ?? 'MalformedYaml', file.path, first.at, '', first.message)] };
  }
  const input = source.data ?? {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    return {
      source,
      problems: [problem('WrongType', file.path, START, '', 'should be a set of fields (key: value), not a single value or a list')],
    };
  }
  const code = body !== undefined && /\.mdx$/i.test(file.path) ? findCodeInMdx(file.path, body, bodyFirstLine(text, body), parsers) : [];
  const result = schema.safeParse(input, { reportInput: true, jitless: check.jitless });
  if (!result.success) return { source, body, problems: [...problemsFromIssues(result.error.issues, schema, source, file.path), ...code] };
  if (code.length) return { source, body, problems: code };
  return { data: result.data, body, source, problems: [] };
}

/**
 * The positioned source `parseFile` had for a file it parsed, made again from the text: for the
 * few problems found after parsing, so that ten thousand files need not keep theirs.
 */
export function sourceAgain(file: SourceFile, format: 'yaml' | 'mdx', parsers: ContentParsers): YamlSource {
  const text = withoutBom(file.text);
  return format === 'mdx' ? parseFrontMatter(text, parsers).source : parseYamlSource(text, parsers);
}

// U+FFFD is what decoding puts where bytes are not UTF-8; the others are C0 controls besides tab,
// line feed and carriage return, and DEL, which no YAML or Markdown text holds.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const BAD_CHARACTER = /[\uFFFD\0-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/** The first character no text file of ours should hold, as a problem with its line and column. */
function characterProblem(path: string, text: string): Problem | undefined {
  const found = BAD_CHARACTER.exec(text);
  if (!found) return undefined;
  const before = text.slice(0, found.index);
  const line = before.split('\n').length;
  const at = { line, column: found.index - before.lastIndexOf('\n') };
  if (found[0] === '\uFFFD') return problem('NotUtf8', path, at, '', 'is not UTF-8 text: this line holds bytes that are not');
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const name = found[0] === '\0' ? 'a NUL character' : `the control character U+${code}`;
  return problem('ControlCharacter', path, at, '', `holds ${name}, which text never does`);
}

/** The line of `text` on which `body`, its end, begins. */
function bodyFirstLine(text: string, body: string): number {
  let line = 1;
  const end = text.length - body.length;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
