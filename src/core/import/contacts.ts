/**
 * Merges people read from an export into the contacts on file, without writing anything: the plan
 * says which contact files to create and which fields to add to existing ones. A person is matched
 * by email address, or by phone number when the names agree too (two people may share an office or
 * a home number), or by name only when the export gives neither; a match fills in what the contact
 * lacks and never replaces what the owner wrote, unless asked to (`update`).
 * Email consent is never assumed: it is recorded only when a column said yes, with where and when.
 */
import { slugify } from '../contacts/index.ts';
import type { Problem } from '../problems/index.ts';
import { contactKeyRank, type Segment } from '../model/index.ts';
import { cleanText, phoneDigits, rowProblem, type ImportedPerson, type ImportUnit } from './person.ts';

/** A contact file already in the folder, as parsed (it may not be valid). */
export type ExistingContact = { id: string; file: string; data: unknown };

/** One change to a contact file: set the value at `path`, or append it to the list there. */
export type ContactChange = { path: string[]; value: unknown; append?: true };

export type ImportPlan = {
  create: { id: string; rows: number[]; data: Record<string, unknown> }[];
  /** Contacts on file the export adds to, with the name they have after the import. */
  update: { id: string; file: string; name?: string; rows: number[]; changes: ContactChange[] }[];
  /** Rows that matched a contact and brought nothing new. */
  unchanged: number[];
  problems: Problem[];
};

export type ImportOptions = {
  /** The export file as the owner named it: problems and consent evidence name it. */
  file: string;
  /** Where the export came from: "Google Contacts export". */
  source: string;
  today: Temporal.PlainDate;
  /** The segment of new contacts the export does not place. */
  segment: Segment;
  /** Replace fields the contact already has with the export's values. */
  update: boolean;
  /** What the export's numbers count, as problems name them: rows of a CSV (the default) or cards of a vCard file. */
  unit?: ImportUnit;
};

type Draft = {
  id: string;
  /** The contact's file, when it was on file before the import. */
  file?: string;
  data: Record<string, unknown>;
  changes: ContactChange[];
  /**
   * The fields a row of this export has given a value for; none given yet, all of them (a contact
   * this export created).
   */
  given?: Set<string>;
  rows: number[];
  /** A new contact as last handed out (see `ImportPlanner`). */
  out?: { rows: number; contact: NewContact };
};

/** Plans the import of `people` into `existing`. Pure. */
export function planImport(people: Iterable<ImportedPerson>, existing: readonly ExistingContact[], options: ImportOptions): ImportPlan {
  const planner = startImport(existing, options);
  for (const person of people) planner.add(person);
  const { rewrite, ...plan } = planner.finish();
  return plan;
}

/** A new contact as the plan gives it: its id, the rows it came from, and its data in the schema's key order. */
export type NewContact = ImportPlan['create'][number];

/**
 * An import planned person by person, so a large export's new contacts can be written while the
 * rest is still being read: `take` hands out the contacts created since it was last called, and
 * `finish` gives the whole plan and, in `rewrite`, each handed-out contact a later row changed
 * (the same person twice in one export). The plan is the one `planImport` makes.
 */
export type ImportPlanner = {
  add(person: ImportedPerson): void;
  /**
   * The people added next come from another export of the same archive, which problems and
   * evidence then name; it is planned as if imported after the ones before it.
   */
  from(next: Pick<ImportOptions, 'file' | 'source' | 'unit'>): void;
  take(): NewContact[];
  finish(): ImportPlan & { rewrite: NewContact[] };
};

/** Starts planning an import into `existing`. Pure. */
export function startImport(existing: readonly ExistingContact[], options: ImportOptions): ImportPlanner {
  let current = options;
  const drafts: Draft[] = [];
  const ids: Ids = { taken: new Set(existing.map((c) => c.id)), next: new Map() };
  const byEmail = new Map<string, Draft>();
  const byPhone = new Map<string, Draft[]>();
  const byName = new Map<string, Draft>();
  const index = (draft: Draft) => {
    // An address that bounced is the contact's still, though never written to (a list's cleaned members).
    for (const email of [...strings(draft.data.emails), ...bouncedEmails(draft.data)]) byEmail.set(email.toLowerCase(), draft);
    if (typeof draft.data.phone === 'string') {
      const key = phoneKey(draft.data.phone);
      const sharing = byPhone.get(key);
      if (!sharing) byPhone.set(key, [draft]);
      else if (!sharing.includes(draft)) sharing.push(draft);
    }
    if (typeof draft.data.name === 'string') byName.set(draft.data.name.toLowerCase(), draft);
  };
  for (const contact of existing) {
    // A shallow copy: a change copies what it writes into (setIn, append), so the caller's data is
    // never changed, and a contact the export leaves as it is costs no deep copy.
    const data = isRecord(contact.data) ? { ...contact.data } : {};
    const draft = { id: contact.id, file: contact.file, data, changes: [], rows: [], given: new Set<string>() };
    drafts.push(draft);
    index(draft);
  }

  const problems: Problem[] = [];
  const unchanged: number[] = [];
  const created: Draft[] = [];
  let handedOut = 0;
  const add = (person: ImportedPerson) => {
    const unit = current.unit ?? 'row';
    if (!cleanText(person.name)) {
      problems.push(rowProblem('BadImportRow', current.file, person.at, '', { row: person.row, unit }, 'no name', 'has no name'));
      return;
    }
    const found = new Map<Draft, string>();
    for (const email of person.emails) if (byEmail.has(email)) found.set(byEmail.get(email)!, `by ${email}`);
    const apart: Draft[] = [];
    let byNumber = false;
    for (const phone of person.phones) {
      for (const hit of byPhone.get(phoneKey(phone)) ?? []) {
        if (!namesAgree(person.name, hit.data.name)) {
          if (!found.has(hit) && !apart.includes(hit)) apart.push(hit);
        } else {
          byNumber = true;
          if (!found.has(hit)) found.set(hit, `by ${phone}`);
        }
      }
    }
    if (!byNumber) {
      for (const other of apart.filter((d) => !found.has(d))) {
        const message = `same phone as "${other.id}" (${String(other.data.name)}): kept apart; merge by hand if they are one person`;
        const kind = 'same phone as another contact, kept apart';
        problems.push(rowProblem('SamePhoneKeptApart', current.file, person.at, '', { row: person.row, unit }, kind, message));
      }
    }
    if (!person.emails.length && !person.phones.length && person.name && byName.has(person.name.toLowerCase())) {
      found.set(byName.get(person.name.toLowerCase())!, 'by name');
    }
    if (found.size > 1) {
      const which = [...found].map(([d, how]) => `"${d.id}" (${how})`).join(' and ');
      const where = { row: person.row, unit };
      problems.push(rowProblem('AmbiguousImportRow', current.file, person.at, '', where, 'matches two contacts', `matches ${which}`));
      return;
    }
    const [match] = found.keys();
    if (!match) {
      // A namesake with other addresses and numbers may be another person, or the same one with
      // new ones: kept apart, and said.
      const namesake = person.name && byName.get(person.name.toLowerCase());
      if (namesake) {
        const message = `same name as "${namesake.id}", with no email address or phone in common: kept apart; merge by hand if they are one person`;
        const kind = 'same name as another contact, kept apart';
        problems.push(rowProblem('SameNameKeptApart', current.file, person.at, '', { row: person.row, unit }, kind, message));
      }
      const id = uniqueId(person, ids);
      const draft: Draft = { id, data: newContact(person, current), changes: [], rows: [person.row] };
      created.push(draft);
      index(draft);
      return;
    }
    const changes = mergeInto(match, person, current);
    if (match.file) match.changes.push(...changes);
    if (changes.length) {
      match.rows.push(person.row);
      index(match);
    } else unchanged.push(person.row);
  };
  // The contact as handed out, and how many rows it had then: more rows later mean it changed.
  const out = (d: Draft): NewContact => {
    if (d.out?.rows !== d.rows.length) d.out = { rows: d.rows.length, contact: { id: d.id, rows: [...d.rows], data: ordered(d.data) } };
    return d.out.contact;
  };
  return {
    add,
    from: (next) => {
      current = { ...current, ...next };
      // Each export is as if imported on its own, after the one before it: with `update`, its
      // values replace what earlier exports gave, as they would on file.
      for (const draft of [...drafts, ...created]) draft.given = new Set();
    },
    take: () => created.slice(handedOut, (handedOut = created.length)).map(out),
    finish: () => {
      const rewrite = created.slice(0, handedOut).filter((d) => d.out!.rows !== d.rows.length);
      return {
        create: created.map(out),
        update: drafts
          .filter((d) => d.changes.length)
          .map((d) => ({
            id: d.id,
            file: d.file!,
            ...(typeof d.data.name === 'string' ? { name: d.data.name } : {}),
            rows: d.rows,
            changes: d.changes,
          })),
        unchanged,
        problems,
        rewrite: rewrite.map(out),
      };
    },
  };
}

function newContact(person: ImportedPerson, options: ImportOptions): Record<string, unknown> {
  const data: Record<string, unknown> = { name: person.name };
  mergeInto({ id: '', data, changes: [], rows: [] }, { ...person, segment: person.segment ?? options.segment }, options);
  return data;
}

/** Applies what `person` adds to the draft's data, and returns the changes made. */
function mergeInto(draft: Draft, person: ImportedPerson, options: ImportOptions): ContactChange[] {
  const data = draft.data;
  const changes: ContactChange[] = [];
  // `update` replaces what the file said before the import, not what an earlier row of the import
  // gave (two rows for one person: the first stands, as without it), so a second run changes nothing.
  const set = (path: string[], value: unknown, replace = options.update) => {
    if (value === undefined) return;
    const key = path.join('.');
    const earlier = !draft.given || draft.given.has(key);
    draft.given?.add(key);
    const current = getIn(data, path);
    if (current !== undefined && (!replace || earlier || same(current, value))) return;
    setIn(data, path, value);
    changes.push({ path, value });
  };
  const append = (key: 'emails' | 'tags', values: readonly string[], skip: readonly string[] = []) => {
    const list = strings(data[key]).map((v) => v.toLowerCase());
    const fresh = values.filter((v) => !list.includes(v) && !skip.includes(v));
    if (!fresh.length) return;
    if (!Array.isArray(data[key])) {
      data[key] = [...fresh];
      changes.push({ path: [key], value: [...fresh] });
    } else {
      data[key] = [...(data[key] as unknown[]), ...fresh];
      for (const value of fresh) changes.push({ path: [key], value, append: true });
    }
  };

  set(['name'], person.name);
  if (person.firstName && (data.firstName !== undefined || data.name === person.name)) set(['firstName'], person.firstName);
  const bounced = bouncedEmails(data).map((e) => e.toLowerCase());
  if (person.cleaned) {
    // Addresses the mailing service dropped after they bounced: recorded as bounced, never used.
    const { column, value, date } = person.cleaned;
    const reason = `cleaned by the mailing service: row ${person.row} of ${fileName(options.file)}: ${column} = "${value}"`;
    for (const email of person.emails.filter((e) => !bounced.includes(e.toLowerCase()))) {
      const entry = { email, date: date ?? options.today.toString(), reason, code: 'BadAddress' };
      data.bounced = [...(Array.isArray(data.bounced) ? data.bounced : []), entry];
      changes.push({ path: ['bounced'], value: entry, append: true });
      bounced.push(email.toLowerCase());
    }
  }
  append('emails', person.emails, bounced);
  const phone = person.phones[0];
  if (phone && !(typeof data.phone === 'string' && person.phones.some((p) => phoneKey(p) === phoneKey(String(data.phone))))) {
    set(['phone'], phone);
  }
  set(['segment'], person.segment);
  set(['tier'], person.tier);
  append('tags', person.tags);
  set(['area'], person.area);
  set(['dates', 'birthday'], person.birthday);
  set(['dates', 'clientSince'], person.clientSince);
  if (person.unsubscribed) {
    const { column, value, date, reason } = person.unsubscribed;
    const evidence = `row ${person.row} of ${fileName(options.file)}: ${column} = "${value}"${reason ? `, reason given: "${reason}"` : ''}`;
    set(['unsubscribed'], { date: date ?? options.today.toString(), evidence }, false);
  }
  if (person.emailConsent && data.unsubscribed === undefined) {
    const { column, value, date } = person.emailConsent;
    set(
      ['consent', 'email'],
      {
        basis: 'consent',
        source: `${options.source}, column "${column}"`,
        date: date ?? options.today.toString(),
        evidence: `row ${person.row} of ${fileName(options.file)}: ${column} = "${value}"`,
      },
      false,
    );
  }
  set(['offers'], person.offers);
  set(['notes'], person.notes);
  return changes;
}

/** `exports/contacts.csv` as `contacts.csv`: how evidence names the file. */
function fileName(file: string): string {
  return file.split(/[\\/]/).at(-1) ?? file;
}

/**
 * Whether two names can be one person's: the same words in the same order, allowing for case,
 * accents, initials ("D. Ireland", "Daniel Ireland") and words left out ("Tom", "Tom Byrne"), as
 * long as the first words agree and one whole word is the same in both. Initials alone ("K.",
 * "K. W.") say too little: two such names agree only when they are the same.
 */
export function namesAgree(a: unknown, b: unknown): boolean {
  const [short, long] = [nameWords(a), nameWords(b)].toSorted((x, y) => x.length - y.length);
  if (!short.length || !sameWord(short[0], long[0])) return false;
  if (short.join(' ') === long.join(' ')) return true;
  let i = 0;
  let wholeWord = false;
  for (const word of long) {
    if (i < short.length && sameWord(short[i], word)) {
      wholeWord ||= word.length > 1 && short[i] === word;
      i++;
    }
  }
  return i === short.length && wholeWord;
}

function nameWords(name: unknown): string[] {
  if (typeof name !== 'string') return [];
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function sameWord(a: string, b: string): boolean {
  return a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/** Ids in use, and the next number to try after each base (so 500 "John Smith"s take linear time). */
type Ids = { taken: Set<string>; next: Map<string, number> };

function uniqueId(person: ImportedPerson, ids: Ids): string {
  const base = slugify(person.name ?? '') || slugify(person.emails[0]?.split('@')[0] ?? '') || 'contact';
  let id = base;
  let n = ids.next.get(base) ?? 2;
  while (ids.taken.has(id)) id = `${base}-${n++}`;
  ids.next.set(base, n);
  ids.taken.add(id);
  return id;
}

// The last nine digits: "+44 7700 900123", "07700 900123" and "0044 7700 900123" are one number.
function phoneKey(phone: string): string {
  const digits = phoneDigits(phone);
  return digits.length > 9 ? digits.slice(-9) : digits;
}

/** The data with its keys in the order the schema lists them. */
function ordered(data: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(data).toSorted((a, b) => contactKeyRank(a) - contactKeyRank(b));
  return Object.fromEntries(keys.map((k) => [k, data[k]]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bouncedEmails(data: Record<string, unknown>): string[] {
  return Array.isArray(data.bounced) ? strings(data.bounced.map((b) => (isRecord(b) ? b.email : undefined))) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function getIn(data: Record<string, unknown>, path: string[]): unknown {
  let node: unknown = data;
  for (const key of path) node = isRecord(node) ? node[key] : undefined;
  return node;
}

/** Sets the value at `path`, copying each map on the way rather than changing it (it may be the caller's). */
function setIn(data: Record<string, unknown>, path: string[], value: unknown): void {
  let node = data;
  for (const key of path.slice(0, -1)) {
    const inner = node[key];
    node[key] = isRecord(inner) ? { ...inner } : {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
