/**
 * Reads a CSV export of an address book: Google Contacts, Outlook, or any table with a header row
 * (its columns named by common words or by a header map). Pure: the file comes in as text.
 */
import { parse } from 'csv-parse/sync';
import type { Problem } from '../problems/index.ts';
import { EmailSchema, type DateOrder } from '../model/index.ts';
import { columnLetters, columnName, mapsByLetter, readHeaders, type CsvFormat, type HeaderMap } from './csv-headers.ts';
import { personFromRow } from './csv-row.ts';
import { dateOrderOf } from './dates.ts';
import {
  IMPORT_FIELDS,
  type ImportedPerson,
  type ImportField,
  rowProblem,
  type OpenedExport,
  type ReadRow,
  unreadableExport,
} from './person.ts';

export type CsvImport = {
  format: CsvFormat;
  people: ImportedPerson[];
  /** Columns whose values were not imported. */
  ignored: string[];
  /** Columns read by what their values are (see OpenedExport). */
  guessed: string[];
  problems: Problem[];
};

export type CsvOptions = {
  map?: HeaderMap;
  /** The order of day and month in numeric dates, when the file's own dates do not say (settings.yaml). */
  dateOrder?: DateOrder;
  /** The business's time zone (settings.yaml): the day a time written in UTC fell on there. */
  timeZone?: string;
};

/** `"E-mail=email,Full name=name"` → a header map; an error names what is wrong. */
export function parseHeaderMap(text: string): { map: HeaderMap } | { error: string } {
  const map = new Map<string, ImportField>();
  for (const pair of text.split(',').filter((p) => p.trim())) {
    const at = pair.lastIndexOf('=');
    const header = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim() as ImportField;
    if (at < 0 || !header) return { error: `--map: "${pair.trim()}" should be written HEADER=FIELD` };
    if (!IMPORT_FIELDS.includes(field)) {
      return { error: `--map: "${field}" is not a field; use one of ${IMPORT_FIELDS.join(', ')}` };
    }
    map.set(header.toLowerCase(), field);
  }
  return { map };
}

// Exports may open with lines of their own before the header row (LinkedIn's "Notes:").
const PREAMBLE_ROWS = 20;

/**
 * Reads the rows of a CSV export. A bad value is reported and left out, and the person is read
 * without it; a row with neither a name nor an email address is reported and left out.
 */
export function readCsvContacts(text: string, file: string, options: CsvOptions = {}): CsvImport {
  const opened = openCsvContacts(text, file, options);
  const people: ImportedPerson[] = [];
  const problems = [...opened.problems];
  for (const row of opened.rows) {
    if (row.person) people.push(row.person);
    problems.push(...row.problems);
  }
  return { format: opened.format, people, ignored: opened.ignored, guessed: opened.guessed ?? [], problems };
}

/** A CSV export opened to be read row by row (see readCsvContacts). */
export function openCsvContacts(text: string, file: string, options: CsvOptions = {}): OpenedExport<CsvFormat> {
  let records: string[][];
  try {
    const delimiter = detectDelimiter(text);
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    const why = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is never closed (a " is missing)' : e.message.replace(/^[^:]*: /, '');
    const message = `cannot be read as CSV: ${why}`;
    return unreadableExport('generic', file, message, { line: e.lines ?? 1 });
  }
  const map = options.map ?? new Map();
  let start = headerRow(records.slice(0, PREAMBLE_ROWS), map);
  let headers = records[start]?.map((h) => h.trim()) ?? [];
  const { format, fields, named } = readHeaders(headers, map);
  // A first row that names no column is no header row when it holds an address, or when the
  // owner names the columns by letter: the file is a bare table of people.
  const headless = !named && (headers.some(isEmail) || mapsByLetter(map));
  const firstRow = headers;
  if (headless) {
    start -= 1;
    headers = headers.map((_, i) => columnName(i));
  }
  const guessed: string[] = [];
  if (!fields.includes('email')) {
    const sample = records.slice(start + 1, start + 1 + SAMPLED_ROWS);
    const email = columnOf(sample, fields, isEmail);
    if (email !== undefined) {
      fields[email] = 'email';
      guessed.push(`${headers[email]} as email addresses`);
      const name = fields.some(isName) ? undefined : columnOf(sample, fields, isPersonName);
      if (name !== undefined) {
        fields[name] = 'name';
        guessed.unshift(`${headers[name]} as names`);
      }
      const phone = fields.includes('phone') ? undefined : columnOf(sample, fields, isPhone);
      if (phone !== undefined) {
        fields[phone] = 'phone';
        guessed.push(`${headers[phone]} as phone numbers`);
      }
    }
  }
  const ignored = headers.filter((h, i) => h && (!fields[i] || fields[i] === 'ignore'));
  if (!fields.some(isNameOrEmail)) {
    const hint =
      'Give the file a header row, or name its columns with --map: by their headers ("E-mail=email,Full name=name"), or, in a file without a header row, by their letters ("column A=firstName,column B=lastName").';
    // A first row holding a web address, a phone number or a date is a person, not a header row.
    if (!named && firstRow.some(isValue)) {
      const message = `has no header row, and no column of email addresses to find its people by (its first row: ${firstRow.filter(Boolean).join(', ')})`;
      return unreadableExport(format, file, message, { hint });
    }
    const message = `has no column for names or email addresses (its columns: ${headers.join(', ')})`;
    return unreadableExport(format, file, message, { hint, ignored });
  }

  const rows = records.slice(start + 1);
  const dateColumns = fields.flatMap((f, i) => (f === 'birthday' || f === 'clientSince' || f === 'consentDate' ? [i] : []));
  // Mailchimp writes its dates month first, whatever the account's country.
  const dateOrder = format === 'mailchimp' ? 'MDY' : (dateOrderOf(cellsOf(rows, dateColumns)) ?? options.dateOrder);
  const phoneRanks = headers.map(phoneRank);
  const utcIn = format === 'mailchimp' ? options.timeZone : undefined;
  function* read(): Generator<ReadRow> {
    // A record takes its own line and one more for each line break inside its quoted values.
    let line = 1;
    for (const record of records.slice(0, start + 1)) line += linesOf(record);
    for (const [index, record] of rows.entries()) {
      const at = { line, column: 1 };
      line += linesOf(record);
      if (record.every((cell) => !cell.trim())) continue;
      const row = start + index + 2;
      const read = personFromRow(record, headers, fields, { row, at, dateOrder, phoneRanks, utcIn });
      const problems = read.problems.map((p) => {
        const field = p.index === undefined ? '' : headers[p.index];
        const where = { row, unit: 'row' as const, ...(p.index === undefined ? {} : { columnName: columnLetters(p.index) }) };
        return rowProblem(p.code, file, at, field, where, p.kind, p.message);
      });
      yield { person: read.person, problems };
    }
  }
  return { format, ignored, guessed, problems: [], size: rows.length, rows: read() };
}

// Rows looked at to find the columns of a table whose headers do not name them.
const SAMPLED_ROWS = 50;

const isEmail = (value: string) => EmailSchema.safeParse(value).success;
// Letters, spaces, hyphens, apostrophes and dots, in at most five words: "Aino Virtanen", "J. O'Neill".
const isPersonName = (value: string) => value.length <= 60 && /^\p{L}[\p{L}\p{M} .'’-]*$/u.test(value) && value.split(/\s+/).length <= 5;
// Digits with the spaces, dots, dashes, brackets and leading + that numbers are written with.
const isPhone = (value: string) => /^\+?[\d\s().-]{6,20}$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 6;
// What a header never is: a web address, a phone number, a date written in figures.
const isValue = (value: string) =>
  /^https?:\/\//i.test(value) || isPhone(value) || /^\d{1,4}[-./ ]\w{1,9}[-./ ]\d{2,4}$/.test(value.trim());
const isName = (field: ImportField | undefined) => field === 'name' || field === 'firstName' || field === 'lastName';

/**
 * The first column no header word claimed whose values are nearly all of a kind (email addresses,
 * names), for a table whose header row is in a language we lack, or missing: its people still
 * come in. The import says which columns it read so.
 */
function columnOf(
  rows: readonly string[][],
  fields: readonly (ImportField | undefined)[],
  test: (value: string) => boolean,
): number | undefined {
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let i = 0; i < width; i++) {
    if (fields[i]) continue;
    const values = rows.map((r) => r[i]?.trim() ?? '').filter(Boolean);
    if (values.length && values.filter(test).length >= values.length * 0.8) return i;
  }
  return undefined;
}

// The header row is the early row that names the most known columns.
function headerRow(records: readonly string[][], map: HeaderMap): number {
  let best = 0;
  let most = 0;
  records.forEach((r, i) => {
    const known = readHeaders(r, map).fields.filter((f) => f && f !== 'ignore').length;
    if (known > most) [best, most] = [i, known];
  });
  return best;
}

function isNameOrEmail(field: ImportField | undefined): boolean {
  return field === 'name' || field === 'firstName' || field === 'lastName' || field === 'organization' || field === 'email';
}

/** The lines a record takes in the file: its own, and one for each line break inside its values. */
function linesOf(record: readonly string[]): number {
  let lines = 1;
  for (const cell of record) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** The cells of `columns` in every row, without copying them into one list. */
function* cellsOf(rows: readonly string[][], columns: readonly number[]): Generator<string> {
  if (!columns.length) return;
  for (const record of rows) for (const i of columns) yield record[i] ?? '';
}

// Spreadsheets in much of Europe save CSV with semicolons; some tools save tabs. The header row may
// come after a preamble, so the delimiter is the one that splits some early line the most.
function detectDelimiter(text: string): string {
  const lines = text.slice(0, 16_384).split(/\r?\n/, PREAMBLE_ROWS + 1);
  const counts = [',', ';', '\t'].map((d) => [d, Math.max(...lines.map((l) => l.split(d).length))] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

// The number to call first: Outlook's "Primary Phone", then a mobile, then the rest in file order.
function phoneRank(column: string): number {
  if (/primary|haupt|principal|hoofd/i.test(column) && !/company|firma|société|società|empresa|bedrijf|organización/i.test(column))
    return 0;
  if (/mobile|cell|mobil|móvil|cellulare|celular|telemóvel|komórk|переносн|мобильн|сотов|携帯/i.test(column)) return 1;
  return 2;
}
