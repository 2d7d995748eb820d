/**
 * Reading built pages a character at a time for the privacy check (`find-leaks.ts`): email
 * addresses found from each @, and runs of letters and digits as `/[\p{L}\p{N}]+/gu` finds them,
 * with a hash of an ASCII word's lower case. The same answers as those regexes, without their
 * cost on tens of megabytes of pages.
 */

// An address is what /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu matches; `emailsIn`
// finds the same from each @, as that regex tried every start in a run of letters and backed off
// each time: half of the check's time on a large site.
const LOCAL_CHAR = /^[\p{L}\p{N}._%+'-]$/u;
const DOMAIN_CHAR = /^[\p{L}\p{N}-]$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the lower case of an ASCII word, as `findNames` works it out while reading. */
export function asciiHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ lowerAscii(word.charCodeAt(i)), FNV_PRIME);
  return h;
}

export const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

// Letters and digits among the ASCII characters.
export const ASCII_WORD = Uint8Array.from({ length: 0x80 }, (_, c) =>
  Number((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)),
);

export type Word = { start: number; end: number };

/** The first run of letters and digits at or after `from`: a match of `WORD`, found without one. */
export function nextWord(text: string, from: number): Word | undefined {
  let i = from;
  let size = 0;
  while (i < text.length && (size = wordCharSize(text, i)) === 0) i++;
  if (i >= text.length) return undefined;
  const start = i;
  while (size) {
    i += size;
    size = i < text.length ? wordCharSize(text, i) : 0;
  }
  return { start, end: i };
}

// Whether each UTF-16 unit is a letter or digit: 0 not known yet, 1 yes, 2 no.
const WORD_UNITS = new Uint8Array(0x10000);

/** The length of the letter or digit at `i` (2 for one outside the BMP), or 0. */
export function wordCharSize(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ASCII_WORD[c];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  if (WORD_UNITS[c] === 0) WORD_UNITS[c] = WORD_CHAR.test(text[i]) ? 1 : 2;
  return WORD_UNITS[c] === 1 ? 1 : 0;
}

/** The email addresses in `text` with where each starts: what the regex at the top matches, in order. */
export function* emailsIn(text: string): Generator<{ at: number; email: string }> {
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', from)) {
    // The match starts where the run of local-part characters before the @ does (not before `from`).
    let start = at;
    for (let size = charSizeBefore(text, start, from, LOCAL_CHAR); size; size = charSizeBefore(text, start, from, LOCAL_CHAR))
      start -= size;
    const end = start < at ? domainEnd(text, at + 1) : -1;
    if (end === -1) {
      from = at + 1;
      continue;
    }
    yield { at: start, email: text.slice(start, end) };
    from = end;
  }
}

/** The end of `[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+` matched greedily at `i`, or -1. */
function domainEnd(text: string, i: number): number {
  let end = domainRun(text, i);
  if (end === i) return -1;
  let labels = 0;
  while (text.charCodeAt(end) === 0x2e) {
    const next = domainRun(text, end + 1);
    if (next === end + 1) break;
    end = next;
    labels++;
  }
  return labels ? end : -1;
}

function domainRun(text: string, i: number): number {
  for (let size = charSizeAt(text, i, DOMAIN_CHAR); size; size = charSizeAt(text, i, DOMAIN_CHAR)) i += size;
  return i;
}

/** The length of the code point at `i` when `allowed` accepts it, or 0. */
function charSizeAt(text: string, i: number, allowed: RegExp): number {
  if (i >= text.length) return 0;
  const pair = isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1));
  return allowed.test(text.slice(i, pair ? i + 2 : i + 1)) ? (pair ? 2 : 1) : 0;
}

/** The length of the code point ending at `i` (not reaching before `floor`) when `allowed` accepts it, or 0. */
function charSizeBefore(text: string, i: number, floor: number, allowed: RegExp): number {
  if (i <= floor) return 0;
  const pair = i - 2 >= floor && isLow(text.charCodeAt(i - 1)) && isHigh(text.charCodeAt(i - 2));
  return allowed.test(text.slice(pair ? i - 2 : i - 1, i)) ? (pair ? 2 : 1) : 0;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
