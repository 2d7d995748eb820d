import type { z } from 'zod';
import { formatField, problem, type Problem, type ProblemCode } from '../problems/index.ts';
import type { YamlSource } from './source.ts';

type Issue = z.core.$ZodIssue;

/** Turns zod's issues for one file into problems placed on the offending YAML node. */
export function problemsFromIssues(issues: readonly Issue[], schema: z.ZodType, source: YamlSource, file: string): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      return issue.keys.map((key) =>
        problem(
          'UnknownKey',
          file,
          source.locateKey(path, key),
          formatField([...path, key]),
          `"${key}" is not a known field`,
          unknownKeyHint(key, known),
        ),
      );
    }
    const [code, message] = describe(issue);
    return [problem(code, file, source.locate(path), formatField(path), message)];
  });
}

function describe(issue: Issue): [ProblemCode, string] {
  const custom = !/^(Invalid|Too )/.test(issue.message);
  if (issue.input === undefined && issue.code !== 'custom') return ['MissingField', 'is required'];
  switch (issue.code) {
    case 'invalid_type':
      return ['WrongType', `should be ${expectedName(issue.expected)}, not ${receivedName(issue.input)}`];
    case 'invalid_value':
      return ['NotAllowed', `${JSON.stringify(issue.input)} is not allowed; use ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`];
    case 'invalid_union':
      return ['NotAllowed', custom ? issue.message : 'does not match any of the allowed forms'];
    case 'invalid_format':
      if (issue.format === 'email') return ['InvalidEmail', issue.message];
      return ['InvalidFormat', custom ? issue.message : `is not a valid ${issue.format}`];
    case 'too_small':
    case 'too_big':
      return ['OutOfRange', custom ? issue.message : rangeMessage(issue)];
    case 'custom': {
      const code = (issue.params as { code?: ProblemCode } | undefined)?.code ?? 'Invalid';
      return [code, issue.message];
    }
    default:
      return ['Invalid', issue.message];
  }
}

function rangeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const bound = issue.code === 'too_small' ? 'at least' : 'at most';
  if (issue.origin === 'array') return `should have ${bound} ${limit} item${limit === '1' ? '' : 's'}`;
  if (issue.origin === 'string') return `should be ${bound} ${limit} characters long`;
  return `should be ${bound} ${limit}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields (key: value)',
  date: 'a date',
};

function expectedName(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

function receivedName(input: unknown): string {
  if (input === null) return 'empty';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a set of fields';
  if (typeof input === 'string') return `the text ${JSON.stringify(input)}`;
  return `${typeof input === 'number' ? 'the number' : typeof input} ${String(input)}`;
}

function unknownKeyHint(key: string, known: string[]): string {
  const near = known
    .map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase()) }))
    .filter(({ k, d }) => d <= Math.max(2, Math.floor(k.length / 3)))
    .sort((a, b) => a.d - b.d);
  if (near.length) return `Did you mean "${near[0].k}"?`;
  return known.length ? `Known fields here: ${known.join(', ')}.` : 'Remove this field.';
}

/** Levenshtein distance, for "did you mean". */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
};

/** The field names a schema allows at `path`, for suggestions. Unions contribute every option's keys. */
function knownKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let level: z.ZodType[] = [schema];
  for (const part of [...path, undefined]) {
    const next: z.ZodType[] = [];
    const visit = (s: z.ZodType): void => {
      const def = s._zod.def as unknown as Def;
      if (def.innerType) visit(def.innerType);
      else if (def.type === 'pipe' && def.in) visit(def.in);
      else if (def.options) for (const option of def.options) visit(option);
      else if (part === undefined) {
        if (def.shape) next.push(s);
      } else if (typeof part === 'number' && def.element) next.push(def.element);
      else if (typeof part === 'string' && def.shape?.[part]) next.push(def.shape[part]);
    };
    level.forEach(visit);
    level = next;
  }
  const keys = level.flatMap((s) => Object.keys((s._zod.def as unknown as Def).shape ?? {}));
  return [...new Set(keys)].sort();
}
