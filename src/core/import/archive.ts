/**
 * The exports inside an archive, taken out so the import reads each as if it had been given alone.
 * GitHub takes a .zip or a .gz attached to an issue but may refuse a .vcf or an .ldif, and a zip is
 * what a phone or a computer makes of a file (iOS Files "Compress", Android's file managers, macOS
 * Finder "Compress", Windows "Send to > Compressed folder"); some services export a zip of several
 * (Mailchimp's audience, Google Takeout's contacts, one file a label). `npm run import` takes the
 * same files. An archive is known by its first bytes or its name. Pure: bytes in, each export's
 * bytes and name out, or the problem that says why there is none to read (fflate is plain
 * JavaScript over a Uint8Array).
 */
import { Gunzip, unzipSync, type UnzipFileInfo } from 'fflate';
import iconv from 'iconv-lite';
import { problem, type Problem, type ProblemCode } from '../problems/index.ts';

/** An export to read: its bytes and the name its problems give it (`contacts.zip/Contacts.vcf`). */
type Export = { bytes: Uint8Array; name: string };

/** The exports to read, in the archive's order, or why there is none. */
export type UnpackedExports = { exports: Export[] } | { problem: Problem };

/** The exports in `bytes`, unpacked when it is a zip or gzip archive; anything else is one export as it is. */
export function unpackExports(bytes: Uint8Array, file: string): UnpackedExports {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC) || /\.zip$/i.test(file)) return unzipExports(bytes, file);
  if (startsWith(bytes, GZIP_MAGIC) || /\.t?gz$/i.test(file)) return gunzipExport(bytes, file);
  return { exports: [{ bytes, name: file }] };
}

/**
 * Of the exports one archive held, opened, those to import: the one, or, of several, every vCard,
 * LDIF and CSV of a program the import knows by its columns (Mailchimp's three lists, Takeout's
 * file a label). A table it does not know (a full Takeout holds many) is skipped, and named, as
 * one whose rows may be anything but people; when every one is such a table, none is read.
 */
export function chooseExports<T extends { name: string; format: string }>(
  opened: readonly T[],
  archive: string,
): { read: T[]; skipped: T[] } | { problem: Problem } {
  if (opened.length === 1) return { read: [...opened], skipped: [] };
  const read = opened.filter((e) => e.format !== 'generic');
  if (!read.length)
    return refuse(
      'ManyExportsInArchive',
      archive,
      `holds ${opened.length} exports (${listed(opened.map((e) => e.name.slice(archive.length + 1)))}), none of them an address book the import knows by its columns`,
    );
  return { read, skipped: opened.filter((e) => e.format === 'generic') };
}

// A zip starts with a file's local header (PK\3\4), or, when it holds nothing, with its end (PK\5\6).
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const GZIP_MAGIC = [0x1f, 0x8b];

// What the import reads: CSV and other tables (.txt, .tab, .tsv: Thunderbird's tab-separated
// export), vCard and LDIF. Other files in an archive (a photo, Google Takeout's archive_browser.html)
// are not an export.
const EXPORT_NAME = /\.(csv|tsv|tab|txt|vcf|vcard|ldif|ldi)$/i;
// Files an archiver or a file manager adds beside the ones it was given: Finder's folder settings,
// Explorer's thumbnails and folder settings. macOS's resource forks are `__MACOSX/` and `._name`.
const ARCHIVER_FILES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);
// The zip method number AE-x encryption (WinZip's, 7-Zip's AES) writes in place of the real one.
const AES_ENCRYPTED = 99;
const STORED = 0;
const DEFLATED = 8;
// Exports unpacked are held whole in memory. 100,000 contacts make a CSV of some 20 MB, and a
// phone's vCards with a photo each some 100 KB a card; an archive that says its exports hold more
// than this is not an address book (a zip bomb says so honestly), and is refused before anything
// is unpacked rather than left to run the job out of memory.
const MOST_UNPACKED = 256 * 1024 * 1024;
const GZIP_SLICE = 64 * 1024;
const tooLarge = (file: string, size: string) =>
  refuse('UnreadableArchive', file, `unpacks to ${size}: no address book is that large`, {
    hint: 'An address book export, photos and all, is far smaller: check the archive holds the export you meant, zipped alone.',
  });

function unzipExports(bytes: Uint8Array, file: string): UnpackedExports {
  const entries: UnzipFileInfo[] = [];
  try {
    // The filter sees every entry and unpacks none: which ones are exports is decided first.
    unzipSync(bytes, {
      filter: (entry) => {
        entries.push(entry);
        return false;
      },
    });
  } catch {
    return refuse('UnreadableArchive', file, 'is not a whole zip archive: it was cut short, or is damaged');
  }
  const files = entries.filter((e) => !isFolder(e.name));
  if (!files.length) return refuse('NoExportInArchive', file, 'is empty: it holds no file');
  if (isOfficeDocument(files)) {
    return refuse('UnreadableImportFile', file, 'is a spreadsheet or a document (Excel, LibreOffice), not an export', {
      hint: 'Save it as CSV (in Excel: File > Save As > CSV UTF-8) and import that.',
    });
  }
  const exports = files.filter((e) => !isArchiverFile(e.name) && EXPORT_NAME.test(e.name));
  const names = (some: readonly UnzipFileInfo[]) => listed(some.map((e) => nameOf(e.name)));
  if (!exports.length)
    return refuse('NoExportInArchive', file, `holds no export (a .csv, .vcf, .ldif or .txt file); its files: ${names(files)}`);
  return unzipEntries(bytes, file, exports);
}

/** The exports' bytes, or why they cannot be had (fflate neither decrypts nor knows a password was used). */
function unzipEntries(bytes: Uint8Array, file: string, entries: readonly UnzipFileInfo[]): UnpackedExports {
  const locked = entries.find((e) => e.compression === AES_ENCRYPTED);
  if (locked) return refuse('UnreadableArchive', file, `is locked with a password (${nameOf(locked.name)} is encrypted)`);
  const size = entries.reduce((sum, e) => sum + e.originalSize, 0);
  if (size > MOST_UNPACKED) return tooLarge(file, megabytes(size));
  const unknown = entries.find((e) => e.compression !== STORED && e.compression !== DEFLATED);
  if (unknown)
    return refuse(
      'UnreadableArchive',
      file,
      `holds ${nameOf(unknown.name)} compressed by a method the import cannot unpack (zip method ${unknown.compression})`,
    );
  const exports: Export[] = [];
  for (const entry of entries) {
    let unpacked: Uint8Array | undefined;
    try {
      unpacked = unzipSync(bytes, { filter: (e) => e.name === entry.name })[entry.name];
    } catch {
      unpacked = undefined;
    }
    // Zip's older encryption (ZipCrypto: `zip -e`, 7-Zip's default) keeps the method: the bytes then
    // do not inflate, or come out the wrong length, as damaged ones do.
    if (!unpacked || unpacked.length !== entry.originalSize)
      return refuse('UnreadableArchive', file, `cannot be unpacked: ${nameOf(entry.name)} in it is damaged, or locked with a password`);
    exports.push({ bytes: unpacked, name: `${file}/${nameOf(entry.name)}` });
  }
  return { exports };
}

function gunzipExport(bytes: Uint8Array, file: string): UnpackedExports {
  // Unpacked a slice at a time and counted, so that one unpacking to more than an address book
  // stops there (gzip's own size field is the last four bytes, which a cut-short file has not).
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new Gunzip((chunk) => {
    size += chunk.length;
    if (size <= MOST_UNPACKED) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < bytes.length && size <= MOST_UNPACKED; at += GZIP_SLICE)
      stream.push(bytes.subarray(at, at + GZIP_SLICE), at + GZIP_SLICE >= bytes.length);
  } catch {
    return notWholeGzip(file);
  }
  if (size > MOST_UNPACKED) return tooLarge(file, `more than ${megabytes(MOST_UNPACKED)}`);
  // The stream stops where the bytes do: a whole file ends with its size unpacked (modulo 4 GB).
  if (bytes.length < 18 || new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4, true) !== size >>> 0)
    return notWholeGzip(file);
  const unpacked = chunks.length === 1 ? chunks[0] : concat(chunks, size);
  // `tar czf` puts files in a tar archive before gzip compresses it: "ustar" at byte 257 says so.
  if (new TextDecoder('latin1').decode(unpacked.subarray(257, 262)) === 'ustar')
    return refuse('UnreadableArchive', file, 'holds a tar archive, which the import does not unpack');
  // The gzip file is the export compressed: its lines are the export's, so it keeps its own name.
  return { exports: [{ bytes: unpacked, name: file }] };
}

/**
 * An entry's name as it was written. A zip marks a UTF-8 name with a flag, and fflate reads a name
 * without it as Latin-1; but Info-ZIP and macOS write UTF-8 without the flag, and Windows'
 * "Compressed (zipped) folder" writes its DOS code page (437). The name's bytes tell which: valid
 * UTF-8 is UTF-8, and Latin-1's unused control characters (0x80 to 0x9F) are the DOS letters
 * (ü is 0x81). A name problems, evidence and consent records give keeps its accents.
 */
function nameOf(name: string): string {
  const codes = Array.from(name, (c) => c.charCodeAt(0));
  if (codes.every((c) => c < 0x80) || codes.some((c) => c > 0xff)) return name;
  const bytes = Uint8Array.from(codes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return codes.some((c) => c >= 0x80 && c < 0xa0) ? iconv.decode(bytes as Buffer, 'cp437') : name;
  }
}

function refuse(code: ProblemCode, file: string, message: string, options: { hint?: string } = {}): { problem: Problem } {
  return { problem: problem(code, file, { line: 0, column: 0 }, '', message, options.hint) };
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

function isFolder(name: string): boolean {
  return name.endsWith('/') || name.endsWith('\\');
}

function isArchiverFile(name: string): boolean {
  const parts = name.split(/[\\/]/);
  const base = parts.at(-1) ?? name;
  return parts[0] === '__MACOSX' || base.startsWith('._') || ARCHIVER_FILES.has(base.toLowerCase());
}

// An Office Open XML file (.xlsx, .docx) or an OpenDocument one (.ods) is a zip too, known by the
// entry each format requires.
function isOfficeDocument(files: readonly UnzipFileInfo[]): boolean {
  return files.some((e) => e.name === '[Content_Types].xml' || e.name === 'mimetype');
}

// The names an archive's message lists: the first few, then how many more.
const NAMED = 5;

function listed(names: readonly string[]): string {
  const shown = names.slice(0, NAMED);
  const more = names.length - shown.length;
  if (more) return `${shown.join(', ')} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown.join('');
}

function notWholeGzip(file: string): UnpackedExports {
  return refuse('UnreadableArchive', file, 'is not a whole gzip file: it was cut short, or is damaged');
}

function megabytes(size: number): string {
  return `${Math.round(size / 1024 / 1024)} MB`;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}
