/**
 * One person read from an address-book export, before it meets the contacts already on file. The
 * CSV and vCard readers produce it; `planImport` merges it. Values are as the export gave them,
 * trimmed; dates are already `YYYY-MM-DD` (or `MM-DD` for a birthday without a year).
 */
import { firstWord, slugify } from '../contacts/index.ts';
import type { Segment, Tier } from '../model/index.ts';
import { problem, type Position, type Problem, type ProblemCode } from '../problems/index.ts';

export type ImportedPerson = {
  /** The row as a spreadsheet numbers it (the header is row 1), or the card's number in a vCard file. */
  row: number;
  /** Where the row starts in the file. */
  at: Position;
  name?: string;
  firstName?: string;
  /** The preferred address first. */
  emails: string[];
  /** The preferred number first. */
  phones: string[];
  segment?: Segment;
  tier?: Tier;
  tags: string[];
  area?: string;
  birthday?: string;
  clientSince?: string;
  /** Job title and organization: what they do, so work can be referred back to them. */
  offers?: string;
  notes?: string;
  /** A column said they agreed to receive email: which column, what it said, and when if it said. */
  emailConsent?: { column: string; value: string; date?: string };
  /** A column said they asked for no more email (Mailchimp's UNSUB_TIME): which, what it said, when, and the reason they gave. */
  unsubscribed?: { column: string; value: string; date?: string; reason?: string };
  /** A column said the mailing service dropped their address after it bounced (Mailchimp's CLEAN_TIME). */
  cleaned?: { column: string; value: string; date?: string };
};

/** What an export is made of: a CSV's rows, a vCard file's cards, an LDIF file's entries. */
export type ImportUnit = 'row' | 'card' | 'entry';

/**
 * A problem with one row (or card) of an export, with what kind of problem it is in the same words
 * for every row (`is not a date`), so a summary can count the rows of each kind and list them.
 */
export type RowProblem = Problem & {
  kind: string;
  row: number;
  unit: ImportUnit;
  /** The spreadsheet's name for the column (`N`), when the problem is with one value of a CSV. */
  columnName?: string;
};

/**
 * A problem with one row (or card): its message starts with where it is (`row 4, column N: `),
 * then `detail`, which may name the value; `kind` says what is wrong without it.
 */
export function rowProblem(
  code: ProblemCode,
  file: string,
  at: Position,
  field: string,
  where: { row: number; unit: RowProblem['unit']; columnName?: string },
  kind: string,
  detail: string,
): RowProblem {
  const column = where.columnName ? `, column ${where.columnName}` : '';
  return { ...problem(code, file, at, field, `${where.unit} ${where.row}${column}: ${detail}`), kind, ...where };
}

/** One row (or card) of an export as read: the person, if one could be read, and the row's problems. */
export type ReadRow = { person?: ImportedPerson; problems: Problem[] };

/**
 * An export opened for reading row by row: its format, the problems of the file as a whole, how
 * many rows it has, and the rows, read one at a time as they are asked for.
 */
export type OpenedExport<Format> = {
  format: Format;
  /** Columns whose values were not imported. */
  ignored: string[];
  /** Columns no header word named, read by what their values are: `Sähköposti as email addresses`. */
  guessed?: string[];
  problems: Problem[];
  size: number;
  rows: Iterable<ReadRow>;
};

/** An export no one can be read from: its format, and the one problem that says why, at `line`. */
export function unreadableExport<Format>(
  format: Format,
  file: string,
  message: string,
  options: { line?: number; hint?: string; ignored?: string[] } = {},
): OpenedExport<Format> {
  const at = { line: options.line ?? 1, column: 1 };
  return {
    format,
    ignored: options.ignored ?? [],
    problems: [problem('UnreadableImportFile', file, at, '', message, options.hint)],
    size: 0,
    rows: [],
  };
}

/** The fields an export's column can fill, as named in a header map (`--map "E-mail=email"`). */
export const IMPORT_FIELDS = [
  'name',
  'firstName',
  'middleName',
  'lastName',
  'email',
  'phone',
  'segment',
  'tier',
  'tags',
  'area',
  'postalAddress',
  'birthday',
  'birthYear',
  'birthMonth',
  'birthDay',
  'clientSince',
  'organization',
  'title',
  'notes',
  'emailConsent',
  'consentDate',
  'unsubscribed',
  'unsubscribeReason',
  'cleaned',
  'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** `Ana  Ruiz ` → `Ana Ruiz`; control characters (NULs of misread UTF-16) dropped; undefined for blank text. */
export function cleanText(value: string | undefined): string | undefined {
  const text = value === undefined ? undefined : withoutControls(value).replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** The text without control characters other than tabs and line breaks (the NULs of misread UTF-16, a stray BOM). */
export function withoutControls(text: string): string {
  return text.replace(/(?![\t\n\v\f\r])[\p{Cc}\uFEFF]/gu, '');
}

// Words after a comma that end a name or a company rather than start a first name.
const SUFFIXES = /^(jr|sr|ii|iii|iv|phd|md|esq|ltd|inc|llc|llp|plc|gmbh|ag|co|corp|sa|sl|srl|bv|nv|oy|ab|as|pty)\.?$/i;
// A family name of up to three words ("van der Berg"), given names of up to two ("Mary Ann").
const FAMILY = /^[\p{L}][\p{L}\p{M}'’.-]*( [\p{L}][\p{L}\p{M}'’.-]*){0,2}$/u;
const GIVEN = /^[\p{L}][\p{L}\p{M}'’.-]*( [\p{L}][\p{L}\p{M}'’.-]*)?$/u;

/**
 * A name a spreadsheet wrote family name first, `Ruiz, Ana` (Outlook's "File As", many CRMs), as
 * `Ana Ruiz`. Anything else stays as it is: `Smith & Co, Ltd`, `Tom Byrne, Jr.`, two commas.
 */
export function nameInOrder(name: string): string {
  const parts = name.split(',');
  if (parts.length !== 2) return name;
  const [family, given] = parts.map((p) => p.trim());
  if (!FAMILY.test(family) || !GIVEN.test(given) || given.split(' ').some((w) => SUFFIXES.test(w))) return name;
  return `${given} ${family}`;
}

/** `Golf Club` → `golf-club`: a tag as the content model writes them. */
export function tagFrom(label: string): string | undefined {
  const tag = /\p{Script=Latin}/u.test(label) ? slugify(label) : inOwnScript(label);
  return tag || undefined;
}

/**
 * A label in another script (Клиенты, Πελάτες) as a tag: lower case, words joined by hyphens, its
 * letters kept. Folding them to ASCII, as file names are, left nothing, and the group was lost; nor
 * are accents taken off, which would make Russian й an и.
 */
function inOwnScript(label: string): string {
  return label
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

// Groups a phone or an account puts every contact in, or its own marks: they say nothing of the person.
const SYSTEM_GROUPS = new Set(['mycontacts', 'my-contacts', 'all-contacts', 'starred', 'starred-in-android']);

/**
 * A tag from a group, label or category the export names (Google's "Labels" and "Group
 * Membership", vCard's CATEGORIES, Samsung's X-GROUP-MEMBERSHIP); undefined for the groups of the
 * system rather than of the owner: Google's starred ones (`* myContacts`), `Starred in Android`.
 */
export function groupTag(label: string): string | undefined {
  if (label.trim().startsWith('*')) return undefined;
  const tag = tagFrom(label);
  return tag && !SYSTEM_GROUPS.has(tag) ? tag : undefined;
}

/**
 * The given name an export names apart, when it is not what the whole name already starts with:
 * "Bob" for "Robert Haines". A given name that differs only in case is the same word written with
 * less care (BlackBerry's `N:Doe;john` under `FN:John Doe`): the whole name's spelling stands.
 */
export function givenNameApart(name: string, given: string | undefined): string | undefined {
  if (!given) return undefined;
  const first = firstWord(name);
  return first.toLocaleLowerCase() === given.toLocaleLowerCase() ? undefined : given;
}

/**
 * Whether a phone field holds a number: three digits at least (112 is the shortest anyone dials).
 * Exports fill the field with words too: Outlook 2003's own field names ("BusinessPhone"), a
 * Windows Address Book card's "Handy". Words have no digits, so any two of them would match each
 * other as one number.
 */
export function isPhoneNumber(phone: string): boolean {
  return phoneDigits(phone).length >= 3;
}

/** Digits of a phone number for matching: `+44 (0)7700 900-123` → `447700900123`. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\(0\)/g, '').replace(/\D/g, '').replace(/^00/, '');
}

/** The person without the fields the export left empty. */
export function withoutBlanks(person: ImportedPerson): ImportedPerson {
  // A plain loop rather than Object.entries and fromEntries: it runs once a row of a large export.
  const kept: Record<string, unknown> = {};
  for (const key in person) {
    const value = person[key as keyof ImportedPerson];
    if (value !== undefined) kept[key] = value;
  }
  return kept as ImportedPerson;
}
