// Archives made by real tools are in test/fixtures/import/ (test/import-archives.test.ts); these
// are made here, entry by entry, for the layouts a test fixture would only repeat.
import { describe, expect, it } from 'vitest';
import { gzipSync, zipSync, type Zippable } from 'fflate';
import { formatProblem } from '../problems/index.ts';
import { unpackExport } from './archive.ts';

const CARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nEMAIL:ana@example.com\r\nEND:VCARD\r\n';
const bytes = (text: string) => new TextEncoder().encode(text);
const zip = (files: Zippable) => zipSync(files, { mtime: '2026-11-30' });
/** What the owner reads: the export's name, or the problem and its hint. */
const told = (unpacked: ReturnType<typeof unpackExport>) => ('problem' in unpacked ? formatProblem(unpacked.problem) : unpacked.name);

describe('unpackExport', () => {
  it('gives any other file back as it is', () => {
    const csv = bytes('Name,Email\nAna Ruiz,ana@example.com\n');
    expect(unpackExport(csv, 'contacts.csv')).toEqual({ bytes: csv, name: 'contacts.csv' });
  });

  it("skips folders, macOS's resource forks and the files Finder and Explorer add", () => {
    const archive = zip({
      Contacts: {
        'contacts.vcf': bytes(CARD),
        '._contacts.vcf': new Uint8Array([0, 5, 22, 7]),
        '.DS_Store': new Uint8Array([0, 0, 0, 1]),
        'Thumbs.db': new Uint8Array([0xd0, 0xcf]),
      },
      __MACOSX: { Contacts: { '._contacts.vcf': new Uint8Array([0, 5, 22, 7]) } },
    });
    expect(unpackExport(archive, 'Contacts.zip')).toEqual({ bytes: bytes(CARD), name: 'Contacts.zip/Contacts/contacts.vcf' });
  });

  it('finds the export by its name among files that are not one, and by its first bytes whatever the archive is called', () => {
    const takeout = zip({ Takeout: { 'archive_browser.html': bytes('<html>'), Contacts: { 'All Contacts.vcf': bytes(CARD) } } });
    expect(told(unpackExport(takeout, 'takeout-20261130.zip'))).toBe('takeout-20261130.zip/Takeout/Contacts/All Contacts.vcf');
    expect(told(unpackExport(takeout, 'download'))).toBe('download/Takeout/Contacts/All Contacts.vcf');
  });

  it('reads a gzip file as the export it compresses, under its own name', () => {
    expect(unpackExport(gzipSync(bytes(CARD)), 'contacts.vcf.gz')).toEqual({ bytes: bytes(CARD), name: 'contacts.vcf.gz' });
  });

  it('refuses an archive with no export, or with many, naming what it holds', () => {
    const many = zip(Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => [`${n}.csv`, bytes('Name\n')])));
    const spreadsheet = zip({ '[Content_Types].xml': bytes('<Types/>'), xl: { 'workbook.xml': bytes('<workbook/>') } });
    expect(
      [
        unpackExport(zip({}), 'empty.zip'),
        unpackExport(zip({ Contacts: {}, __MACOSX: { '._Contacts': bytes('') } }), 'folder.zip'),
        unpackExport(zip({ 'photo.jpg': new Uint8Array([0xff, 0xd8]), 'notes.pdf': bytes('%PDF') }), 'photos.zip'),
        unpackExport(many, 'lists.zip'),
        unpackExport(spreadsheet, 'contacts.xlsx'),
        unpackExport(bytes('Name,Email\n'), 'renamed.zip'),
        unpackExport(gzipSync(bytes(CARD)).subarray(0, 20), 'contacts.vcf.gz'),
      ]
        .map(told)
        .join('\n'),
    ).toMatchInlineSnapshot(`
      "empty.zip is empty: it holds no file
        Zip the export itself (the .csv, .vcf or .ldif file your address book saved) and import that archive.
      folder.zip holds no export (a .csv, .vcf, .ldif or .txt file); its files: __MACOSX/._Contacts
        Zip the export itself (the .csv, .vcf or .ldif file your address book saved) and import that archive.
      photos.zip holds no export (a .csv, .vcf, .ldif or .txt file); its files: photo.jpg and notes.pdf
        Zip the export itself (the .csv, .vcf or .ldif file your address book saved) and import that archive.
      lists.zip holds 7 exports (a.csv, b.csv, c.csv, d.csv, e.csv and 2 more); the import reads one at a time
        Take the exports out of the archive and import them one at a time, each as it is or zipped alone.
      contacts.xlsx is a spreadsheet or a document (Excel, LibreOffice), not an export
        Save it as CSV (in Excel: File > Save As > CSV UTF-8) and import that.
      renamed.zip is not a whole zip archive: it was cut short, or is damaged
        Zip the export again, without a password, and import that archive (or import the export itself, not zipped).
      contacts.vcf.gz is not a whole gzip file: it was cut short, or is damaged
        Zip the export again, without a password, and import that archive (or import the export itself, not zipped)."
    `);
  });

  it('refuses a zip that says it unpacks to more than any address book, before unpacking it', () => {
    // The size as the zip's central directory states it (gzip's: test/import-archives.test.ts).
    const archive = zip({ 'contacts.vcf': bytes(CARD) });
    const central = archive.findIndex(
      (_, i) => archive[i] === 0x50 && archive[i + 1] === 0x4b && archive[i + 2] === 1 && archive[i + 3] === 2,
    );
    new DataView(archive.buffer).setUint32(central + 24, 3_000_000_000, true);
    expect(told(unpackExport(archive, 'bomb.zip'))).toMatchInlineSnapshot(`
      "bomb.zip unpacks to 2861 MB: no address book is that large
        An address book export, photos and all, is far smaller: check the archive holds the export you meant, zipped alone."
    `);
  });
});
