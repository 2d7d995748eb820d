/**
 * The text of an export file, whatever program wrote it: a byte-order mark says the encoding;
 * UTF-16 without one shows itself by its NUL bytes; valid UTF-8 is UTF-8; anything else is given
 * to a detector (chardet), and the rest falls back to the code page of the business's locale
 * (`importHints`): Windows-1252, what Outlook and Excel write on Western Windows, unless settings
 * say otherwise. The owner may name the encoding (`--encoding`) when the guess is wrong. A vCard
 * line may name its own charset (`N;CHARSET=ISO-8859-2:…`).
 * Pure: bytes in, text out (chardet and iconv-lite are plain JavaScript over a Uint8Array).
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type DecodedExport = {
  text: string;
  /** The encoding the file was read in, as iconv-lite names it: `utf-8`, `utf-16le`, `windows-1252`, `shift_jis`… */
  encoding: string;
};

/** The text of an export file. */
export function decodeExport(bytes: Uint8Array): string {
  return readExport(bytes).text;
}

export type ReadOptions = {
  /** The encoding the owner named: used as it is, whatever the bytes suggest. */
  encoding?: string;
  /** The code page of a file that is not Unicode and that the detector does not know; windows-1252 when absent. */
  fallback?: string;
};

/** Whether iconv-lite can decode `name` (`windows-1250`, `ISO-8859-2`, `utf-16le`…). */
export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

/** The text of an export file and the encoding it was read in. */
export function readExport(file: Uint8Array, options: ReadOptions = {}): DecodedExport {
  const vcard = looksLikeVcard(file);
  const bytes = vcard ? mendFolds(file) : file;
  const { encoding, text } = options.encoding
    ? { encoding: options.encoding.toLowerCase() }
    : detectEncoding(bytes, options.fallback ?? 'windows-1252');
  if (!encoding.startsWith('utf-16') && vcard) {
    const codePage = encoding === 'utf-8' ? (options.fallback ?? 'windows-1252') : encoding;
    return { text: nameQuotedPrintableCharsets(decodeVcardLines(bytes, encoding), codePage), encoding };
  }
  return { text: text ?? decodeBytes(bytes, encoding), encoding };
}

/** Bytes in a named charset (`ISO-8859-2`, `windows-1250`, `UTF-8`…); UTF-8 when the name is unknown. */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  const name = iconv.encodingExists(charset) ? charset : 'utf-8';
  return iconv.decode(bytes as Buffer, name);
}

// Detectors read a sample: more text adds no certainty, only time on a 100,000-row export.
const SAMPLE = 64 * 1024;
// Encodings chardet recognises reliably enough to trust over the Windows-1252 fallback: the
// multi-byte ones have strict byte patterns that Western text does not produce.
const TRUSTED = /^(shift_jis|euc-jp|euc-kr|gb18030|big5|iso-2022-(jp|kr|cn))$/i;
const NON_LATIN = /^(windows-125[13567]|iso-8859-[5678]|koi8-r)$/i;

// The encoding, and the text when telling the encoding already decoded it (UTF-8 is checked by decoding it).
function detectEncoding(bytes: Uint8Array, fallback: string): { encoding: string; text?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be' };
  const sample = bytes.subarray(0, SAMPLE);
  const utf16 = utf16ByNuls(sample);
  if (utf16) return { encoding: utf16 };
  const text = utf8Text(bytes);
  if (text !== undefined) return { encoding: 'utf-8', text };
  const guess = chardet.analyse(sample)[0];
  if (guess && (TRUSTED.test(guess.name) || (NON_LATIN.test(guess.name) && (guess.confidence >= 50 || wordsInOwnScript(sample)))))
    return { encoding: guess.name.toLowerCase() };
  // Mac OS Roman is told apart from Western Windows only: Excel for Mac in Poland wrote Mac Central European.
  if (fallback !== 'windows-1252') return { encoding: fallback };
  return { encoding: isMacRoman(sample) ? 'macintosh' : 'windows-1252' };
}

/**
 * Whether the sample's words are written in a script of their own. Cyrillic, Greek, Hebrew or Arabic
 * in a Windows or ISO code page puts every letter of a word above 0x7F, where Western text, French
 * or Czech included, mixes its accented letters with ASCII ones. The detector's guess of such a code
 * page is then trusted however unsure it says it is: a Russian Outlook export of three people
 * scored 36 out of 100 for Windows-1251, the next guess 7, and read as Windows-1252 it was "Îëüãà".
 */
function wordsInOwnScript(sample: Uint8Array): boolean {
  let own = 0;
  let mixed = 0;
  let high = 0;
  let ascii = 0;
  const wordEnds = () => {
    if (high && high + ascii >= 3) ascii ? mixed++ : own++;
    high = ascii = 0;
  };
  for (const byte of sample) {
    if (byte >= 0x80) high++;
    else if (isAsciiLetter(byte)) ascii++;
    else wordEnds();
  }
  wordEnds();
  return own >= 3 && own > mixed * 2;
}

// Bytes Windows-1252 leaves undefined; Mac OS Roman's Å ç è ê ù.
const NOT_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const isAsciiLetter = (byte: number | undefined) => byte !== undefined && (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a;

/**
 * Excel for Mac saved its "CSV" in Mac OS Roman, which no detector knows (chardet reads it as
 * Windows-1252: "RenŽe"). Its accented letters are the bytes 0x80 to 0x9F, which Windows-1252 keeps
 * for punctuation (’ – “ …) and a few letters (Š Ž œ), and Windows-1252's accented letters are
 * 0xC0 to 0xFF, Mac OS Roman's capitals and symbols. So: a byte Windows-1252 lacks, or, inside
 * words, letters of the low range well outnumbering those of the high. 0x92 is left out: Windows'
 * apostrophe (don’t) sits inside words too.
 */
function isMacRoman(sample: Uint8Array): boolean {
  let mac = 0;
  let windows = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i];
    if (byte < 0x80) continue;
    if (NOT_WINDOWS_1252.has(byte)) return true;
    if (!isAsciiLetter(sample[i - 1]) || !isAsciiLetter(sample[i + 1])) continue;
    if (byte < 0xa0 && byte !== 0x92) mac++;
    else if (byte >= 0xc0) windows++;
  }
  return mac >= 2 && mac > windows * 3;
}

// chardet recognises UTF-16 only by its byte-order mark (it calls BOM-less UTF-16 "ISO-8859-1"). An
// address book is mostly ASCII, so UTF-16 without a mark has a NUL in every other byte.
function utf16ByNuls(sample: Uint8Array): string | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 ? odd++ : even++;
  const pairs = sample.length / 2;
  if (pairs < 2) return undefined;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A vCard folded by octets, as RFC 2425 counts them, may split a UTF-8 character across a fold:
 * `th\xC3` CRLF SPACE `\xA9 café`. The bytes that continue the character are moved before the
 * line break, so the file is valid UTF-8 again and keeps its line numbers. Other files are untouched.
 */
function mendFolds(bytes: Uint8Array): Uint8Array {
  let mended: Uint8Array | undefined;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) {
    if (bytes[i + 1] !== 0x20 && bytes[i + 1] !== 0x09) continue;
    let tail = 0;
    while (tail < 3 && (bytes[i + 2 + tail] & 0xc0) === 0x80) tail++;
    if (!tail) continue;
    // A copy: Buffer's slice would share the caller's bytes.
    mended ??= new Uint8Array(bytes);
    const breakAt = bytes[i - 1] === 0x0d ? i - 1 : i;
    mended.set(bytes.subarray(i + 2, i + 2 + tail), breakAt);
    mended.set(bytes.subarray(breakAt, i + 2), breakAt + tail);
  }
  return mended ?? bytes;
}

function looksLikeVcard(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  return /^(\uFEFF|ï»¿)?\s*BEGIN:VCARD/i.test(head);
}

// A vCard 2.1 line may carry its own charset: `N;CHARSET=ISO-8859-2:Iksi\xF1ski;Pawe\xB3`. Such a
// value is decoded in its charset, the rest of the file in the file's. Quoted-printable values are
// ASCII here and decoded later, in their charset, by the vCard reader.
function decodeVcardLines(bytes: Uint8Array, encoding: string): string {
  if (!/CHARSET=/i.test(new TextDecoder('latin1').decode(bytes))) return decodeBytes(bytes, encoding);
  const lines: string[] = [];
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    lines.push(decodeVcardLine(bytes.subarray(start, end), encoding));
    start = end + 1;
  }
  return lines.join('\n');
}

/**
 * A quoted-printable value that names no charset is in the code page of the computer that wrote
 * it, whatever the rest of the file is: The Bat! wrote `N;ENCODING=QUOTED-PRINTABLE:Iksi=F1ski` in
 * an ASCII file. Such a value is UTF-8 when its bytes are, else it is given `codePage` (the file's,
 * or the one of the business's locale) as its charset, so it is never decoded into "Iksi\uFFFDski".
 */
function nameQuotedPrintableCharsets(text: string, codePage: string): string {
  if (!/QUOTED-PRINTABLE/i.test(text)) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const colon = lines[i].indexOf(':');
    const head = colon < 0 ? '' : lines[i].slice(0, colon);
    if (!/;(ENCODING=)?QUOTED-PRINTABLE(;|$)/i.test(head) || /;CHARSET=/i.test(head)) continue;
    let value = lines[i].slice(colon + 1);
    for (let j = i; /=\r?$/.test(lines[j]) && j + 1 < lines.length; j++) value += lines[j + 1];
    const bytes = [...value.replace(/=\r?$/gm, '').matchAll(/=([0-9A-Fa-f]{2})|./gs)].map((m) =>
      m[1] ? parseInt(m[1], 16) : m[0].charCodeAt(0) & 0xff,
    );
    if (utf8Text(new Uint8Array(bytes)) === undefined) lines[i] = `${head};CHARSET=${codePage}${lines[i].slice(colon)}`;
  }
  return lines.join('\n');
}

function decodeVcardLine(line: Uint8Array, encoding: string): string {
  const colon = line.indexOf(0x3a);
  if (colon < 0) return decodeBytes(line, encoding);
  const head = new TextDecoder('latin1').decode(line.subarray(0, colon));
  const charset = /;CHARSET=([^;:]+)/i.exec(head)?.[1];
  if (!charset || /ENCODING=QUOTED-PRINTABLE/i.test(head)) return decodeBytes(line, encoding);
  return head + decodeBytes(line.subarray(colon), charset);
}
