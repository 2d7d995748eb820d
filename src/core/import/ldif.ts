/**
 * Reads an LDIF address book: Thunderbird's "LDIF" export, and the same attributes as Outlook
 * Express and Windows Address Book wrote them. The `ldif` package reads each entry (folded lines,
 * base64 values); entries are parsed one at a time, so a broken one is reported and the others are
 * read. A Thunderbird mailing list (`groupOfNames`) is no person: its name becomes a tag on each of
 * its members. Pure.
 */
import ldif from 'ldif';
import { EmailSchema } from '../model/index.ts';
import type { Position } from '../problems/index.ts';
import { birthdayOfParts } from './dates.ts';
import {
  cleanText,
  givenNameApart,
  groupTag,
  type ImportedPerson,
  isPhoneNumber,
  type OpenedExport,
  type ReadRow,
  rowProblem,
  unreadableExport,
  withoutBlanks,
} from './person.ts';

/** An entry's attributes by lower-case name, and each name as the file wrote it (for problems). */
type Entry = { number: number; at: Position; dn: string; attributes: Map<string, string[]>; written: Map<string, string> };
type Broken = { number: number; at: Position; line: number; reason: string };

/** An LDIF file opened to be read entry by entry. */
export function openLdifContacts(text: string, file: string): OpenedExport<'ldif'> {
  const blocks = splitEntries(text.replace(/^\uFEFF/, ''));
  if (!blocks.some((b) => /^dn:/i.test(b.lines[0]))) {
    const message = 'has no "dn:" line: it is not an LDIF file';
    return unreadableExport('ldif', file, message);
  }
  const entries = blocks.map(parseEntry);
  const lists = new Map<string, string[]>();
  for (const entry of entries) {
    if ('reason' in entry || !isList(entry)) continue;
    const tag = groupTag(entry.attributes.get('cn')?.[0] ?? '');
    if (!tag) continue;
    for (const member of (entry.attributes.get('member') ?? []).map(dnKey)) lists.set(member, [...(lists.get(member) ?? []), tag]);
  }
  const people = entries.filter((e) => 'reason' in e || !isList(e));
  function* read(): Generator<ReadRow> {
    for (const entry of people) {
      const where = { row: entry.number, unit: 'entry' as const };
      if ('reason' in entry) {
        const at = { line: entry.line, column: 1 };
        yield { problems: [rowProblem('BadImportRow', file, at, '', where, 'cannot be read', `cannot be read: ${entry.reason}`)] };
        continue;
      }
      const { person, problems } = personFromEntry(entry, lists.get(dnKey(entry.dn)) ?? []);
      yield { person, problems: problems.map((p) => rowProblem(p.code, file, entry.at, p.field, where, p.kind, p.message)) };
    }
  }
  return { format: 'ldif', ignored: [], problems: [], size: people.length, rows: read() };
}

type Block = { number: number; at: Position; lines: string[] };

/** The file's entries: runs of lines between blank lines, without comments and the `version:` line. */
function splitEntries(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (!line.trim()) current = undefined;
    else if (line.startsWith('#') || (!current && /^version:/i.test(line))) return;
    else if (current) current.lines.push(line);
    else {
      current = { number: blocks.length + 1, at: { line: i + 1, column: 1 }, lines: [line] };
      blocks.push(current);
    }
  });
  return blocks;
}

function parseEntry(block: Block): Entry | Broken {
  try {
    const [record] = ldif.parse(`${withRawTextEncoded(block.lines).join('\n')}\n`).entries;
    const { dn, attributes } = record.toObject({ flatten: false, preserveOptions: false });
    // Attribute names are case-insensitive: Thunderbird writes `telephoneNumber`, others `telephonenumber`.
    const byName = new Map<string, string[]>();
    const written = new Map<string, string>();
    for (const [name, values] of Object.entries(attributes)) {
      const key = name.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), ...values]);
      if (!written.has(key)) written.set(key, name);
    }
    return { number: block.number, at: block.at, dn, attributes: byName, written };
  } catch (error) {
    const at = (error as { location?: { start?: { line?: number } } }).location?.start?.line ?? 1;
    return { number: block.number, at: block.at, line: block.at.line + at - 1, reason: (error as Error).message };
  }
}

/**
 * RFC 2849 asks for a value outside ASCII to be written in base64 (`cn:: Sm9zw6k=`), as Thunderbird
 * does; other writers put the text in as it is (`cn: José`), which the parser refuses. Such a
 * value is written in base64 for it; folded lines are joined first.
 */
function withRawTextEncoded(lines: readonly string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    if (line.startsWith(' ') && joined.length) joined[joined.length - 1] += line.slice(1);
    else joined.push(line);
  }
  return joined.map((line) => {
    const plain = /^([\w.;-]+):(?![:<]) ?(.*)$/.exec(line);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is what the RFC allows.
    if (!plain || /^[\x00-\x7f]*$/.test(plain[2])) return line;
    return `${plain[1]}:: ${Buffer.from(plain[2], 'utf8').toString('base64')}`;
  });
}

const isList = (entry: Entry) => (entry.attributes.get('objectclass') ?? []).some((c) => /^groupOfNames$/i.test(c));

/** `cn=Ana Ruiz, mail=ana@example.com` and `CN=Ana Ruiz,mail=ana@example.com` name one entry. */
const dnKey = (dn: string) =>
  dn
    .replace(/\s*,\s*/g, ',')
    .trim()
    .toLowerCase();

type EntryProblem = { code: 'BadImportRow' | 'BadImportValue'; field: string; kind: string; message: string };

// The mobile first, then the home number, then work: the number most likely to reach the person.
const PHONES = ['mobile', 'cellphone', 'homephone', 'telephonenumber'];

function personFromEntry(entry: Entry, lists: readonly string[]): { person?: ImportedPerson; problems: EntryProblem[] } {
  const all = (name: string) => (entry.attributes.get(name) ?? []).map((v) => cleanText(v)).filter((v) => v !== undefined);
  const one = (...names: string[]) => names.map((name) => all(name)[0]).find((v) => v !== undefined);
  const problems: EntryProblem[] = [];
  const person: ImportedPerson = { row: entry.number, at: entry.at, emails: [], phones: [], tags: [...new Set(lists)] };

  for (const field of ['mail', 'mozillasecondemail']) {
    for (const raw of all(field)) {
      const email = EmailSchema.safeParse(raw.replace(/^mailto:/i, ''));
      if (!email.success)
        problems.push({
          code: 'BadImportValue',
          field: entry.written.get(field) ?? field,
          kind: 'not an email address',
          message: `"${raw}" is not an email address; imported without it`,
        });
      else if (!person.emails.includes(email.data)) person.emails.push(email.data);
    }
  }
  for (const field of PHONES) {
    for (const phone of all(field)) {
      if (!isPhoneNumber(phone))
        problems.push({
          code: 'BadImportValue',
          field: entry.written.get(field) ?? field,
          kind: 'not a phone number',
          message: `"${phone}" is not a phone number; imported without it`,
        });
      else if (!person.phones.includes(phone)) person.phones.push(phone);
    }
  }

  const given = one('givenname');
  const organization = one('o', 'company');
  person.name = one('cn', 'displayname') ?? ([given, one('sn')].filter(Boolean).join(' ') || undefined) ?? organization ?? person.emails[0];
  if (!person.name) {
    const message = 'has neither a name nor an email address';
    return { problems: [...problems, { code: 'BadImportRow', field: 'cn', kind: 'no name or email address', message }] };
  }
  const firstName = givenNameApart(person.name, given);
  if (firstName) person.firstName = firstName;
  const offers = [one('title'), organization].filter(Boolean).join(', ');
  if (offers && offers !== person.name) person.offers = offers;
  person.area = one('mozillahomelocalityname', 'l', 'locality');
  const note = entry.attributes.get('description')?.join('\n').trim();
  if (note) person.notes = note.replace(/\r\n?/g, '\n');

  const [year, month, day] = ['birthyear', 'birthmonth', 'birthday'].map((name) => one(name));
  const birthday = birthdayOfParts(year, month, day);
  if ('day' in birthday) person.birthday = birthday.day;
  else if ('invalid' in birthday) {
    const value = [year, month, day].filter(Boolean).join('-');
    problems.push({
      code: 'BadImportValue',
      field: 'birthday',
      kind: 'not a date',
      message: `"${value}" is not a date; imported without it`,
    });
  }
  return { person: withoutBlanks(person), problems };
}
