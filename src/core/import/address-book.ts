/** An address-book export of any kind the import reads: a vCard file, or a CSV with a header row. Pure. */
import type { Problem } from '../problems/index.ts';
import type { DateOrder } from '../model/index.ts';
import type { CsvFormat, HeaderMap } from './csv-headers.ts';
import { openCsvContacts } from './csv.ts';
import { openLdifContacts } from './ldif.ts';
import type { ImportedPerson, ImportUnit, OpenedExport } from './person.ts';
import { openVcardContacts } from './vcard.ts';

export type AddressBook = {
  format: CsvFormat | 'vcard' | 'ldif';
  people: ImportedPerson[];
  /** A CSV's columns whose values were not imported. */
  ignored: string[];
  /** A CSV's columns no header word named, read by their values. */
  guessed?: string[];
  problems: Problem[];
};

/** An export opened to be read a person at a time (see `openAddressBook`). */
export type OpenedAddressBook = OpenedExport<AddressBook['format']>;

type Options = { map?: HeaderMap; dateOrder?: DateOrder; timeZone?: string };

/** The people in `text`, read as its format (see `openAddressBook`). */
export function readAddressBook(text: string, file: string, options: Options = {}): AddressBook {
  const { rows, size, ...book } = openAddressBook(text, file, options);
  const people: ImportedPerson[] = [];
  for (const row of rows) {
    if (row.person) people.push(row.person);
    book.problems.push(...row.problems);
  }
  return { ...book, people };
}

/**
 * An export opened to be read row by row (or card by card), so a large one can be imported as it
 * is read: a vCard or LDIF file when its name or its first line says so, else a CSV.
 */
export function openAddressBook(text: string, file: string, options: Options = {}): OpenedAddressBook {
  if (/\.(vcf|vcard)$/i.test(file) || /^\uFEFF?\s*BEGIN:VCARD/i.test(text)) return openVcardContacts(text, file);
  if (/\.ldif?$/i.test(file) || /^\uFEFF?(?:#.*\r?\n|\s)*(?:version:\s*1\s|dn::?\s)/i.test(text)) return openLdifContacts(text, file);
  return openCsvContacts(text, file, options);
}

/** What a format's problems and summary call one of its people: a row, a card, an entry. */
export function unitOf(format: AddressBook['format']): ImportUnit {
  return format === 'vcard' ? 'card' : format === 'ldif' ? 'entry' : 'row';
}
