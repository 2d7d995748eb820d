/**
 * The site's privacy check, pure half: which private facts must never reach the built site, and
 * where in the built files they did. `scripts/check-site.js` reads the files and the contacts.
 */
import { hasPublishConsent } from './publish.ts';
import type { Contact, Result, Settings } from '../model/index.ts';
import { ASCII_WORD, asciiHash, emailsIn, FNV_OFFSET, FNV_PRIME, lowerAscii, nextWord, wordCharSize } from './text-scan.ts';

type LeakKind = 'email' | 'phone' | 'name';

/** One private fact of one contact. */
export type LeakTarget = { contact: string; kind: LeakKind; value: string };

/** A private fact found in a built file. `shown` is safe to print: masked, never the fact itself. */
export type Leak = { file: string; line: number; contact: string; kind: LeakKind; shown: string };

export type LeakSources = {
  contacts: readonly { id: string; data: Contact }[];
  /** Results whose client consented to the website may name that client. */
  results?: readonly { data: Result }[];
  /** What settings publish on purpose (the business's own email, phone and people) is not a leak. */
  settings?: Settings;
};

/**
 * Every contact's email addresses and phone number, and the name of every contact who has not
 * agreed to be named in public.
 */
export function leakTargets({ contacts, results = [], settings }: LeakSources, today: Temporal.PlainDate): LeakTarget[] {
  const publicEmails = new Set([settings?.business.email, settings?.site.introduceEmail].filter((e) => e !== undefined));
  const publicPhone = settings?.business.phone ? phoneKey(settings.business.phone) : undefined;
  const publicNames = new Set((settings?.business.people ?? []).map((p) => normalizeName(p.name)));
  const namedByResult = new Set(
    results.filter((r) => r.data.client?.consent?.scope.includes('website')).map((r) => r.data.client?.contact),
  );
  const targets: LeakTarget[] = [];
  for (const { id, data } of contacts) {
    for (const email of data.emails) if (!publicEmails.has(email)) targets.push({ contact: id, kind: 'email', value: email });
    if (data.phone && phoneKey(data.phone) && phoneKey(data.phone) !== publicPhone) {
      targets.push({ contact: id, kind: 'phone', value: data.phone });
    }
    const named = hasPublishConsent(data, today) || namedByResult.has(id) || publicNames.has(normalizeName(data.name));
    if (!named && data.name.trim().includes(' ')) targets.push({ contact: id, kind: 'name', value: data.name });
  }
  return targets;
}

/**
 * Finds every target in every file; one leak per target and file, at its first line. The targets
 * are indexed once, so each file is read in a single pass whatever the number of contacts:
 * addresses are looked for only around an @, and a word is looked up by name only when a cheap
 * hash of its lower case says it may begin one.
 */
export function findLeaks(files: readonly { path: string; text: string }[], targets: readonly LeakTarget[]): Leak[] {
  const index = indexTargets(targets);
  const leaks: Leak[] = [];
  for (const file of files) {
    const raw = decode(file.text);
    const found = new Map<LeakTarget, number>();
    const note = (target: LeakTarget, text: string, at: number) => {
      if (!found.has(target)) found.set(target, lineAt(text, at));
    };
    for (const { at, email } of emailsIn(raw)) {
      for (const t of index.emails.get(email.toLowerCase()) ?? []) note(t, raw, at);
    }
    for (const m of raw.matchAll(DIGIT_RUN)) {
      const digits = m[0].replace(/\D/g, '');
      for (const size of index.phoneLengths) {
        for (let i = 0; i + size <= digits.length; i++) {
          for (const t of index.phones.get(digits.slice(i, i + size)) ?? []) note(t, raw, m.index);
        }
      }
    }
    // Names are also looked for with the tags taken out, so <em>Ana</em> Ruiz is found too.
    for (const text of [raw, raw.replace(/<[^>]*>/g, '')]) {
      for (const { target, at } of findNames(text, index)) note(target, text, at);
    }
    for (const [target, line] of found) {
      leaks.push({ file: file.path, line, contact: target.contact, kind: target.kind, shown: mask(target) });
    }
  }
  return leaks.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.contact.localeCompare(b.contact) || a.kind.localeCompare(b.kind),
  );
}

/** `dist/about/index.html:12 email of contact ana-ruiz (a…@example.com)` */
export function formatLeak(leak: Leak): string {
  return `${leak.file}:${leak.line} ${leak.kind} of contact ${leak.contact}${leak.kind === 'name' ? '' : ` (${leak.shown})`}`;
}

// The digits that identify a number whether written nationally (07700 900123) or
// internationally (+44 7700 900123): the last nine, or all of a shorter number.
function phoneKey(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return undefined;
  return digits.slice(-9);
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase().split(/\s+/).join(' ');
}

// Digits that may be split by spaces, dashes, dots, slashes or brackets, as phone numbers are written.
const DIGIT_RUN = /\d(?:[\s\-./()]{0,3}\d)+/g;
const WORD = /[\p{L}\p{N}]+/gu;
// Between the words of a name: spaces and line breaks, or the hyphens and underscores of a slug (ana-ruiz).
const NAME_GAP = /^[\s_-]+$/;

type NameTarget = { target: LeakTarget; words: string[] };
type TargetIndex = {
  emails: Map<string, LeakTarget[]>;
  phones: Map<string, LeakTarget[]>;
  phoneLengths: Set<number>;
  /** By the name's first word. */
  names: Map<string, NameTarget[]>;
  /**
   * A filter on first words written in ASCII, by the low bits of `asciiHash`: a word whose slot
   * is 0 begins no name. Other words are looked up.
   */
  firstWords: Uint8Array;
};

function indexTargets(targets: readonly LeakTarget[]): TargetIndex {
  const index: TargetIndex = {
    emails: new Map(),
    phones: new Map(),
    phoneLengths: new Set(),
    names: new Map(),
    firstWords: new Uint8Array(FIRST_WORD_SLOTS),
  };
  const add = <V>(map: Map<string, V[]>, key: string, value: V) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const target of targets) {
    if (target.kind === 'email') add(index.emails, target.value.toLowerCase(), target);
    if (target.kind === 'phone') {
      const key = phoneKey(target.value);
      if (key) {
        add(index.phones, key, target);
        index.phoneLengths.add(key.length);
      }
    }
    if (target.kind === 'name') {
      const words = [...target.value.toLowerCase().matchAll(WORD)].map((m) => m[0]);
      if (words.length) add(index.names, words[0], { target, words });
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included.
      if (words.length && /^[\x00-\x7f]*$/.test(words[0])) index.firstWords[asciiHash(words[0]) & (FIRST_WORD_SLOTS - 1)] = 1;
    }
  }
  return index;
}

const FIRST_WORD_SLOTS = 1 << 18;
/** Each name in `text`: its words in order, in any case, apart only by spaces, hyphens or underscores. */
function findNames(text: string, index: TargetIndex): { target: LeakTarget; at: number }[] {
  const found: { target: LeakTarget; at: number }[] = [];
  if (index.names.size === 0) return found;
  // Reads the words of `WORD` one character at a time, hashing ASCII ones as it goes: a Map lookup
  // per word (a new lower-case string, hashed) was most of the check's time.
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first < 0x80 ? ASCII_WORD[first] === 0 : wordCharSize(text, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    let ascii = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (ASCII_WORD[c] === 0) break;
        h = Math.imul(h ^ lowerAscii(c), FNV_PRIME);
        i++;
      } else {
        const size = wordCharSize(text, i);
        if (size === 0) break;
        ascii = false;
        i += size;
      }
    }
    if (ascii && index.firstWords[h & (FIRST_WORD_SLOTS - 1)] === 0) continue;
    const names = index.names.get(text.slice(start, i).toLowerCase());
    if (!names) continue;
    // The words after this one, read once for all the names that begin with it.
    const after: ({ word: string; gap: string } | undefined)[] = [];
    let end = i;
    const following = (k: number) => {
      while (after.length < k) {
        const here = end === -1 ? undefined : nextWord(text, end);
        after.push(here && { word: text.slice(here.start, here.end).toLowerCase(), gap: text.slice(end, here.start) });
        end = here ? here.end : -1;
      }
      return after[k - 1];
    };
    for (const name of names) {
      const matches = name.words.every((expected, k) => {
        if (k === 0) return true;
        const here = following(k);
        return here !== undefined && here.word === expected && NAME_GAP.test(here.gap);
      });
      if (matches) found.push({ target: name.target, at: start });
    }
  }
  return found;
}

// Undoes the encodings an address or name can hide behind in HTML, URLs and JSON, keeping line breaks.
function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/%([0-9a-f]{2})/gi, (all, hex: string) => {
      const char = String.fromCharCode(Number.parseInt(hex, 16));
      return char === '\n' || char === '\r' ? all : char;
    })
    .replace(/&(nbsp|commat|period|amp|quot|apos|lt|gt);/g, (_, name: string) => ENTITIES[name]);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', commat: '@', period: '.', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function mask(target: LeakTarget): string {
  if (target.kind === 'email') {
    const [user, domain] = target.value.split('@');
    return `${user.slice(0, 1)}…@${domain}`;
  }
  if (target.kind === 'phone') return `…${target.value.replace(/\D/g, '').slice(-3)}`;
  return target.contact;
}
