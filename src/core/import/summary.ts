/**
 * What an import did, in words an owner reads on a phone: the counts first, then the problems by
 * kind (each kind's hint once), then, when there are few of them or when asked, each contact
 * created or updated. Pure.
 */
import { countOf, formatProblem, sortProblems, type Problem, type ProblemCode } from '../problems/index.ts';
import type { ImportPlan } from './contacts.ts';
import type { ImportUnit, RowProblem } from './person.ts';

/** Contacts created or updated are listed one by one up to this many, or with `--verbose`. */
const LISTED_UP_TO = 20;

export type ImportSummary = {
  /** The file, what it is, and one count a line. */
  counts: string[];
  /** The new and changed contacts by id and name, with their rows; empty when there are many. */
  contacts: string[];
};

// The problems an import reports, counted by what became of the row (card, entry) or value.
const COUNTED: { codes: ProblemCode[]; one: (unit: ImportUnit) => string; many: (unit: ImportUnit) => string }[] = [
  {
    codes: ['SamePhoneKeptApart'],
    one: () => 'kept apart from a contact with the same phone',
    many: () => 'kept apart from a contact with the same phone',
  },
  {
    codes: ['SameNameKeptApart'],
    one: () => 'kept apart from a contact with the same name',
    many: () => 'kept apart from a contact with the same name',
  },
  { codes: ['BadImportValue', 'AmbiguousImportDate'], one: () => 'value left out', many: () => 'values left out' },
  {
    codes: ['BadImportRow', 'AmbiguousImportRow', 'UnreadableImportFile'],
    one: (unit) => `${unit} not imported`,
    many: (unit) => `${unit}s not imported`,
  },
];

/**
 * The summary of an import of `file` (`described`: "Google Contacts export, UTF-16LE") that made
 * `plan` and found `problems`. `oneLine`: the counts on the file's own line and no contacts listed
 * (unless `verbose`), for one of many exports in an archive.
 */
export function summarizeImport(
  plan: Pick<ImportPlan, 'create' | 'update' | 'unchanged'>,
  problems: readonly Pick<Problem, 'code'>[],
  options: { file: string; described: string; verbose: boolean; unit?: ImportUnit; oneLine?: boolean },
): ImportSummary {
  if (options.oneLine && !options.verbose) {
    const [file, ...counts] = summarizeImport(plan, problems, { ...options, oneLine: false, verbose: true }).counts;
    return { counts: [`${file} ${counts.map((c) => c.trim()).join(', ')}`], contacts: [] };
  }
  const listed = options.verbose || plan.create.length + plan.update.length <= LISTED_UP_TO;
  const ask = !listed && ' (list them with --verbose)';
  const [created, updated, unchanged] = contactCounts(plan.create.length, plan.update.length, plan.unchanged.length);
  const counts = [
    `${options.file} (${options.described}):`,
    `  ${created}${(plan.create.length > 0 && ask) || ''}`,
    `  ${updated}${(plan.update.length > 0 && ask) || ''}`,
    `  ${unchanged}`,
  ];
  const unit = options.unit ?? 'row';
  for (const { codes, one, many } of COUNTED) {
    const n = problems.filter((p) => (codes as string[]).includes(p.code)).length;
    if (n) counts.push(`  ${countOf(n, one(unit), many(unit))}`);
  }
  if (!listed) return { counts, contacts: [] };
  const contacts: string[] = [];
  if (plan.create.length) contacts.push('New contacts:');
  for (const c of plan.create) contacts.push(`  ${c.id}: ${String(c.data.name)}, ${rows(c.rows, unit)}`);
  if (plan.update.length) contacts.push('Updated:');
  for (const c of plan.update) {
    const fields = [...new Set(c.changes.map((change) => change.path.join('.')))].join(', ');
    const name = c.name ? `${c.name}, ` : '';
    contacts.push(`  ${c.id}: ${name}${rows(c.rows, unit)}: ${fields}`);
  }
  return { counts, contacts };
}

/** The line after an archive's exports, told a line each: the contacts they made, changed and found up to date. */
export function summarizeArchive(archive: string, exports: number, total: { created: number; updated: number; unchanged: number }): string {
  const counts = contactCounts(total.created, total.updated, total.unchanged).join(', ');
  return `${archive}, ${exports} exports: ${counts}${total.created + total.updated ? ' (list them with --verbose)' : ''}`;
}

function contactCounts(created: number, updated: number, unchanged: number): string[] {
  return [
    countOf(created, 'new contact', 'new contacts'),
    countOf(updated, 'contact updated', 'contacts updated'),
    countOf(unchanged, 'already up to date', 'already up to date'),
  ];
}

function rows(numbers: readonly number[], unit: ImportUnit): string {
  return numbers.length === 1 ? `${unit} ${numbers[0]}` : `${unit}s ${numbers.join(', ')}`;
}

/** Problems of one kind are listed one by one up to this many, or with `--verbose`. */
const PROBLEMS_LISTED_UP_TO = 3;
/** The rows a count of a larger kind names. */
const ROWS_NAMED = 5;

/** Problems of one kind, in one file and column: the lines that tell them, the hint once, and the problems. */
export type ProblemGroup = { lines: string[]; hint: string; problems: Problem[] };

/**
 * The problems of an import by kind, in the order of the file: a kind with few rows lists each
 * problem (`file:line:col Birthday: row 4, column N: "15" is not a date; …`); a larger one is
 * counted on one line that names its first rows (`file Birthday (column N) not a date: 312 rows
 * (rows 4, 9, 15, 22, 30, …; --verbose lists all)`), unless `verbose`. Each kind's hint comes once.
 */
export function groupProblems(problems: readonly Problem[], verbose: boolean): ProblemGroup[] {
  const groups = new Map<unknown, Problem[]>();
  for (const p of sortProblems([...problems])) {
    // A problem of no kind (the file as a whole) is a group of its own.
    const key = isRowProblem(p) ? [p.file, p.code, p.field, p.columnName, p.kind].join('\0') : p;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group;
    const listed = verbose || group.length <= PROBLEMS_LISTED_UP_TO || !isRowProblem(first);
    const lines = listed ? group.map((p) => formatProblem(p).split('\n')[0]) : [countedLine(group as RowProblem[])];
    return { lines, hint: first.hint, problems: group };
  });
}

function countedLine(group: readonly RowProblem[]): string {
  const [{ file, field, columnName, kind, unit }] = group;
  const where = [file, field, columnName && `(column ${columnName})`].filter(Boolean).join(' ');
  const rows = [...new Set(group.map((p) => p.row))];
  const named = rows.slice(0, ROWS_NAMED).join(', ') + (rows.length > ROWS_NAMED ? ', …' : '');
  const units = `${unit}s`;
  return `${where} ${kind}: ${countOf(rows.length, unit, units)} (${units} ${named}; --verbose lists all)`;
}

function isRowProblem(p: Problem): p is RowProblem {
  return 'kind' in p;
}
