// Archives made by real tools are in test/fixtures/import/ (test/import-archives.test.ts); these
// are made here, entry by entry, for the layouts a test fixture would only repeat.
import { describe, expect, it } from 'vitest';
import { gzipSync, zipSync, type Zippable } from 'fflate';
import { formatProblem } from '../problems/index.ts';
import { chooseExports, unpackExports } from './archive.ts';

const CARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nEMAIL:ana@example.com\r\nEND:VCARD\r\n';
const bytes = (text: string) => new TextEncoder().encode(text);
const zip = (files: Zippable) => zipSync(files, { mtime: '2026-11-30' });
/** What the owner reads: the exports' names, or the problem and its hint. */
const told = (unpacked: ReturnType<typeof unpackExports>) =>
  'problem' in unpacked ? formatProblem(unpacked.problem) : unpacked.exports.map((e) => e.name).join(', ');

describe('unpackExports', () => {
  it('gives any other file back as it is', () => {
    const csv = bytes('Name,Email\nAna Ruiz,ana@example.com\n');
    expect(unpackExports(csv, 'contacts.csv')).toEqual({ exports: [{ bytes: csv, name: 'contacts.csv' }] });
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
    expect(unpackExports(archive, 'Contacts.zip')).toEqual({
      exports: [{ bytes: bytes(CARD), name: 'Contacts.zip/Contacts/contacts.vcf' }],
    });
  });

  it('finds the export by its name among files that are not one, and by its first bytes whatever the archive is called', () => {
    const takeout = zip({ Takeout: { 'archive_browser.html': bytes('<html>'), Contacts: { 'All Contacts.vcf': bytes(CARD) } } });
    expect(told(unpackExports(takeout, 'takeout-20261130.zip'))).toBe('takeout-20261130.zip/Takeout/Contacts/All Contacts.vcf');
    expect(told(unpackExports(takeout, 'download'))).toBe('download/Takeout/Contacts/All Contacts.vcf');
  });

  it('keeps a name the zip marks as UTF-8 as it is, accents and all', () => {
    // fflate sets the UTF-8 flag for a name outside ASCII; "ü" is then within Latin-1 and no DOS letter.
    const archive = zip({ 'Kontakte Müller – Büro.vcf': bytes(CARD) });
    expect(told(unpackExports(archive, 'k.zip'))).toBe('k.zip/Kontakte Müller – Büro.vcf');
    expect(told(unpackExports(zip({ 'Kontakte Müller.vcf': bytes(CARD) }), 'k.zip'))).toBe('k.zip/Kontakte Müller.vcf');
  });

  it('reads a gzip file as the export it compresses, under its own name', () => {
    expect(unpackExports(gzipSync(bytes(CARD)), 'contacts.vcf.gz')).toEqual({ exports: [{ bytes: bytes(CARD), name: 'contacts.vcf.gz' }] });
  });

  it('takes out every export of an archive of several, in its order', () => {
    const lists = zip({ 'b.vcf': bytes(CARD), 'a.csv': bytes('Name\n'), 'photo.jpg': new Uint8Array([0xff, 0xd8]) });
    expect(unpackExports(lists, 'lists.zip')).toEqual({
      exports: [
        { bytes: bytes(CARD), name: 'lists.zip/b.vcf' },
        { bytes: bytes('Name\n'), name: 'lists.zip/a.csv' },
      ],
    });
  });

  it('refuses an archive with no export, naming what it holds', () => {
    const spreadsheet = zip({ '[Content_Types].xml': bytes('<Types/>'), xl: { 'workbook.xml': bytes('<workbook/>') } });
    expect(
      [
        unpackExports(zip({}), 'empty.zip'),
        unpackExports(zip({ Contacts: {}, __MACOSX: { '._Contacts': bytes('') } }), 'folder.zip'),
        unpackExports(zip({ 'photo.jpg': new Uint8Array([0xff, 0xd8]), 'notes.pdf': bytes('%PDF') }), 'photos.zip'),
        unpackExports(spreadsheet, 'contacts.xlsx'),
        unpackExports(bytes('Name,Email\n'), 'renamed.zip'),
        unpackExports(gzipSync(bytes(CARD)).subarray(0, 20), 'contacts.vcf.gz'),
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
    expect(told(unpackExports(archive, 'bomb.zip'))).toMatchInlineSnapshot(`
      "bomb.zip unpacks to 2861 MB: no address book is that large
        An address book export, photos and all, is far smaller: check the archive holds the export you meant, zipped alone."
    `);
  });
});

describe('chooseExports', () => {
  const opened = (...formats: string[]) => formats.map((format, i) => ({ name: `lists.zip/${i + 1}.${format}.csv`, format }));
  const names = (chosen: ReturnType<typeof chooseExports<{ name: string; format: string }>>) =>
    'problem' in chosen
      ? formatProblem(chosen.problem)
      : { read: chosen.read.map((e) => e.name), skipped: chosen.skipped.map((e) => e.name) };

  it('reads the one export, whatever its columns', () => {
    expect(names(chooseExports(opened('generic'), 'lists.zip'))).toEqual({ read: ['lists.zip/1.generic.csv'], skipped: [] });
  });

  it('reads, of several, the address books it knows and skips the other tables', () => {
    expect(names(chooseExports(opened('mailchimp', 'generic', 'vcard', 'mailchimp'), 'lists.zip'))).toEqual({
      read: ['lists.zip/1.mailchimp.csv', 'lists.zip/3.vcard.csv', 'lists.zip/4.mailchimp.csv'],
      skipped: ['lists.zip/2.generic.csv'],
    });
  });

  it('reads none of several tables it does not know, and says so', () => {
    expect(names(chooseExports(opened(...Array(7).fill('generic')), 'lists.zip'))).toMatchInlineSnapshot(`
      "lists.zip holds 7 exports (1.generic.csv, 2.generic.csv, 3.generic.csv, 4.generic.csv, 5.generic.csv and 2 more), none of them an address book the import knows by its columns
        Take the exports out of the archive and import them one at a time, each as it is or zipped alone."
    `);
  });
});
