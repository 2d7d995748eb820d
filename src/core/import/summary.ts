/**
 * What an import did, in words an owner reads on a phone: the counts first, then, when there are
 * few of them or when asked, each contact created or updated. The problems are printed between
 * the two as problems. Pure.
 */
import type { Problem, ProblemCode } from '../problems/index.ts';
import type { ImportPlan } from './contacts.ts';

/** Contacts created or updated are listed one by one up to this many, or with `--verbose`. */
const LISTED_UP_TO = 20;

export type ImportSummary = {
  /** The file, what it is, and one count a line. */
  counts: string[];
  /** The new and changed contacts by id and name, with their rows; empty when there are many. */
  contacts: string[];
};

// The problems an import reports, counted by what became of the row or value.
const COUNTED: { codes: ProblemCode[]; one: string; many: string }[] = [
  {
    codes: ['SamePhoneKeptApart'],
    one: 'kept apart from a contact with the same phone',
    many: 'kept apart from a contact with the same phone',
  },
  { codes: ['BadImportValue', 'AmbiguousImportDate'], one: 'value left out', many: 'values left out' },
  { codes: ['BadImportRow', 'AmbiguousImportRow', 'UnreadableImportFile'], one: 'row not imported', many: 'rows not imported' },
];

/**
 * The summary of an import of `file` (`described`: "Google Contacts export, UTF-16LE") that made
 * `plan` and found `problems`.
 */
export function summarizeImport(
  plan: Pick<ImportPlan, 'create' | 'update' | 'unchanged'>,
  problems: readonly Pick<Problem, 'code'>[],
  options: { file: string; described: string; verbose: boolean },
): ImportSummary {
  const listed = options.verbose || plan.create.length + plan.update.length <= LISTED_UP_TO;
  const ask = !listed && ' (list them with --verbose)';
  const counts = [
    `${options.file} (${options.described}):`,
    `  ${count(plan.create.length, 'new contact', 'new contacts')}${(plan.create.length > 0 && ask) || ''}`,
    `  ${count(plan.update.length, 'contact updated', 'contacts updated')}${(plan.update.length > 0 && ask) || ''}`,
    `  ${count(plan.unchanged.length, 'already up to date', 'already up to date')}`,
  ];
  for (const { codes, one, many } of COUNTED) {
    const n = problems.filter((p) => (codes as string[]).includes(p.code)).length;
    if (n) counts.push(`  ${count(n, one, many)}`);
  }
  if (!listed) return { counts, contacts: [] };
  const contacts: string[] = [];
  if (plan.create.length) contacts.push('New contacts:');
  for (const c of plan.create) contacts.push(`  ${c.id}: ${String(c.data.name)}, ${rows(c.rows)}`);
  if (plan.update.length) contacts.push('Updated:');
  for (const c of plan.update) {
    const fields = [...new Set(c.changes.map((change) => change.path.join('.')))].join(', ');
    const name = c.name ? `${c.name}, ` : '';
    contacts.push(`  ${c.id}: ${name}${rows(c.rows)}: ${fields}`);
  }
  return { counts, contacts };
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function rows(numbers: readonly number[]): string {
  return numbers.length === 1 ? `row ${numbers[0]}` : `rows ${numbers.join(', ')}`;
}
