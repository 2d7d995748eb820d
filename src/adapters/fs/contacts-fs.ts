/**
 * Contact files on disk for the import and intake commands: read them as they are (valid or not),
 * write new ones, and change existing ones through the `yaml` package's Document API so the
 * owner's comments, key order and quoting survive an edit.
 */
import { type Dirent, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Document, YAMLMap } from 'yaml';
import type { ContactChange, ExistingContact } from '../../core/import/index.ts';
import { contactKeyRank } from '../../core/model/index.ts';
import { UsageError } from '../cli/index.ts';
import { type ContactsWork, contactText, readContactFilesNow, type WriteBatch, writeTexts, YAML_FILE } from './contact-files.ts';

// From this many files, reading and writing them is shared with worker threads: on two cores a
// 100,000-row import then reads or writes files on one core while the other reads the export or
// writes YAML. Below it, starting a worker costs more than it saves.
const SHARE_FROM = 2000;
const WORKER = new URL('./contacts-worker.ts', import.meta.url);
// New files sent to the writer at a time.
const WRITE_BATCH = 1000;

/** The `yaml` package, loaded by the first write: commands that only read never need it. */
const loadYaml = () => import('yaml');
type Yaml = Awaited<ReturnType<typeof loadYaml>>;

/**
 * Every contact file in `contentDir/contacts/`, with its parsed data (undefined when unreadable).
 * A large folder is read by workers that start before this returns: the caller may go on with
 * other work (reading the export) and await the contacts when it needs them.
 */
export async function readContactFiles(contentDir: string): Promise<ExistingContact[]> {
  const dir = path.join(contentDir, 'contacts');
  const names = contactFileNames(dir);
  if (names.length < SHARE_FROM) return readContactFilesNow(dir, names);
  const threads = Math.min(availableParallelism(), 4);
  const size = Math.ceil(names.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => names.slice(i * size, (i + 1) * size));
  const parts = await Promise.all(
    shares.map(async (share) => (await inWorker<ExistingContact[]>({ kind: 'read', dir, names: share })).done),
  );
  return parts.flat();
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
async function inWorker<T>(work: ContactsWork): Promise<{ worker: Worker; done: Promise<T> }> {
  const { Worker } = await import('node:worker_threads');
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

/** The path of a new contact's file. */
function contactFile(contentDir: string, id: string): string {
  return path.join(contentDir, 'contacts', `${id}.yaml`);
}

/**
 * Writes new contact files, never replacing a file that exists; returns their paths. Many are
 * written by a worker while this thread turns the next ones into YAML.
 */
export async function createContactFiles(
  contentDir: string,
  contacts: readonly { id: string; data: Record<string, unknown> }[],
): Promise<string[]> {
  if (!contacts.length) return [];
  await mkdir(path.join(contentDir, 'contacts'), { recursive: true });
  const files = contacts.map((c) => contactFile(contentDir, c.id));
  const texts = (from: number, to: number) => contacts.slice(from, to).map((c) => contactText(c.data));
  if (contacts.length < SHARE_FROM) {
    writeTexts({ files, texts: texts(0, files.length) });
    return files;
  }
  const writer = await inWorker<{ done: true }>({ kind: 'write' });
  for (let at = 0; at < files.length; at += WRITE_BATCH) {
    const batch: WriteBatch = { files: files.slice(at, at + WRITE_BATCH), texts: texts(at, at + WRITE_BATCH) };
    writer.worker.postMessage(batch);
  }
  writer.worker.postMessage(null);
  await writer.done;
  return files;
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
  return doc.toString({ lineWidth: 0 });
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
