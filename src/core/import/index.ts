/**
 * Importing contacts from CSV, vCard and LDIF exports (as they are, zipped or gzipped), merged with
 * the contacts already there.
 */
export { openAddressBook, readAddressBook, unitOf, type OpenedAddressBook } from './address-book.ts';
export { chooseExports, unpackExports } from './archive.ts';
export { planImport, startImport, type ContactChange, type ExistingContact, type ImportPlan, type NewContact } from './contacts.ts';
export { parseHeaderMap, readCsvContacts } from './csv.ts';
export type { HeaderMap } from './csv-headers.ts';
export { readDay } from './dates.ts';
export { decodeExport, isKnownEncoding, readExport } from './encoding.ts';
export { importHints, type ImportHints } from './hints.ts';
export { readVcardContacts } from './vcard.ts';
export { groupProblems, summarizeArchive, summarizeImport } from './summary.ts';
