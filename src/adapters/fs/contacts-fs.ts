/**
 * Contact files on disk for the import and intake commands: read them as they are (valid or not),
 * write new ones, and change existing ones through the `yaml` package's Document API so the
 * owner's comments, key order and quoting survive an edit.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document, YAMLMap } from 'yaml';
import { parseYamlSource } from '../../core/content/index.ts';
import type { ContactChange, ExistingContact } from '../../core/import/index.ts';
import { contactKeyRank } from '../../core/model/index.ts';
import { UsageError } from '../cli/index.ts';
import { LAZY_PARSERS } from './parsers-fs.ts';

const YAML_FILE = /^(.+)\.ya?ml$/;

/** The `yaml` package, loaded by the first write: commands that only read never need it. */
const loadYaml = () => import('yaml');
type Yaml = Awaited<ReturnType<typeof loadYaml>>;

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
  return Promise.all(
    files.map(async (name) => {
      const file = path.join(dir, name);
      const text = await readFile(file, 'utf8');
      return { id: YAML_FILE.exec(name)![1], file, data: parseYamlSource(text.replace(/^\uFEFF/, ''), LAZY_PARSERS).data };
    }),
  );
}

/** The path of a new contact's file. */
function contactFile(contentDir: string, id: string): string {
  return path.join(contentDir, 'contacts', `${id}.yaml`);
}

// Files written at once: an import of 100,000 rows waits on the disk, not on each file in turn.
const WRITES_AT_ONCE = 32;

/** Writes new contact files, several at a time; never replaces a file that exists. Returns their paths. */
export async function createContactFiles(
  contentDir: string,
  contacts: readonly { id: string; data: Record<string, unknown> }[],
): Promise<string[]> {
  if (!contacts.length) return [];
  await mkdir(path.join(contentDir, 'contacts'), { recursive: true });
  const files = contacts.map((c) => contactFile(contentDir, c.id));
  const { stringify } = await loadYaml();
  await inTurn(contacts, (c, i) => writeFile(files[i], stringify(c.data, { lineWidth: 0 }), { flag: 'wx' }));
  return files;
}

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
