/**
 * The synchronous file work on contact files, done on the main thread for a small folder or by a
 * worker (contacts-worker.ts) for a share of a large one: read and parse files, turn new contacts
 * into YAML, write files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { parseYamlSource } from '../../core/content/index.ts';
import type { ExistingContact } from '../../core/import/index.ts';
import { LAZY_PARSERS } from './parsers-fs.ts';

export const YAML_FILE = /^(.+)\.ya?ml$/;

/**
 * New contact files to write in `dir`: their ids, and their texts one after another, each ending
 * where `ends` says (one string crosses to a worker faster than many); `replace` for files this
 * import wrote before.
 */
export type WriteBatch = { dir: string; ids: string[]; texts: string; ends: number[]; replace: boolean };

/** What a worker is started to do: read these files of `dir`, or write the batches it is sent. */
export type ContactsWork = { kind: 'read'; dir: string; names: string[] } | { kind: 'write' };

/**
 * The files `names` of the folder `dir`, read and parsed one after another: on two cores, a
 * promise and a buffer for each of 100,000 files at once cost more than the reads themselves.
 */
export function readContactFilesNow(dir: string, names: readonly string[]): ExistingContact[] {
  return names.map((name) => {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    return { id: YAML_FILE.exec(name)![1], file, data: parseYamlSource(text.replace(/^\uFEFF/, ''), LAZY_PARSERS).data };
  });
}

/**
 * A new contact file's text. js-yaml writes plain data about three times as fast as the `yaml`
 * package, and reads back what it wrote with the schema `parseYamlSource` reads with (YAML 1.2
 * core: a date stays text).
 */
export function contactText(data: Record<string, unknown>): string {
  return jsyaml.dump(data, { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });
}

/**
 * Writes each text to its file, never replacing a file that exists unless the batch says to.
 * Creating a file holds its folder's lock, so files made at once in one folder only wait on each
 * other: one after another is the fastest way.
 */
export function writeTexts({ dir, ids, texts, ends, replace }: WriteBatch): void {
  const flag = replace ? 'w' : 'wx';
  for (const [i, id] of ids.entries()) writeFileSync(path.join(dir, `${id}.yaml`), texts.slice(ends[i - 1] ?? 0, ends[i]), { flag });
}
