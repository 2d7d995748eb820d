/**
 * Importing contacts from CSV and vCard exports, merged with the contacts already there.
 */
export { planImport, type ContactChange, type ExistingContact } from './contacts.ts';
export { parseHeaderMap, readCsvContacts } from './csv.ts';
export type { HeaderMap } from './csv-headers.ts';
export { decodeExport, readExport } from './encoding.ts';
export { slugify } from './person.ts';
export { readVcardContacts } from './vcard.ts';
