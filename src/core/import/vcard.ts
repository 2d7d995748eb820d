/**
 * Reads a vCard file (an iCloud, Android or Outlook export): 3.0 and 4.0 through ical.js, and the
 * older 2.1 that phones still write (bare types, quoted-printable) rewritten as 3.0 first. Each card
 * is parsed on its own, so one broken card is reported and the others are read. Pure.
 */
import ICAL from 'ical.js';
import type { Position, Problem } from '../problems/index.ts';
import { EmailSchema, isCalendarDate, isMonthDay } from '../model/index.ts';
import { readDay } from './dates.ts';
import { decodeBytes } from './encoding.ts';
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

export type VcardImport = { people: ImportedPerson[]; problems: Problem[] };

type Card = { number: number; at: Position; lines: string[] };

/** Reads every card in a vCard file. */
export function readVcardContacts(text: string, file: string): VcardImport {
  const opened = openVcardContacts(text, file);
  const people: ImportedPerson[] = [];
  const problems = [...opened.problems];
  for (const row of opened.rows) {
    if (row.person) people.push(row.person);
    problems.push(...row.problems);
  }
  return { people, problems };
}

/** A vCard file opened to be read card by card. */
export function openVcardContacts(text: string, file: string): OpenedExport<'vcard'> {
  const { cards, unclosed } = splitCards(text.replace(/^\uFEFF/, ''));
  if (!cards.length && !unclosed.length) {
    const message = 'has no BEGIN:VCARD line: it is not a vCard file';
    return unreadableExport('vcard', file, message);
  }
  // A group's card is no person: its name becomes a tag of each of its members.
  const groups = new Set<Card>();
  const groupTags = new Map<string, string[]>();
  for (const card of cards) {
    const group = groupOf(card);
    if (!group) continue;
    groups.add(card);
    const tag = groupTag(group.name);
    if (!tag) continue;
    for (const uid of group.members) groupTags.set(uid, [...(groupTags.get(uid) ?? []), tag]);
  }
  // In file order, so a card left open is reported where it stands among the others.
  const all = [...cards, ...unclosed].filter((card) => !groups.has(card)).toSorted((a, b) => a.number - b.number);
  function* read(): Generator<ReadRow> {
    for (const card of all) {
      if (unclosed.includes(card)) {
        const where = { row: card.number, unit: 'card' as const };
        yield { problems: [rowProblem('BadImportRow', file, card.at, '', where, 'no END:VCARD line', 'has no END:VCARD line')] };
        continue;
      }
      const read = readCard(card, groupTags);
      yield {
        person: read.person,
        problems: read.problems.map((p) =>
          rowProblem(p.code, file, card.at, p.field, { row: card.number, unit: 'card' }, p.kind, p.message),
        ),
      };
    }
  }
  return { format: 'vcard', ignored: [], problems: [], size: cards.length - groups.size, rows: read() };
}

/**
 * A contact group's card (vCard 4.0's `KIND:group`, Apple's `X-ADDRESSBOOKSERVER-KIND:group`, as
 * iCloud and CardDAV servers export a group): its name and its members' UIDs.
 */
function groupOf(card: Card): { name: string; members: string[] } | undefined {
  if (!card.lines.some((line) => /^(X-ADDRESSBOOKSERVER-)?KIND:\s*group\s*$/i.test(line))) return undefined;
  try {
    const group = new ICAL.Component(ICAL.parse(['BEGIN:VCARD', ...card.lines, 'END:VCARD', ''].join('\r\n')) as unknown[]);
    const members = [...group.getAllProperties('member'), ...group.getAllProperties('x-addressbookserver-member')];
    return {
      name: cleanText(String(group.getFirstPropertyValue('fn') ?? '')) ?? '',
      members: members.map((m) => uidOf(m.getFirstValue())),
    };
  } catch {
    // A group that cannot be read tags no one; it is still no person.
    return { name: '', members: [] };
  }
}

/** A card's UID as a member list names it: `urn:uuid:2B6C…` and `2b6c…` are one. */
function uidOf(value: unknown): string {
  return String(value ?? '')
    .trim()
    .replace(/^urn:uuid:/i, '')
    .toLowerCase();
}

/** The cards of the file; a card that a BEGIN:VCARD or the end of the file cuts off before its END:VCARD is `unclosed`. */
function splitCards(text: string): { cards: Card[]; unclosed: Card[] } {
  const cards: Card[] = [];
  const unclosed: Card[] = [];
  let current: Card | undefined;
  let count = 0;
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (/^BEGIN:VCARD\s*$/i.test(line)) {
      if (current) unclosed.push(current);
      current = { number: ++count, at: { line: i + 1, column: 1 }, lines: [] };
    } else if (/^END:VCARD\s*$/i.test(line) && current) {
      cards.push(current);
      current = undefined;
    } else current?.lines.push(line);
  });
  if (current) unclosed.push(current);
  return { cards, unclosed };
}

/** The card read, or, should the vCard library throw on a value it meets, the card reported as unreadable. */
function readCard(card: Card, groupTags: ReadonlyMap<string, string[]>): ReturnType<typeof personFromCard> {
  try {
    return personFromCard(card, groupTags);
  } catch (error) {
    return {
      problems: [{ code: 'BadImportRow', field: '', kind: 'cannot be read', message: `cannot be read: ${(error as Error).message}` }],
    };
  }
}

type CardProblem = { code: 'BadImportRow' | 'BadImportValue'; field: string; kind: string; message: string };

function personFromCard(card: Card, groupTags: ReadonlyMap<string, string[]>): { person?: ImportedPerson; problems: CardProblem[] } {
  const version = card.lines
    .find((l) => /^VERSION:/i.test(l))
    ?.slice(8)
    .trim();
  const kept = withoutPictures(card.lines);
  // Some 3.0 writers use 2.1's bare types (`EMAIL;INTERNET;HOME:`) or quoted-printable too.
  const lines = version === '2.1' || kept.some(hasTwoOneParameters) ? from21(kept) : kept;
  const problems: CardProblem[] = [];
  const drop = (field: string, value: string, kind: string) =>
    problems.push({ code: 'BadImportValue', field, kind, message: `"${value}" is ${kind}; imported without it` });
  let component: ICAL.Component;
  try {
    const body = lines.filter((l) => l.trim() && !/^VERSION:/i.test(l));
    const v = version === '4.0' ? '4.0' : '3.0';
    component = new ICAL.Component(ICAL.parse(['BEGIN:VCARD', `VERSION:${v}`, ...body, 'END:VCARD', ''].join('\r\n')) as unknown[]);
  } catch (error) {
    return {
      problems: [{ code: 'BadImportRow', field: '', kind: 'cannot be read', message: `cannot be read: ${(error as Error).message}` }],
    };
  }
  // ical.js takes a VALUE= parameter at its word and throws when such a value is asked for (a NOTE
  // said to be a date): that value is dropped, the person kept.
  const valuesOf = (prop: ICAL.Property | null | undefined): unknown[] => {
    if (!prop) return [];
    try {
      return prop.getValues();
    } catch {
      const type = String(prop.getParameter('value') ?? prop.type);
      drop(prop.name.toUpperCase(), asWritten(prop), `marked VALUE=${type} but is not one`);
      return [];
    }
  };
  const first = (name: string) => valuesOf(component.getFirstProperty(name))[0];
  const props = (name: string) => component.getAllProperties(name).toSorted((a, b) => rank(a) - rank(b));
  const textOf = (value: unknown): string | undefined =>
    cleanText(Array.isArray(value) ? value.join(' ') : value == null ? undefined : String(value));
  const person: ImportedPerson = { row: card.number, at: card.at, emails: [], phones: [], tags: [] };

  for (const prop of props('email')) {
    const raw = String(valuesOf(prop)[0] ?? '')
      .trim()
      .replace(/^mailto:/i, '');
    if (!raw) continue;
    const email = EmailSchema.safeParse(raw);
    if (!email.success) drop('EMAIL', raw, 'not an email address');
    else if (!person.emails.includes(email.data)) person.emails.push(email.data);
  }
  for (const prop of props('tel')) {
    const phone = cleanText(String(valuesOf(prop)[0] ?? '').replace(/^tel:/i, ''));
    if (!phone) continue;
    if (!isPhoneNumber(phone)) drop('TEL', phone, 'not a phone number');
    else if (!person.phones.includes(phone)) person.phones.push(phone);
  }
  // Samsung writes each group the contact is in on an X-GROUP-MEMBERSHIP line of its own.
  for (const prop of [...component.getAllProperties('categories'), ...component.getAllProperties('x-group-membership')]) {
    for (const label of valuesOf(prop)) {
      const tag = groupTag(String(label));
      if (tag && !person.tags.includes(tag)) person.tags.push(tag);
    }
  }
  for (const tag of groupTags.get(uidOf(first('uid'))) ?? []) if (!person.tags.includes(tag)) person.tags.push(tag);
  const n = first('n');
  const parts = Array.isArray(n) ? n.map((p) => textOf(p)) : [];
  const [family, given, additional] = parts;
  const org = first('org');
  const organization = textOf(Array.isArray(org) ? org[0] : org);
  person.name =
    textOf(first('fn')) ?? ([given, additional, family].filter(Boolean).join(' ') || undefined) ?? organization ?? person.emails[0];
  if (!person.name)
    return {
      problems: [
        ...problems,
        { code: 'BadImportRow', field: 'FN', kind: 'no name or email address', message: 'has neither a name nor an email address' },
      ],
    };
  const firstName = givenNameApart(person.name, given);
  if (firstName) person.firstName = firstName;
  const offers = [textOf(first('title')), organization].filter(Boolean).join(', ');
  if (offers && offers !== person.name) person.offers = offers;
  const adr = valuesOf(props('adr')[0])[0];
  person.area = Array.isArray(adr) ? textOf(adr[3]) : undefined;
  // A comma the writer left unescaped splits the note into values: join them as they were written.
  const note = valuesOf(component.getFirstProperty('note')).join(',').trim();
  if (note) person.notes = note.replace(/\r\n?/g, '\n');

  const bday = component.getFirstProperty('bday');
  if (bday) {
    const written = asWritten(bday);
    const day = readBirthday(written, bday.getParameter('x-apple-omit-year'));
    if (!day) drop('BDAY', written, 'not a date');
    else person.birthday = day;
  }
  return { person: withoutBlanks(person), problems };
}

/**
 * A property's value as the card wrote it. ical.js reads a date when asked for the value and throws
 * on one it cannot read (`31/02/1980`), so the text is taken from the parsed property instead.
 */
function asWritten(prop: ICAL.Property): string {
  const [, , , value] = prop.toJSON() as unknown[];
  return String(value ?? '').trim();
}

/**
 * The card without its pictures and sounds, which an import never keeps. Old Mac Address Book
 * writes `PHOTO;BASE64:` with a bare parameter the parser refuses, followed by base64 lines that
 * 2.1 writers may leave unindented; those lines hold no `:` or `;`, and a blank line may end them.
 */
function withoutPictures(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let inPicture = false;
  for (const line of lines) {
    if (/^([\w-]+\.)?(PHOTO|LOGO|SOUND|KEY)[;:]/i.test(line)) inPicture = true;
    else if (inPicture && (/^[ \t]/.test(line) || /^[A-Za-z0-9+/=]+$/.test(line))) continue;
    else if (inPicture && !line.trim()) inPicture = false;
    else {
      inPicture = false;
      kept.push(line);
    }
  }
  return kept;
}

// Preferred first (TYPE=pref in 3.0, PREF=1 in 4.0), then mobiles, then the rest in file order.
function rank(prop: ICAL.Property): number {
  const types = [prop.getParameter('type')].flat().map((t) => String(t ?? '').toLowerCase());
  const pref = Number(prop.getParameter('pref') ?? (types.includes('pref') ? 1 : 100));
  return pref * 10 + (types.includes('cell') ? 0 : 1);
}

// Apple writes a birthday without a year as 1604-MM-DD with X-APPLE-OMIT-YEAR=1604.
function readBirthday(value: string, omitYear: unknown): string | undefined {
  const text = value.trim().replace(/T.*$/, '');
  const compact = /^(\d{4}|--)(\d{2})(\d{2})$/.exec(text);
  const day = compact ? `${compact[1]}-${compact[2]}-${compact[3]}`.replace(/^---/, '') : text.replace(/^--/, '');
  if (omitYear && day.startsWith(`${String(omitYear)}-`)) return day.slice(5);
  if (isCalendarDate(day)) return day;
  if (/^\d{2}-\d{2}$/.test(day)) return isMonthDay(day) ? day : undefined;
  // A day as people write one (`20/01/1991`), when it can only be read one way.
  const written = readDay(text, undefined, true);
  return 'day' in written ? written.day : undefined;
}

/** Whether a property line has a parameter with no `=` (`TEL;CELL:`), or is quoted-printable. */
function hasTwoOneParameters(line: string): boolean {
  if (/^[ \t]/.test(line)) return false;
  const colon = line.indexOf(':');
  const params = (colon < 0 ? '' : line.slice(0, colon)).split(';').slice(1);
  return params.some((p) => !p.includes('=') || /^(ENCODING=)?QUOTED-PRINTABLE$/i.test(p));
}

/**
 * Rewrites vCard 2.1 lines as 3.0: bare types (`TEL;CELL`) become `TYPE=CELL`, quoted-printable
 * values (with their soft line breaks) are decoded in their charset, `ENCODING=BASE64` becomes `b`.
 */
function from21(lines: readonly string[]): string[] {
  const unfolded: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (/^[ \t]/.test(line) && unfolded.length) {
      unfolded[unfolded.length - 1] += line.trimStart();
      continue;
    }
    if (/^[^:]*;(ENCODING=)?QUOTED-PRINTABLE[;:]/i.test(line)) {
      while (line.endsWith('=') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i];
    }
    unfolded.push(line);
  }
  return unfolded.map((line) => {
    const colon = line.indexOf(':');
    if (colon < 0) return line;
    const [name, ...params] = line.slice(0, colon).split(';');
    let value = line.slice(colon + 1);
    let charset = 'utf-8';
    let qp = false;
    const kept: string[] = [];
    for (const param of params) {
      const [key, val = ''] = param.split('=');
      const k = key.toUpperCase();
      // 2.1 lets an encoding stand bare, as a type does: Thunderbird writes `note;quoted-printable:`.
      if (/^quoted-printable$/i.test(param)) qp = true;
      else if (/^base64$/i.test(param)) kept.push('ENCODING=b');
      else if (!param.includes('=')) kept.push(`TYPE=${param}`);
      else if (k === 'CHARSET') charset = val;
      else if (k === 'ENCODING' && /^quoted-printable$/i.test(val)) qp = true;
      else if (k === 'ENCODING' && /^base64$/i.test(val)) kept.push('ENCODING=b');
      else if (k !== 'ENCODING') kept.push(param);
    }
    if (qp) value = decodeQuotedPrintable(value, charset).replace(/\r\n|\r|\n/g, '\\n');
    // 2.1 has no escaping: a comma is part of the text, where 3.0 would read a list.
    if (!/^(.+\.)?CATEGORIES$/i.test(name)) value = value.replace(/\\?,/g, '\\,');
    return `${[name, ...kept].join(';')}:${value}`;
  });
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? /^[0-9A-Fa-f]{2}$/.exec(value.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  return decodeBytes(new Uint8Array(bytes), charset);
}
