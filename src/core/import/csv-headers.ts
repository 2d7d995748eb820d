/**
 * Which program wrote a CSV export, and which field each of its columns fills: the program's own
 * headers (`header-words.ts`), common words for any other table, and the owner's header map. Pure.
 */
import { BIRTH_PARTS, GOOGLE, headerKey, MAILCHIMP, OUTLOOK, WORDS, YAHOO } from './header-words.ts';
import type { ImportField } from './person.ts';

export type CsvFormat = 'google' | 'outlook' | 'yahoo' | 'linkedin' | 'mailchimp' | 'generic';
/** Header (any case) → field. */
export type HeaderMap = ReadonlyMap<string, ImportField>;

/**
 * The format of a CSV export and the field of each of its columns (undefined: not imported), and
 * whether any column was known by its header. The owner's map names a column by its header, or by
 * its letter as a spreadsheet shows it (`column C`: a file without a header row).
 */
export function readHeaders(
  headers: readonly string[],
  map: HeaderMap,
): { format: CsvFormat; fields: (ImportField | undefined)[]; named: boolean } {
  const keys = headers.map(headerKey);
  const mapped = new Map([...map].map(([h, f]) => [headerKey(h), f]));
  const outlook = outlookLanguage(keys);
  const format: CsvFormat =
    keys.some((k) => /^email\dvalue$/.test(k)) || keys.includes('givenname')
      ? 'google'
      : keys.includes('connectedon') && keys.includes('url')
        ? 'linkedin'
        : keys.includes('messengerid') && keys.includes('yahoophone')
          ? 'yahoo'
          : keys.includes('emailaddress') && (keys.includes('leid') || keys.includes('euid'))
            ? 'mailchimp'
            : outlook
              ? 'outlook'
              : 'generic';
  // Thunderbird writes a birthday in three columns: "Birth Year", "Birth Month", "Birth Day".
  const inParts = keys.includes('birthmonth') || keys.includes('geburtsmonat');
  const fields = keys.map((key) => {
    const own = mapped.get(key);
    if (own) return own;
    if (inParts && BIRTH_PARTS.has(key)) return BIRTH_PARTS.get(key);
    if (format === 'google') {
      if (/^email\dvalue$/.test(key)) return 'email';
      if (/^phone\dvalue$/.test(key)) return 'phone';
      if (GOOGLE.has(key)) return GOOGLE.get(key);
    }
    if (format === 'yahoo') return YAHOO.get(key);
    if (format === 'mailchimp') return MAILCHIMP.get(key);
    if (outlook?.has(key)) return outlook.get(key);
    if (WORDS.has(key)) return WORDS.get(key);
    if (format === 'google' || format === 'outlook') return undefined;
    if (/e?mail/.test(key) && !/(label|type)$/.test(key)) return 'email';
    if (/phone|mobile|^cell|^tel/.test(key) && !/(label|type)$/.test(key)) return 'phone';
    // An address's town in a column of its own: "Address 1 - City", "Mailing City".
    if (/(city|town)$/.test(key)) return 'area';
    return undefined;
  });
  const named = fields.some(Boolean);
  const byLetter = fields.map((field, i) => mapped.get(headerKey(columnName(i))) ?? field);
  return { format, fields: byLetter, named };
}

/** Whether the map names a column by its letter (`column C`) rather than by its header. */
export function mapsByLetter(map: HeaderMap): boolean {
  return [...map.keys()].some((header) => /^column\s*[a-z]{1,3}$/i.test(header.trim()));
}

/** A column as the import names one: by its letter as a spreadsheet shows it, 0 → column A, 26 → column AA. */
export function columnName(index: number): string {
  return `column ${columnLetters(index)}`;
}

/** A spreadsheet's name for a column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function outlookLanguage(keys: readonly string[]): ReadonlyMap<string, ImportField> | undefined {
  // Languages share words ("Nome" is Italian and Portuguese): the one that knows the most headers wins.
  let best: ReadonlyMap<string, ImportField> | undefined;
  let most = 4;
  for (const headers of Object.values(OUTLOOK)) {
    const known = keys.filter((k) => headers.has(k));
    if (known.length > most && known.some((k) => headers.get(k) === 'email')) [best, most] = [headers, known.length];
  }
  return best;
}
