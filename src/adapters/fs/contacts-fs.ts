/**
 * Contact files on disk for the import and intake commands: read them as they are (valid or not),
 * write new ones, and change existing ones through the `yaml` package's Document API so the
 * owner's comments, key order and quoting survive an edit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { parseYamlSource } from '../../core/content/index.ts';
import type { ContactChange, ExistingContact } from '../../core/import/index.ts';
import { contactKeyRank } from '../../core/model/index.ts';
import { UsageError } from '../cli/index.ts';

const YAML_FILE = /^(.+)\.ya?ml$/;

/** Every contact file in `contentDir/contacts/`, with its parsed data (undefined when unreadable). */
export async function readContactFiles(contentDir: string): Promise<ExistingContact[]> {
  const dir = path.join(contentDir, 'contacts');
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR')
      throw new UsageError(`${dir} is a file, where the folder contacts/ belongs: make it a folder of contact files`);
    throw error;
  });
  // Ordinary files only: a link is never followed (it could point outside the content folder),
  // and a folder by a file's name is not read; `npm run check` reports both.
  const files = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && YAML_FILE.test(e.name))
    .map((e) => e.name)
    .sort();
  // One synchronous read after another, as readContent does: a promise and a buffer for each of
  // 100,000 files at once cost more in garbage collection than the reads themselves.
  return files.map((name) => {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    return { id: YAML_FILE.exec(name)![1], file, data: parseYamlSource(text.replace(/^\uFEFF/, '')).data };
  });
}

/** The path of a new contact's file. */
function contactFile(contentDir: string, id: string): string {
  return path.join(contentDir, 'contacts', `${id}.yaml`);
}

/**
 * A new contact file's text. js-yaml writes plain data about three times as fast as the `yaml`
 * package, and reads back what it wrote with the schema `parseYamlSource` reads with (YAML 1.2
 * core: a date stays text).
 */
function contactText(data: Record<string, unknown>): string {
  return jsyaml.dump(data, { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });
}

/** Writes new contact files, one after another; never replaces a file that exists. Returns their paths. */
export async function createContactFiles(
  contentDir: string,
  contacts: readonly { id: string; data: Record<string, unknown> }[],
): Promise<string[]> {
  if (!contacts.length) return [];
  await mkdir(path.join(contentDir, 'contacts'), { recursive: true });
  const files = contacts.map((c) => contactFile(contentDir, c.id));
  // Creating a file holds its folder's lock, so files made at once in one folder wait on each
  // other: synchronous writes in turn are faster than promises on the thread pool.
  for (const [i, c] of contacts.entries()) writeFileSync(files[i], contactText(c.data), { flag: 'wx' });
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
  const next = applyChanges(text, changes);
  if (next !== text) await writeFile(file, next);
}

/** The text of a YAML contact file after `changes`. New top-level keys go where the schema lists them. */
function applyChanges(text: string, changes: readonly ContactChange[]): string {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  for (const change of changes) {
    const node = doc.getIn(change.path, true);
    if (change.append && isSeq(node)) node.add(doc.createNode(change.value));
    else if (isScalar(node) && (typeof change.value !== 'object' || change.value === null)) {
      node.value = change.value;
      // Keep the node's style unless the new text needs lines of its own.
      if (typeof change.value === 'string' && change.value.includes('\n')) node.type = 'BLOCK_LITERAL';
    } else if (change.path.length > 1 && doc.hasIn(change.path.slice(0, -1))) doc.setIn(change.path, change.value);
    else insertTopLevel(doc, change.path, change.append ? [change.value] : change.value);
  }
  return doc.toString({ lineWidth: 0 });
}

function insertTopLevel(doc: Document, keyPath: readonly string[], value: unknown): void {
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
