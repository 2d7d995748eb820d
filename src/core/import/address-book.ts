/** An address-book export of any kind the import reads: a vCard file, or a CSV with a header row. Pure. */
import type { Problem } from '../problems/index.ts';
import type { DateOrder } from '../model/index.ts';
import type { CsvFormat, HeaderMap } from './csv-headers.ts';
import { openCsvContacts } from './csv.ts';
import type { ImportedPerson, OpenedExport } from './person.ts';
import { openVcardContacts } from './vcard.ts';

export type AddressBook = {
  format: CsvFormat | 'vcard';
  people: ImportedPerson[];
  /** A CSV's columns whose values were not imported. */
  ignored: string[];
  problems: Problem[];
};

type Options = { map?: HeaderMap; dateOrder?: DateOrder; timeZone?: string };

/** The people in `text`, read as vCard when the file's name or its first line says so, else as CSV. */
export function readAddressBook(text: string, file: string, options: Options = {}): AddressBook {
  const { rows, size, ...book } = openAddressBook(text, file, options);
  const people: ImportedPerson[] = [];
  for (const row of rows) {
    if (row.person) people.push(row.person);
    book.problems.push(...row.problems);
  }
  return { ...book, people };
}

/** An export opened to be read row by row (or card by card), so a large one can be imported as it is read. */
export function openAddressBook(text: string, file: string, options: Options = {}): OpenedExport<AddressBook['format']> {
  const isVcard = /\.(vcf|vcard)$/i.test(file) || /^\uFEFF?\s*BEGIN:VCARD/i.test(text);
  return isVcard ? openVcardContacts(text, file) : openCsvContacts(text, file, options);
}
