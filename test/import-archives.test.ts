/**
 * Exports in archives made by real tools (issue 16): GitHub takes a .zip or .gz attached to an
 * issue but may refuse a .vcf or .ldif, and a zip is what a phone offers. The archives in
 * test/fixtures/import/ were made from the fixtures beside them:
 *
 * - info-zip-iphone.zip: `zip -X info-zip-iphone.zip Contacts.vcf` (iphone-contacts.vcf), Info-ZIP 3.0
 * - macos-compress.zip: `zip macos-compress.zip contacts.vcf __MACOSX/ __MACOSX/._contacts.vcf`
 *   from a folder laid out as Finder's Compress writes it (icloud.vcf and an AppleDouble resource fork)
 * - python-zipfile-ldif.zip: Python's `zipfile.ZipFile(…, compression=ZIP_DEFLATED).write(…,
 *   'Thunderbird/thunderbird.ldif')` (thunderbird.ldif)
 * - mailchimp-audience.zip: `zip -X` of mailchimp-subscribed.csv, mailchimp-unsubscribed.csv and
 *   mailchimp-cleaned.csv under the names Mailchimp's "Export audience" gives them
 * - takeout-contacts.zip: `zip -X -r` of a Takeout folder as Google Takeout lays it out, one vCard
 *   file a label (`Contacts/All Contacts/All Contacts.vcf`: google-contacts.vcf; `Contacts/Clients/
 *   Clients.vcf`: its first card), a YouTube subscriptions.csv and archive_browser.html
 * - info-zip-truncated.zip: `head -c 1800 info-zip-iphone.zip`, as an interrupted download leaves it
 * - info-zip-password.zip: `zip -P hunter2` (zip's old ZipCrypto); 7zip-aes.zip: `7zz a -tzip
 *   -mem=AES256 -phunter2` (7-Zip 26)
 * - google-contacts.vcf.gz: `gzip -k -9 google-contacts.vcf`; contacts.tar.gz: `tar czf` of google-contacts.vcf
 * - info-zip-utf8-name.zip: `zip -X` of iphone-contacts.vcf named `Kontakte Müller.vcf` (Info-ZIP
 *   writes the name in UTF-8 without the zip's UTF-8 flag, as macOS does)
 * - windows-cp437-name.zip: Python's zipfile writing the same file's name in code page 437 without
 *   the flag, as Windows' "Compressed (zipped) folder" does (`ZipInfo._encodeFilenameFlags`
 *   overridden to `filename.encode('cp437')`; no Windows here to make it)
 * - zeros-300mb.vcf.gz: `head -c 300M /dev/zero | gzip -9` (GNU gzip 1.12), 300 kB that unpack to 300 MB
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chooseExports, readAddressBook, readExport, unpackExports } from '../src/core/import/index.ts';
import { formatProblem } from '../src/core/problems/index.ts';
import { ROOT } from './helpers/run-script.ts';

const fixture = async (name: string) => new Uint8Array(await readFile(path.join(ROOT, 'test/fixtures/import', name)));

describe('an export in an archive', () => {
  it.each([
    ['info-zip-iphone.zip', 'iphone-contacts.vcf', 'info-zip-iphone.zip/Contacts.vcf'],
    ['macos-compress.zip', 'icloud.vcf', 'macos-compress.zip/contacts.vcf'],
    ['python-zipfile-ldif.zip', 'thunderbird.ldif', 'python-zipfile-ldif.zip/Thunderbird/thunderbird.ldif'],
    ['google-contacts.vcf.gz', 'google-contacts.vcf', 'google-contacts.vcf.gz'],
  ])('is taken out of %s whole, as %s was, and named %s', async (archive, original, name) => {
    expect(unpackExports(await fixture(archive), archive)).toEqual({ exports: [{ bytes: await fixture(original), name }] });
  });

  it.each([
    ['info-zip-utf8-name.zip', 'UTF-8'],
    ['windows-cp437-name.zip', 'code page 437'],
  ])('is named as it was written in %s, its name in %s without the UTF-8 flag', async (archive) => {
    expect(unpackExports(await fixture(archive), archive)).toEqual({
      exports: [{ bytes: await fixture('iphone-contacts.vcf'), name: `${archive}/Kontakte Müller.vcf` }],
    });
  });

  it('is read as the file inside, its problems named by the archive and the file', async () => {
    const unpacked = unpackExports(await fixture('python-zipfile-ldif.zip'), 'python-zipfile-ldif.zip');
    if ('problem' in unpacked) throw new Error(unpacked.problem.message);
    const [ldif] = unpacked.exports;
    const book = readAddressBook(readExport(ldif.bytes).text, ldif.name);
    expect([book.format, book.people.map((p) => p.name)]).toEqual(['ldif', ['Ana Ruiz', 'José Álvarez', 'Tom Byrne']]);
    expect(book.problems.map((p) => formatProblem(p).split('\n')[0])).toEqual([
      'python-zipfile-ldif.zip/Thunderbird/thunderbird.ldif:40:1 mozillaSecondEmail: entry 3: "none" is not an email address; imported without it',
      'python-zipfile-ldif.zip/Thunderbird/thunderbird.ldif:40:1 birthday: entry 3: "1975-13-2" is not a date; imported without it',
      'python-zipfile-ldif.zip/Thunderbird/thunderbird.ldif:59:1 entry 4: cannot be read: Expected end of input or entry but "g" found.',
    ]);
  });

  it('is refused, with the archive named, when the archive is cut short, locked, a tar or a bomb', async () => {
    const refused = [];
    for (const archive of ['info-zip-truncated.zip', 'info-zip-password.zip', '7zip-aes.zip', 'contacts.tar.gz', 'zeros-300mb.vcf.gz']) {
      const unpacked = unpackExports(await fixture(archive), archive);
      refused.push('problem' in unpacked ? formatProblem(unpacked.problem) : `${archive}: unpacked`);
    }
    const gz = await fixture('google-contacts.vcf.gz');
    const cut = unpackExports(gz.subarray(0, gz.length - 100), 'google-contacts.vcf.gz');
    refused.push('problem' in cut ? formatProblem(cut.problem) : 'cut: unpacked');
    expect(refused.join('\n')).toMatchInlineSnapshot(`
      "info-zip-truncated.zip is not a whole zip archive: it was cut short, or is damaged
        Zip the export again, without a password, and import that archive (or import the export itself, not zipped).
      info-zip-password.zip cannot be unpacked: Contacts.vcf in it is damaged, or locked with a password
        Zip the export again, without a password, and import that archive (or import the export itself, not zipped).
      7zip-aes.zip is locked with a password (Contacts.vcf is encrypted)
        Zip the export again, without a password, and import that archive (or import the export itself, not zipped).
      contacts.tar.gz holds a tar archive, which the import does not unpack
        Zip the export again, without a password, and import that archive (or import the export itself, not zipped).
      zeros-300mb.vcf.gz unpacks to more than 256 MB: no address book is that large
        An address book export, photos and all, is far smaller: check the archive holds the export you meant, zipped alone.
      google-contacts.vcf.gz is not a whole gzip file: it was cut short, or is damaged
        Zip the export again, without a password, and import that archive (or import the export itself, not zipped)."
    `);
  });

  it("is each of Mailchimp's three lists, read as the list's own file is", async () => {
    const chosen = await chosenIn('mailchimp-audience.zip');
    const alone = [];
    for (const list of ['subscribed', 'unsubscribed', 'cleaned']) {
      const file = `mailchimp-${list}.csv`;
      alone.push(readAddressBook(readExport(await fixture(file)).text, file).people);
    }
    expect(chosen.read.map((book) => book.format)).toEqual(['mailchimp', 'mailchimp', 'mailchimp']);
    expect(chosen.read.map((book) => book.people)).toEqual(alone);
    expect(chosen.skipped).toEqual([]);
  });

  it("is each label's vCard file of a Google Takeout, its other tables skipped", async () => {
    const chosen = await chosenIn('takeout-contacts.zip');
    expect(chosen.read.map((book) => `${book.name}: ${book.people.map((p) => p.name).join(', ')}`)).toEqual([
      'takeout-contacts.zip/Takeout/Contacts/Clients/Clients.vcf: Priya Shah',
      'takeout-contacts.zip/Takeout/Contacts/All Contacts/All Contacts.vcf: Priya Shah, Lee Chen',
    ]);
    expect(chosen.skipped.map((book) => book.name)).toEqual([
      'takeout-contacts.zip/Takeout/YouTube and YouTube Music/subscriptions/subscriptions.csv',
    ]);
  });
});

/** The exports `archive` holds, read, and which of them the import reads. */
async function chosenIn(archive: string) {
  const unpacked = unpackExports(await fixture(archive), archive);
  if ('problem' in unpacked) throw new Error(unpacked.problem.message);
  const books = unpacked.exports.map(({ bytes, name }) => ({ name, ...readAddressBook(readExport(bytes).text, name) }));
  const chosen = chooseExports(books, archive);
  if ('problem' in chosen) throw new Error(chosen.problem.message);
  return chosen;
}
