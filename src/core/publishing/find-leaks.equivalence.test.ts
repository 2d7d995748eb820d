/**
 * The privacy check's fast scan finds exactly what the plain one it replaced found: that scan is
 * kept here, word for word, and both read the same generated pages.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findLeaks, leakTargets, type Leak, type LeakTarget } from './find-leaks.ts';
import { ContactSchema } from '../model/index.ts';

const contact = (id: string, fields: Record<string, unknown>) => ({ id, data: ContactSchema.parse({ segment: 'sphere', ...fields }) });

const CONTACTS = [
  contact('ana-ruiz', { name: 'Ana Ruiz', emails: ['ana@example.com', "o'neil.ana+x@mail.example.co"], phone: '07700 900123' }),
  contact('zoe-cafe', { name: 'Zoë Café Lindqvist', emails: ['zoe.cafe@example.com'], phone: '+1 (415) 555-0100' }),
  contact('ilker-sigma', { name: 'İlker ΟΔΟΣ', emails: ['ilker@x-y.example'] }),
  contact('kelvin', { name: '\u212Aate Ruiz', emails: [] }),
  contact('astral', { name: '\u{1D400}nna Ruiz', emails: [] }),
  contact('ana-ruiz-2', { name: 'ANA  ruiz', emails: ['ANA2@Example.com'] }),
];

// Whole targets, so that most pages hold some leak, then pieces that make near misses.
const LEAKS = [
  'ana@example.com',
  'ANA@Example.COM',
  "o'neil.ana+x@mail.example.co",
  'x.ana@example.com.uk',
  'ana2@example.com',
  'zoe.cafe@example.com',
  'ilker@x-y.example',
  'Ana Ruiz',
  'ana-ruiz',
  'ana_ruiz',
  'Ana\nRuiz',
  '<em>Ana</em> Ruiz',
  'Zoë Café Lindqvist',
  'zoë-café-lindqvist',
  'İlker ΟΔΟΣ',
  'i\u0307lker οδος',
  '\u212Aate Ruiz',
  'kate ruiz',
  '\u{1D400}nna Ruiz',
  '07700 900 123',
  '+447700900123',
  '(415) 555 0100',
];

const FRAGMENTS = [
  ...LEAKS,
  'ana',
  'Ana',
  'ANA',
  'ruiz',
  'Ruiz',
  'RUIZ',
  'Ruizton',
  'zoë',
  'Zoë',
  'café',
  'CAFÉ',
  'lindqvist',
  'İlker',
  'ilker',
  'i\u0307lker',
  'ΟΔΟΣ',
  'οδος',
  'οδοσ',
  'Kate',
  '\u212Aate',
  'kate',
  '\u{1D400}nna',
  '\u{1D400}',
  '\u{1F600}',
  '\uD800',
  '\uDC00',
  'nna',
  '@',
  '@',
  '.',
  '..',
  '-',
  '_',
  '%',
  '+',
  "'",
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '<em>',
  '</em>',
  '<a href="',
  '">',
  '/',
  ',',
  ';',
  'example',
  'com',
  'exämple',
  'zoe.cafe',
  'ZOE',
  'cafe',
  'mail',
  'co',
  'x-y',
  '&#64;',
  '&#x40;',
  '%40',
  '\\u0040',
  '&amp;',
  '&nbsp;',
  '&commat;',
  '&period;',
  "o'neil",
  '07700',
  '900',
  '123',
  '900123',
  '+44',
  '7700',
  '(415)',
  '555',
  '0100',
  '2026-11-03',
  '\u0301',
  'ß',
  'ẞ',
  'é',
];

describe('findLeaks', () => {
  const targets = leakTargets({ contacts: CONTACTS }, Temporal.PlainDate.from('2026-11-10'));

  it('finds the same leaks, on the same lines, as the scan it replaced', () => {
    const page = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
    let withLeaks = 0;
    fc.assert(
      fc.property(fc.array(page, { minLength: 1, maxLength: 3 }), (texts) => {
        const files = texts.map((text, i) => ({ path: `dist/${i}.html`, text }));
        const before = findLeaksBefore(files, targets);
        if (before.length) withLeaks++;
        expect(findLeaks(files, targets)).toEqual(before);
      }),
      { numRuns: 3000 },
    );
    expect(withLeaks).toBeGreaterThan(1000);
  });

  it('finds what the scan it replaced found in a page with every kind of leak', () => {
    const text = `${FRAGMENTS.join(' ')}\n${FRAGMENTS.join('')}`;
    const files = [{ path: 'dist/all.html', text }];
    const leaks = findLeaks(files, targets);
    expect(new Set(leaks.map((l) => l.contact))).toEqual(
      new Set(['ana-ruiz', 'zoe-cafe', 'ilker-sigma', 'kelvin', 'astral', 'ana-ruiz-2']),
    );
    expect(leaks).toEqual(findLeaksBefore(files, targets));
  });
});

// The scan before it was made fast, kept as it was.
function findLeaksBefore(files: readonly { path: string; text: string }[], targets: readonly LeakTarget[]): Leak[] {
  const index = indexTargets(targets);
  const leaks: Leak[] = [];
  for (const file of files) {
    const raw = decode(file.text);
    const found = new Map<LeakTarget, number>();
    const note = (target: LeakTarget, text: string, at: number) => {
      if (!found.has(target)) found.set(target, lineAt(text, at));
    };
    for (const m of raw.matchAll(EMAIL)) {
      for (const t of index.emails.get(m[0].toLowerCase()) ?? []) note(t, raw, m.index);
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
      for (const { target, at } of findNames(text, index.names)) note(target, text, at);
    }
    for (const [target, line] of found) {
      leaks.push({ file: file.path, line, contact: target.contact, kind: target.kind, shown: mask(target) });
    }
  }
  return leaks.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.contact.localeCompare(b.contact) || a.kind.localeCompare(b.kind),
  );
}

// The digits that identify a number whether written nationally (07700 900123) or
// internationally (+44 7700 900123): the last nine, or all of a shorter number.
function phoneKey(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return undefined;
  return digits.slice(-9);
}

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
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
};

function indexTargets(targets: readonly LeakTarget[]): TargetIndex {
  const index: TargetIndex = { emails: new Map(), phones: new Map(), phoneLengths: new Set(), names: new Map() };
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
    }
  }
  return index;
}

function* findNames(text: string, names: Map<string, NameTarget[]>): Generator<{ target: LeakTarget; at: number }> {
  if (names.size === 0) return;
  const words = [...text.matchAll(WORD)];
  for (let i = 0; i < words.length; i++) {
    for (const name of names.get(words[i][0].toLowerCase()) ?? []) {
      const matches = name.words.every((word, k) => {
        if (k === 0) return true;
        const here = words[i + k];
        const before = words[i + k - 1];
        if (!here || here[0].toLowerCase() !== word) return false;
        return NAME_GAP.test(text.slice(before.index + before[0].length, here.index));
      });
      if (matches) yield { target: name.target, at: words[i].index };
    }
  }
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
