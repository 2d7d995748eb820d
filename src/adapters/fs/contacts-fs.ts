/**
 * Contact files on disk for the import and intake commands: read them as they are (valid or not),
 * write new ones, and change existing ones through the `yaml` package's Document API so the
 * owner's comments, key order and quoting survive an edit.
 */
import { type Dirent, mkdirSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Document, YAMLMap } from 'yaml';
import type { ContactChange, ExistingContact, ImportHints, NewContact } from '../../core/import/index.ts';
import { contactKeyRank } from '../../core/model/index.ts';
import { UsageError } from '../cli/index.ts';
import { type ContactsWork, contactText, readContactFilesNow, type WriteBatch, writeTexts, YAML_FILE } from './contact-files.ts';

// From this many files, reading and writing them is shared with worker threads: on two cores a
// 100,000-row import then reads or writes files on one core while the other reads the export,
// plans and writes YAML. Below it, starting a worker costs more than it saves.
const SHARE_FROM = 2000;
const WORKER = new URL('./contacts-worker.ts', import.meta.url);
// New files sent to the writer at a time.
const WRITE_BATCH = 1000;

/** The `yaml` package, loaded by the first write: commands that only read never need it. */
const loadYaml = () => import('yaml');
type Yaml = Awaited<ReturnType<typeof loadYaml>>;

/**
 * What settings.yaml says about reading exports (time zone, date order, code page), as far as it
 * can be read: an import works beside settings with problems, or none.
 */
export async function readImportHints(contentDir: string): Promise<ImportHints> {
  const text = await readFile(path.join(contentDir, 'settings.yaml'), 'utf8').catch(() => '');
  // Loaded here: the import's detectors and readers, and the YAML parser that places problems,
  // are no weight for the commands that only read contacts.
  const [{ importHints }, { parseYamlSource }, { CONTENT_PARSERS }] = await Promise.all([
    import('../../core/import/index.ts'),
    import('../../core/content/index.ts'),
    import('../../core/parsers/index.ts'),
  ]);
  return importHints(parseYamlSource(text, CONTENT_PARSERS).data);
}

/**
 * Every contact file in `contentDir/contacts/`, with its parsed data (undefined when unreadable).
 * A large folder is read by workers that start before this returns: the caller may go on with
 * other work (reading the export) and await the contacts when it needs them.
 */
export async function readContactFiles(contentDir: string): Promise<ExistingContact[]> {
  return openContactFiles(contentDir).contacts;
}

/** The contact files as readContactFiles reads them, and how many there are, known at once. */
export function openContactFiles(contentDir: string): { size: number; contacts: Promise<ExistingContact[]> } {
  const dir = path.join(contentDir, 'contacts');
  const names = contactFileNames(dir);
  if (names.length < SHARE_FROM) return { size: names.length, contacts: Promise.resolve().then(() => readContactFilesNow(dir, names)) };
  const threads = Math.min(availableParallelism(), 4);
  const size = Math.ceil(names.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => names.slice(i * size, (i + 1) * size));
  const parts = Promise.all(shares.map((share) => inWorker<ExistingContact[]>({ kind: 'read', dir, names: share }).done));
  return { size: names.length, contacts: parts.then((p) => p.flat()) };
}

/** The contact files of `dir`, sorted; none when the folder is missing. */
function contactFileNames(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new UsageError(`${dir} is a file, where the folder contacts/ belongs: make it a folder of contact files`);
    throw error;
  }
  // Ordinary files only: a link is never followed (it could point outside the content folder),
  // and a folder by a file's name is not read; `npm run check` reports both.
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && YAML_FILE.test(e.name))
    .map((e) => e.name)
    .sort();
}

/**
 * A worker started on `work`: `done` settles with its one answer, or fails with its error.
 * `node:worker_threads` is loaded here, by the first large folder: every command reads contacts
 * through this module, and most never start a worker.
 */
function inWorker<T>(work: ContactsWork): { worker: Worker; done: Promise<T> } {
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const worker = new Worker(WORKER, { workerData: work });
  const done = new Promise<T>((resolve, reject) => {
    worker.once('message', (answer: T | { error: string }) => {
      if (answer && typeof answer === 'object' && 'error' in answer) reject(new Error(answer.error));
      else resolve(answer as T);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the contact files worker stopped (exit code ${code}) before it answered`)));
  });
  return { worker, done };
}

/**
 * New contact files, written as an import plan hands them out (see `startImport`), so a large
 * export's files are written while the rest of it is still being read.
 */
export type NewContactFiles = {
  /** Writes these new contacts' files, never replacing a file that exists. */
  write(contacts: readonly NewContact[]): void;
  /** Writes `rewrite` over the files this writer wrote for them (a later row changed them), and waits for every file to be written. */
  finish(rewrite: readonly NewContact[]): Promise<void>;
};

/**
 * A writer of new contact files for an export of about `size` rows. From SHARE_FROM rows a worker
 * writes the files while this thread reads on and turns the next contacts into YAML; below, it
 * costs more to start than it saves, and files are written here.
 */
export function newContactFiles(contentDir: string, size: number): NewContactFiles {
  const writer = size >= SHARE_FROM ? inWorker<{ done: true }>({ kind: 'write' }) : undefined;
  // A failure is reported by `finish`, not as an unhandled rejection while this thread reads on.
  writer?.done.catch(() => {});
  let made = false;
  const send = (contacts: readonly NewContact[], replace: boolean) => {
    if (!contacts.length) return;
    if (!made) mkdirSync(path.join(contentDir, 'contacts'), { recursive: true });
    made = true;
    let texts = '';
    const ends = contacts.map((c) => (texts += contactText(c.data)).length);
    const batch: WriteBatch = { dir: path.join(contentDir, 'contacts'), ids: contacts.map((c) => c.id), texts, ends, replace };
    if (writer) writer.worker.postMessage(batch);
    else writeTexts(batch);
  };
  return {
    write: (contacts) => {
      for (let at = 0; at < contacts.length; at += WRITE_BATCH) send(contacts.slice(at, at + WRITE_BATCH), false);
    },
    finish: async (rewrite) => {
      send(rewrite, true);
      if (writer) {
        writer.worker.postMessage(null);
        await writer.done;
      }
    },
  };
}

// Files changed at once: each is read, edited and written back.
const WRITES_AT_ONCE = 32;

/** Applies each file's changes (see changeContactFile), several files at a time. */
export async function changeContactFiles(updates: readonly { file: string; changes: readonly ContactChange[] }[]): Promise<void> {
  await inTurn(updates, (u) => changeContactFile(u.file, u.changes));
}

async function inTurn<T>(items: readonly T[], write: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await write(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_AT_ONCE, items.length) }, worker));
}

/** Applies changes to a contact file in place, keeping everything else byte for byte where it can. */
export async function changeContactFile(file: string, changes: readonly ContactChange[]): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = applyChanges(await loadYaml(), text, changes);
  if (next !== text) await writeFile(file, next);
}

/** The text of a YAML contact file after `changes`. New top-level keys go where the schema lists them. */
function applyChanges(yaml: Yaml, text: string, changes: readonly ContactChange[]): string {
  const { isMap, isScalar, isSeq } = yaml;
  const doc = yaml.parseDocument(text);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  for (const change of changes) {
    const node = doc.getIn(change.path, true);
    if (change.append && isSeq(node)) node.add(doc.createNode(change.value));
    else if (isScalar(node) && (typeof change.value !== 'object' || change.value === null)) {
      node.value = change.value;
      // Keep the node's style unless the new text needs lines of its own.
      if (typeof change.value === 'string' && change.value.includes('\n')) node.type = 'BLOCK_LITERAL';
    } else if (change.path.length > 1 && doc.hasIn(change.path.slice(0, -1))) doc.setIn(change.path, change.value);
    else insertTopLevel(yaml, doc, change.path, change.append ? [change.value] : change.value);
  }
  // Flow lists as the owner wrote them: `[a, b]` stays so, unless the file pads them (`[ a, b ]`).
  return doc.toString({ lineWidth: 0, flowCollectionPadding: /[[{] [^\s\]}]/.test(text) });
}

function insertTopLevel({ isScalar }: Yaml, doc: Document, keyPath: readonly string[], value: unknown): void {
  const map = doc.contents as YAMLMap;
  const [key, ...rest] = keyPath;
  const existing = map.get(key, true);
  if (existing !== undefined) {
    doc.setIn(keyPath, value);
    return;
  }
  const nested = rest.reduceRight<unknown>((inner, k) => ({ [k]: inner }), value);
  const at = map.items.findIndex((pair) => contactKeyRank(String(isScalar(pair.key) ? pair.key.value : pair.key)) > contactKeyRank(key));
  const pair = doc.createPair(key, nested);
  if (at < 0) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}
