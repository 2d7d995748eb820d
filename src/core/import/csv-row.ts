/**
 * The person in one row of a CSV export, each cell read by the field its column holds: a value
 * that cannot be read is left out and reported with its column, and the person is kept. Pure.
 */
import { EmailSchema, SEGMENTS, TIERS, type DateOrder, type Segment, type Tier } from '../model/index.ts';
import { birthdayOfParts, dayOfTime, readDay } from './dates.ts';
import { DISCARDED_STAGES, STAGES } from './header-words.ts';
import {
  cleanText,
  givenNameApart,
  groupTag,
  type ImportedPerson,
  isPhoneNumber,
  type ImportField,
  nameInOrder,
  tagFrom,
  withoutBlanks,
  withoutControls,
} from './person.ts';

/** A value problem in a row; `index` is its column, when one cell is at fault. */
export type ValueProblem = {
  code: 'BadImportValue' | 'AmbiguousImportDate' | 'BadImportRow';
  index?: number;
  kind: string;
  message: string;
};

/** What a row is read with, beyond its cells. */
export type RowContext = {
  row: number;
  at: ImportedPerson['at'];
  dateOrder: DateOrder | undefined;
  /** Each column's place in the order phones are kept (see phoneRank in csv.ts). */
  phoneRanks: readonly number[];
  /** Set when the file's times are UTC: the time zone whose day they are given. */
  utcIn: string | undefined;
};

type Cell = { index: number; value: string };

/** A row's non-blank cells by field, and the values dropped from it so far. */
type Row = {
  cells(field: ImportField): readonly Cell[];
  first(field: ImportField): Cell | undefined;
  text(field: ImportField): string | undefined;
  /** Leaves a value out and reports it: `kind` names what is wrong for a summary ("not a date"), `why` says it of the value. */
  drop(cell: Cell, kind: string, why?: string): void;
  problems: ValueProblem[];
};

export function personFromRow(
  record: readonly string[],
  headers: readonly string[],
  fields: readonly (ImportField | undefined)[],
  context: RowContext,
): { person?: ImportedPerson; problems: ValueProblem[] } {
  const row = rowOf(record, fields);
  const person: ImportedPerson = { row: context.row, at: context.at, emails: [], phones: [], tags: [] };
  readLists(row, person, context.phoneRanks);
  const name = nameOf(row, person.emails[0]);
  if (!name) {
    const message = 'has neither a name nor an email address';
    return { problems: [...row.problems, { code: 'BadImportRow', kind: 'no name or email address', message }] };
  }
  person.name = name;
  const stage = row.first('segment');
  if (stage && DISCARDED_STAGES.has(tagFrom(stage.value) ?? '')) {
    const message = `"${stage.value}" is the stage of people discarded in the CRM: not imported (change their stage in the export to import them)`;
    return { problems: [...row.problems, { code: 'BadImportRow', index: stage.index, kind: 'discarded in the CRM', message }] };
  }
  readAbout(row, person, name);
  person.birthday = dayIn(row, 'birthday', context.dateOrder) ?? birthdayInParts(row);
  person.clientSince = dayIn(row, 'clientSince', context.dateOrder);
  readEmailStanding(row, person, headers, context);
  return { person: withoutBlanks(person), problems: row.problems };
}

function rowOf(record: readonly string[], fields: readonly (ImportField | undefined)[]): Row {
  const values = new Map<ImportField, Cell[]>();
  fields.forEach((field, index) => {
    const value = record[index]?.trim();
    if (!field || field === 'ignore' || !value) return;
    const cells = values.get(field);
    if (cells) cells.push({ index, value });
    else values.set(field, [{ index, value }]);
  });
  const problems: ValueProblem[] = [];
  const first = (field: ImportField) => values.get(field)?.[0];
  return {
    cells: (field) => values.get(field) ?? [],
    first,
    text: (field) => cleanText(first(field)?.value),
    drop: (cell, kind, why = `is ${kind}`) =>
      problems.push({ code: 'BadImportValue', index: cell.index, kind, message: `"${cell.value}" ${why}; imported without it` }),
    problems,
  };
}

/** Emails, phones (the first to call first) and tags: a cell may hold several of each. */
function readLists(row: Row, person: ImportedPerson, phoneRanks: readonly number[]): void {
  for (const cell of row.cells('email')) {
    for (const part of emailParts(cell.value)) {
      const email = EmailSchema.safeParse(part.replace(/^mailto:/i, ''));
      if (!email.success) row.drop({ ...cell, value: part }, 'not an email address');
      else if (!person.emails.includes(email.data)) person.emails.push(email.data);
    }
  }
  const phoneCells = row.cells('phone').toSorted((a, b) => phoneRanks[a.index] - phoneRanks[b.index]);
  for (const cell of phoneCells) {
    for (const part of cell.value.split(/\s*(?::::|;)\s*/).map(cleanText)) {
      if (!part) continue;
      if (!isPhoneNumber(part)) row.drop({ ...cell, value: part }, 'not a phone number');
      else if (!person.phones.includes(part)) person.phones.push(part);
    }
  }
  for (const { value } of row.cells('tags')) {
    for (const label of value.split(/\s*(?::::|[;,])\s*/)) {
      const tag = groupTag(label);
      if (tag && !person.tags.includes(tag)) person.tags.push(tag);
    }
  }
}

/** The whole name, else the name in parts, the organization or the email address. */
function nameOf(row: Row, email: string | undefined): string | undefined {
  const parts = familyFirst(row.text('lastName'))
    ? [row.text('lastName'), row.text('firstName'), row.text('middleName')]
    : [row.text('firstName'), row.text('middleName'), row.text('lastName')];
  const given = parts.filter(Boolean).join(' ');
  const name = row.text('name');
  return (name && nameInOrder(name)) ?? (given || undefined) ?? row.text('organization') ?? email;
}

/** The first name when it is not the name's first word, what they offer, where, notes, segment and tier. */
function readAbout(row: Row, person: ImportedPerson, name: string): void {
  const firstName = givenNameApart(name, row.text('firstName'));
  if (firstName) person.firstName = firstName;
  const offers = [row.text('title'), row.text('organization')].filter(Boolean).join(', ');
  if (offers && offers !== name) person.offers = offers;
  person.area = row.text('area') ?? townOf(row.first('postalAddress')?.value);
  person.notes = cleanNotes(row.first('notes')?.value);
  for (const [field, pick] of [
    ['segment', SEGMENTS],
    ['tier', TIERS],
  ] as const) {
    const cell = row.first(field);
    if (!cell) continue;
    const word = tagFrom(cell.value);
    const value = field === 'segment' && word ? (STAGES.get(word) ?? word) : word;
    if (!value || !(pick as readonly string[]).includes(value))
      row.drop(cell, `not a ${field}`, `is not a ${field} (use one of ${pick.join(', ')})`);
    else if (field === 'segment') person.segment = value as Segment;
    else person.tier = value as Tier;
  }
}

/** A day in one column; a day that could be read two ways is reported and left out. */
function dayIn(row: Row, field: 'birthday' | 'clientSince' | 'consentDate', dateOrder: DateOrder | undefined): string | undefined {
  const cell = row.first(field);
  if (!cell) return undefined;
  const read = readDay(cell.value, dateOrder, field === 'birthday');
  if ('day' in read) return read.day;
  if ('ambiguous' in read) {
    const [dmy, mdy] = read.ambiguous;
    const message = `"${cell.value}" could be ${dmy} (day first) or ${mdy} (month first); imported without it`;
    row.problems.push({ code: 'AmbiguousImportDate', index: cell.index, kind: 'could be day or month first', message });
  } else if ('invalid' in read) row.drop(cell, 'not a date');
  return undefined;
}

/** A birthday written in three columns (Thunderbird): the year may be blank. */
function birthdayInParts(row: Row): string | undefined {
  const [year, month, day] = [row.first('birthYear'), row.first('birthMonth'), row.first('birthDay')];
  const read = birthdayOfParts(year?.value, month?.value, day?.value);
  if ('day' in read) return read.day;
  if ('invalid' in read) {
    const parts = [year, month, day].filter((c) => c !== undefined);
    row.drop({ index: (day ?? month)!.index, value: parts.map((c) => c.value).join('-') }, 'not a date');
  }
  return undefined;
}

/** Unsubscribed, cleaned (bounced) and consent to email, each as the file said it. */
function readEmailStanding(row: Row, person: ImportedPerson, headers: readonly string[], context: RowContext): void {
  // A time in the column says yes on its day (Mailchimp's CONFIRM_TIME, UNSUB_TIME, CLEAN_TIME).
  for (const [field, what] of [
    ['unsubscribed', 'whether they unsubscribed'],
    ['cleaned', 'whether their address bounced'],
  ] as const) {
    const cell = row.first(field);
    if (!cell) continue;
    const stamped = dayOfTime(cell.value, context.utcIn);
    const yes = stamped !== undefined || readYesNo(cell.value);
    if (yes === undefined) row.drop(cell, 'not yes or no', `does not say ${what}`);
    if (yes) person[field] = { column: headers[cell.index], value: cell.value, ...(stamped ? { date: stamped } : {}) };
  }
  // Mailchimp's reason and, for "Other", the person's own words: "Other: Moved away".
  const reason = row
    .cells('unsubscribeReason')
    .map((c) => cleanText(c.value))
    .filter(Boolean)
    .join(': ');
  if (person.unsubscribed && reason) person.unsubscribed.reason = reason;
  const consent = row.first('emailConsent');
  if (consent && !person.unsubscribed && !person.cleaned) {
    const stamped = dayOfTime(consent.value, context.utcIn);
    const yes = stamped !== undefined || readYesNo(consent.value);
    if (yes === undefined) row.drop(consent, 'not yes or no', 'does not say yes or no to email');
    const date = dayIn(row, 'consentDate', context.dateOrder) ?? stamped;
    if (yes) person.emailConsent = { column: headers[consent.index], value: consent.value, ...(date ? { date } : {}) };
  }
}

// Several addresses in one cell: "a@x.example; b@y.example", Google's " ::: ", or spaces between
// addresses. Text with spaces and no second address stays whole ("Duncan Amey", an Exchange name).
function emailParts(value: string): string[] {
  // Most cells hold one address: no need to split them.
  if (!/[;,]|:::/.test(value) && value.indexOf('@') === value.lastIndexOf('@')) return [value];
  return value
    .split(/\s*(?::::|[;,])\s*/)
    .flatMap((part) => ((part.match(/@/g)?.length ?? 0) > 1 ? part.split(/\s+/) : [part]))
    .filter(Boolean);
}

/**
 * The town of a whole address in one cell, its parts separated by two spaces (Mailchimp):
 * street, [second line,] town, region, postcode, country. Undefined when it is not written so.
 */
function townOf(address: string | undefined): string | undefined {
  const parts = address?.split('  ').map((part) => part.trim()) ?? [];
  return parts.length >= 5 ? cleanText(parts.at(-4)) : undefined;
}

function cleanNotes(value: string | undefined): string | undefined {
  const notes = value === undefined ? undefined : withoutControls(value.replace(/\r\n?/g, '\n'));
  return notes?.trim() ? notes : undefined;
}

// Chinese, Japanese and Korean names are written family name first.
function familyFirst(lastName: string | undefined): boolean {
  return lastName !== undefined && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(lastName);
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'subscribed', 'opted in', 'opt-in', 'opt in', 'consented']);
const NO = new Set(['no', 'n', 'false', '0', 'unsubscribed', 'opted out', 'opt-out', 'opt out', 'none']);

function readYesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v) || !v) return false;
  return undefined;
}
