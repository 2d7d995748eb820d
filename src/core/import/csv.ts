/**
 * Reads a CSV export of an address book: Google Contacts, Outlook, or any table with a header row
 * (its columns named by common words or by a header map). Pure: the file comes in as text.
 */
import { parse } from 'csv-parse/sync';
import { problem, type Problem } from '../problems/index.ts';
import { EmailSchema, isCalendarDate, isMonthDay, SEGMENTS, TIERS, type Segment, type Tier } from '../model/index.ts';
import { firstWord } from '../contacts/index.ts';
import { cleanText, IMPORT_FIELDS, tagFrom, withoutBlanks, type ImportedPerson, type ImportField } from './person.ts';

type CsvFormat = 'google' | 'outlook' | 'generic';
/** Header (any case) → field. */
export type HeaderMap = ReadonlyMap<string, ImportField>;

export type CsvImport = {
  format: CsvFormat;
  people: ImportedPerson[];
  /** Columns whose values were not imported. */
  ignored: string[];
  problems: Problem[];
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

const GOOGLE: Record<string, ImportField> = {
  name: 'name',
  'given name': 'firstName',
  'additional name': 'middleName',
  'family name': 'lastName',
  'first name': 'firstName',
  'middle name': 'middleName',
  'last name': 'lastName',
  'organization name': 'organization',
  'organization title': 'title',
  'organization 1 - name': 'organization',
  'organization 1 - title': 'title',
  birthday: 'birthday',
  notes: 'notes',
  labels: 'tags',
  'group membership': 'tags',
  'address 1 - city': 'area',
};
const OUTLOOK: Record<string, ImportField> = {
  'first name': 'firstName',
  'middle name': 'middleName',
  'last name': 'lastName',
  'e-mail address': 'email',
  'e-mail 2 address': 'email',
  'e-mail 3 address': 'email',
  'primary phone': 'phone',
  'mobile phone': 'phone',
  'home phone': 'phone',
  'home phone 2': 'phone',
  'business phone': 'phone',
  'business phone 2': 'phone',
  'other phone': 'phone',
  company: 'organization',
  'job title': 'title',
  birthday: 'birthday',
  notes: 'notes',
  categories: 'tags',
  'home city': 'area',
  'business city': 'area',
};
// Headers reduced to letters and digits.
const WORDS: Record<string, ImportField> = {
  name: 'name',
  fullname: 'name',
  displayname: 'name',
  contactname: 'name',
  firstname: 'firstName',
  givenname: 'firstName',
  forename: 'firstName',
  first: 'firstName',
  middlename: 'middleName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  last: 'lastName',
  segment: 'segment',
  tier: 'tier',
  tags: 'tags',
  tag: 'tags',
  labels: 'tags',
  groups: 'tags',
  categories: 'tags',
  area: 'area',
  city: 'area',
  town: 'area',
  birthday: 'birthday',
  dateofbirth: 'birthday',
  dob: 'birthday',
  birthdate: 'birthday',
  clientsince: 'clientSince',
  customersince: 'clientSince',
  company: 'organization',
  organization: 'organization',
  organisation: 'organization',
  jobtitle: 'title',
  notes: 'notes',
  note: 'notes',
  comments: 'notes',
  emailconsent: 'emailConsent',
  consent: 'emailConsent',
  optin: 'emailConsent',
  emailoptin: 'emailConsent',
  subscribed: 'emailConsent',
  marketingconsent: 'emailConsent',
  acceptsemailmarketing: 'emailConsent',
  consentdate: 'consentDate',
  optindate: 'consentDate',
  subscribedon: 'consentDate',
};

function detectFormat(headers: string[]): CsvFormat {
  const lower = headers.map((h) => h.toLowerCase());
  if (lower.some((h) => /^e-mail \d+ - value$/.test(h)) || lower.includes('given name')) return 'google';
  if (lower.includes('e-mail address') && lower.includes('first name')) return 'outlook';
  return 'generic';
}

function fieldOf(header: string, format: CsvFormat, map: HeaderMap): ImportField | undefined {
  const lower = header.trim().toLowerCase();
  const mapped = map.get(lower);
  if (mapped) return mapped;
  if (format === 'google') {
    if (/^e-mail \d+ - value$/.test(lower)) return 'email';
    if (/^phone \d+ - value$/.test(lower)) return 'phone';
    if (GOOGLE[lower]) return GOOGLE[lower];
  }
  if (format === 'outlook' && OUTLOOK[lower]) return OUTLOOK[lower];
  const word = lower.replace(/[^a-z0-9]/g, '');
  if (WORDS[word]) return WORDS[word];
  if (format !== 'generic') return undefined;
  if (/e?mail/.test(word) && !/(label|type)$/.test(word)) return 'email';
  if (/phone|mobile|^cell|^tel/.test(word) && !/(label|type)$/.test(word)) return 'phone';
  return undefined;
}

/** Reads the rows of a CSV export. A row with a bad value is reported and left out; the rest are read. */
export function readCsvContacts(text: string, file: string, options: { map?: HeaderMap } = {}): CsvImport {
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    const delimiter = detectDelimiter(text);
    records = parse(text, { bom: true, info: true, delimiter, relax_column_count: true, relax_quotes: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    const why = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is never closed (a " is missing)' : e.message.replace(/^[^:]*: /, '');
    const message = `cannot be read as CSV: ${why}`;
    return {
      format: 'generic',
      people: [],
      ignored: [],
      problems: [problem('UnreadableImportFile', file, { line: e.lines ?? 1, column: 1 }, '', message)],
    };
  }
  const [head, ...rows] = records;
  const headers = head?.record.map((h) => h.trim()) ?? [];
  const format = detectFormat(headers);
  const fields = headers.map((h) => fieldOf(h, format, options.map ?? new Map()));
  const ignored = headers.filter((h, i) => h && (!fields[i] || fields[i] === 'ignore'));
  if (!fields.some((f) => f === 'name' || f === 'firstName' || f === 'lastName' || f === 'organization' || f === 'email')) {
    const message = `has no column for names or email addresses (its columns: ${headers.join(', ')})`;
    const hint = 'Give the file a header row, or name its columns with --map "E-mail=email,Full name=name".';
    return { format, people: [], ignored, problems: [problem('UnreadableImportFile', file, { line: 1, column: 1 }, '', message, hint)] };
  }

  const bytes = new TextEncoder().encode(text);
  let line = 1;
  let offset = head?.info.bytes ?? 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  const people: ImportedPerson[] = [];
  const problems: Problem[] = [];
  rows.forEach(({ record, info }, index) => {
    const at = { line, column: 1 };
    for (let i = offset; i < info.bytes; i++) if (bytes[i] === 10) line++;
    offset = info.bytes;
    if (record.every((cell) => !cell.trim())) return;
    const read = personFromRow(record, headers, fields, format, index + 2, at);
    if ('problem' in read) problems.push(problem('BadImportRow', file, at, read.column, `row ${index + 2}: ${read.problem}`));
    else people.push(read);
  });
  return { format, people, ignored, problems };
}

type RowError = { column: string; problem: string };

function personFromRow(
  record: string[],
  headers: string[],
  fields: (ImportField | undefined)[],
  format: CsvFormat,
  row: number,
  at: ImportedPerson['at'],
): ImportedPerson | RowError {
  const values = new Map<ImportField, { column: string; value: string }[]>();
  fields.forEach((field, i) => {
    const value = record[i]?.trim();
    if (!field || field === 'ignore' || !value) return;
    values.set(field, [...(values.get(field) ?? []), { column: headers[i], value }]);
  });
  const first = (field: ImportField) => values.get(field)?.[0];
  const text = (field: ImportField) => cleanText(first(field)?.value);
  const person: ImportedPerson = { row, at, emails: [], phones: [], tags: [] };

  for (const { column, value } of values.get('email') ?? []) {
    for (const part of value.split(/\s*(?::::|[;,\s])\s*/).filter(Boolean)) {
      const email = EmailSchema.safeParse(part.replace(/^mailto:/i, ''));
      if (!email.success) return { column, problem: `"${part}" is not an email address` };
      if (!person.emails.includes(email.data)) person.emails.push(email.data);
    }
  }
  const phoneCells = (values.get('phone') ?? []).toSorted((a, b) => phoneRank(a.column) - phoneRank(b.column));
  for (const { value } of phoneCells) {
    for (const part of value.split(/\s*(?::::|;)\s*/).map(cleanText)) if (part && !person.phones.includes(part)) person.phones.push(part);
  }
  for (const { value } of values.get('tags') ?? []) {
    for (const label of value.split(/\s*(?::::|[;,])\s*/)) {
      const tag = label.startsWith('*') ? undefined : tagFrom(label); // Google's system labels: "* myContacts"
      if (tag && !person.tags.includes(tag)) person.tags.push(tag);
    }
  }

  const given = [text('firstName'), text('middleName'), text('lastName')].filter(Boolean).join(' ');
  person.name = text('name') ?? (given || undefined) ?? text('organization') ?? person.emails[0];
  if (!person.name) return { column: '', problem: 'has neither a name nor an email address' };
  const firstName = text('firstName');
  if (firstName && firstWord(person.name) !== firstName) person.firstName = firstName;
  const offers = [text('title'), text('organization')].filter(Boolean).join(', ');
  if (offers && offers !== person.name) person.offers = offers;
  person.area = text('area');
  person.notes = first('notes')?.value.replace(/\r\n?/g, '\n');

  for (const [field, pick] of [
    ['segment', SEGMENTS],
    ['tier', TIERS],
  ] as const) {
    const cell = first(field);
    if (!cell) continue;
    const value = tagFrom(cell.value);
    if (!value || !(pick as readonly string[]).includes(value)) {
      return { column: cell.column, problem: `"${cell.value}" is not a ${field}; use one of ${pick.join(', ')}` };
    }
    if (field === 'segment') person.segment = value as Segment;
    else person.tier = value as Tier;
  }
  for (const field of ['birthday', 'clientSince', 'consentDate'] as const) {
    const cell = first(field);
    if (!cell) continue;
    const day = readDay(cell.value, format, field === 'birthday');
    if (day === null) continue;
    if (day === undefined) return { column: cell.column, problem: `"${cell.value}" is not a date (write YYYY-MM-DD)` };
    if (field === 'consentDate') continue;
    person[field] = day;
  }
  const consent = first('emailConsent');
  if (consent) {
    const yes = readYesNo(consent.value);
    if (yes === undefined) return { column: consent.column, problem: `"${consent.value}" does not say yes or no to email` };
    const date = first('consentDate') && readDay(first('consentDate')!.value, format, false);
    if (yes) person.emailConsent = { column: consent.column, value: consent.value, ...(date ? { date } : {}) };
  }
  return withoutBlanks(person);
}

// Spreadsheets in much of Europe save CSV with semicolons; some tools save tabs.
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

// The number to call first: Outlook's "Primary Phone", then a mobile, then the rest in file order.
function phoneRank(column: string): number {
  if (/primary/i.test(column)) return 0;
  if (/mobile|cell/i.test(column)) return 1;
  return 2;
}

/**
 * A day as `YYYY-MM-DD` (or `MM-DD` for a birthday without a year); `null` for the blanks exports
 * write (Outlook's `0/0/00`); undefined when it is not a day. Outlook writes M/D/YYYY.
 */
function readDay(value: string, format: CsvFormat, birthday: boolean): string | null | undefined {
  const text = value.trim();
  if (/^0?0\/0?0\/0{2,4}$/.test(text)) return null;
  const us = format === 'outlook' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text) : null;
  const iso = us ? `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}` : text.replace(/^--/, '');
  if (isCalendarDate(iso)) return iso;
  if (birthday && /^\d{2}-\d{2}$/.test(iso) && isMonthDay(iso)) return iso;
  return undefined;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'subscribed', 'opted in', 'opt-in', 'opt in', 'consented']);
const NO = new Set(['no', 'n', 'false', '0', 'unsubscribed', 'opted out', 'opt-out', 'opt out', 'none']);

function readYesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v) || !v) return false;
  return undefined;
}
