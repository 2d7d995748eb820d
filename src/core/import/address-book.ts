/** An address-book export of any kind the import reads: a vCard file, or a CSV with a header row. Pure. */
import type { Problem } from '../problems/index.ts';
import type { DateOrder } from '../model/index.ts';
import type { CsvFormat, HeaderMap } from './csv-headers.ts';
import { readCsvContacts } from './csv.ts';
import type { ImportedPerson } from './person.ts';
import { readVcardContacts } from './vcard.ts';

export type AddressBook = {
  format: CsvFormat | 'vcard';
  people: ImportedPerson[];
  /** A CSV's columns whose values were not imported. */
  ignored: string[];
  problems: Problem[];
};

/** The people in `text`, read as vCard when the file's name or its first line says so, else as CSV. */
export function readAddressBook(text: string, file: string, options: { map?: HeaderMap; dateOrder?: DateOrder } = {}): AddressBook {
  const isVcard = /\.(vcf|vcard)$/i.test(file) || /^\uFEFF?\s*BEGIN:VCARD/i.test(text);
  return isVcard ? { format: 'vcard', ignored: [], ...readVcardContacts(text, file) } : readCsvContacts(text, file, options);
}
