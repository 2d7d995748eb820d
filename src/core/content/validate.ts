import type { z } from 'zod';
import { formatField, problem, sortProblems, type Problem } from '../problems/index.ts';
import { parseFile, sourceAgain, type SourceFile } from './parse-file.ts';
import { placeholderWarnings } from './placeholders.ts';
import { checkAcrossFiles, checkEventContacts, checkPhotos, type NotAFile, type ValidateOptions } from './cross-checks.ts';
import { readHistory } from './read-history.ts';
import type { ContentParsers, YamlSource } from './source.ts';
import {
  ContactSchema,
  EventSchema,
  IdSchema,
  NewsletterSchema,
  PlanSchema,
  ReferralSchema,
  ResultSchema,
  SettingsSchema,
  TestimonialSchema,
  PHOTO_FILE,
  SITE_IMAGES,
  emptyContent,
  siteImageName,
  type Content,
} from '../model/index.ts';

export type { SourceFile };

/** Dot files and folders (.gitkeep, .DS_Store, .obsidian/) are never content. */
export function isHiddenPath(relative: string): boolean {
  // A part starts with a dot when the path does or a dot follows a separator.
  return relative.startsWith('.') || relative.includes('/.');
}

/** Names that are read as files: a folder by such a name is in the wrong place. */
const FILE_NAME = /\.(ya?ml|mdx?|jsonl)$/i;

/** What an entry that is not a readable file means, if anything: a folder is usually fine. */
function notAFileProblem(entry: NotAFile): Problem | undefined {
  switch (entry.kind) {
    case 'folder':
      return FILE_NAME.test(entry.path) ? problem('FolderNotFile', entry.path, WHOLE, '', 'is a folder, where a file belongs') : undefined;
    case 'link':
      return problem('SymbolicLink', entry.path, WHOLE, '', 'is a symbolic link, which is not followed: it was not read');
    case 'special':
      return problem('UnexpectedFile', entry.path, WHOLE, '', 'is not an ordinary file (a device, socket or pipe)');
    case 'too-large': {
      const size = `${((entry.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB`;
      return problem('FileTooLarge', entry.path, START, '', `is ${size}; content files may be at most 1 MB`);
    }
    case 'image':
      return undefined;
    case 'unreadable':
      return problem('UnreadableFile', entry.path, WHOLE, '', `could not be read${entry.detail ? ` (${entry.detail})` : ''}`);
  }
}

/** The folders of a content directory and the form of their files. */
const COLLECTIONS = {
  contacts: { schema: ContactSchema, format: 'yaml' },
  plans: { schema: PlanSchema, format: 'yaml' },
  newsletters: { schema: NewsletterSchema, format: 'mdx' },
  results: { schema: ResultSchema, format: 'mdx' },
  referrals: { schema: ReferralSchema, format: 'yaml' },
  testimonials: { schema: TestimonialSchema, format: 'mdx' },
  events: { schema: EventSchema, format: 'yaml' },
} as const;
type CollectionName = keyof typeof COLLECTIONS;

const EXTENSIONS = { yaml: ['.yaml', '.yml'], mdx: ['.mdx', '.md'] } as const;
/** From this many files on, zod compiles its parsers: below it, compiling costs more than it saves. */
const COMPILED_FROM_FILES = 2_000;
const START = { line: 1, column: 1 };
/** The place of a problem with a whole file or folder, not a line in it. */
const WHOLE = { line: 0, column: 0 };

/**
 * Validates a content folder's files, given with paths relative to the folder. Pure: the files
 * come in as text. Every problem is collected; whatever is valid is kept.
 */
export function validateContent(
  files: readonly SourceFile[],
  options: ValidateOptions,
): { content: Content; problems: Problem[]; warnings: Problem[] } {
  const content = emptyContent();
  const problems: Problem[] = [];
  const seen = new Map<CollectionName, Map<string, string>>();
  // Positions are looked up only for the rare problems found across files: the files that had
  // them are kept, and one is parsed again for its positions when a problem names it.
  const located: SourceFile[] = [];
  let byPath: Map<string, SourceFile> | undefined;
  const sources = new Map<string, YamlSource>();
  const sourceOf = (path: string): YamlSource | undefined => {
    let source = sources.get(path);
    if (!source) {
      const file = (byPath ??= new Map(located.map((f) => [f.path, f]))).get(path);
      if (!file) return undefined;
      sources.set(path, (source = sourceAgain(file, COLLECTIONS[file.path.split('/')[0] as CollectionName].format, options.parsers)));
    }
    return source;
  };
  const check = { jitless: files.length < COMPILED_FROM_FILES };
  let settingsFile: string | undefined;
  // Image files under testimonials/, for the photos the testimonials name.
  const photos = new Set<string>();
  for (const entry of options.notFiles ?? []) {
    if (isHiddenPath(entry.path)) continue;
    // A photo over 1 MB is an image, not a record that grew too large.
    if (entry.kind === 'too-large' && entry.path.startsWith('testimonials/') && PHOTO_FILE.test(entry.path)) {
      photos.add(entry.path);
      continue;
    }
    const found = notAFileProblem(entry);
    if (found) problems.push(found);
    // A folder or link called settings.yaml is reported as such, not as missing settings.
    if (/^settings\.ya?ml$/.test(entry.path)) settingsFile = entry.path;
  }

  // By code unit, as the paths of valid ids (a-z, 0-9, - . /) sort in any locale: localeCompare's
  // collator would cost some 10 ms to set up on every start.
  for (const file of files.toSorted((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (isHiddenPath(file.path)) continue;
    const [folder, ...rest] = file.path.split('/');
    if (rest.length === 0 && /^settings\.ya?ml$/.test(folder)) {
      settingsFile = file.path;
      const parsed = parseFile(file, SettingsSchema, 'yaml', options.parsers, check);
      problems.push(...parsed.problems);
      content.settings = parsed.data;
      continue;
    }
    if (folder === 'history' && file.path.endsWith('.jsonl')) {
      const read = readHistory(file, check);
      content.history.push(...read.entries);
      problems.push(...read.problems);
      continue;
    }
    if (rest.length === 0 && (folder in COLLECTIONS || folder === 'history')) {
      problems.push(problem('FileNotFolder', file.path, WHOLE, '', `is a file, where the folder ${folder}/ belongs`));
      continue;
    }
    if (!(folder in COLLECTIONS) || rest.length === 0) {
      if (rest.length === 0 && /^readme\.md$/i.test(folder)) continue;
      problems.push(problem('UnexpectedFile', file.path, START, '', 'is not part of any content kind'));
      continue;
    }
    const name = folder as CollectionName;
    const { schema, format } = COLLECTIONS[name];
    const base = rest.at(-1) ?? '';
    if (name === 'testimonials' && PHOTO_FILE.test(base)) {
      photos.add(file.path);
      continue;
    }
    const ext = EXTENSIONS[format].find((e) => base.endsWith(e));
    if (!ext) {
      problems.push(problem('UnexpectedFile', file.path, START, '', `is not a ${EXTENSIONS[format].join(' or ')} file`));
      continue;
    }
    const id = base.slice(0, -ext.length);
    if (!IdSchema.safeParse(id).success) {
      problems.push(problem('InvalidId', file.path, START, '', `"${id}" cannot be an id`));
      continue;
    }
    let ids = seen.get(name);
    if (!ids) seen.set(name, (ids = new Map()));
    const earlier = ids.get(id);
    if (earlier) {
      problems.push(problem('DuplicateId', file.path, START, '', `has the same id "${id}" as ${earlier}`));
      continue;
    }
    ids.set(id, file.path);
    const parsed = parseFile(file, schema as z.ZodType, format, options.parsers, check);
    problems.push(...parsed.problems);
    if (parsed.source) located.push(file);
    if (parsed.data === undefined) continue;
    const entry =
      format === 'mdx' ? { id, file: file.path, data: parsed.data, body: parsed.body ?? '' } : { id, file: file.path, data: parsed.data };
    (content[name] as unknown[]).push(entry);
  }

  if (!settingsFile) problems.push(problem('MissingSettings', 'settings.yaml', { line: 0, column: 0 }, '', 'is missing'));
  const warnings: Problem[] = [];
  if (settingsFile && content.settings) {
    const settings = files.find((f) => f.path === settingsFile);
    if (settings) {
      const images = (options.notFiles ?? []).filter((e) => e.kind === 'image').map((e) => e.path);
      problems.push(...photoProblems(content.settings, settings, images, options.parsers, options.siteImages));
      warnings.push(...placeholderWarnings(content.settings, settings, options.parsers));
    }
  }
  const checked = checkAcrossFiles(content, options, sourceOf);
  const events = checkEventContacts(checked.content, sourceOf);
  const testimonialPhotos = checkPhotos(checked.content, photos, sourceOf, options.siteImages);
  return {
    content: { ...checked.content, events: events.events },
    problems: sortProblems([...problems, ...checked.problems, ...events.problems, ...testimonialPhotos]),
    warnings,
  };
}

/** True for a photo in the content folder's `images/`, which the site reads and the scripts list unread. */
export function isContentImage(relative: string): boolean {
  return /^images\/.+\.(?:jpe?g|png|webp|avif)$/i.test(relative);
}

/**
 * Each photo that settings name is one of `images` (paths in the content folder), or of
 * `siteImages` (names in the site's images folder) when written `/images/…`: the site cannot build
 * without it. `file` is settings.yaml, for the line of each problem.
 */
export function photoProblems(
  settings: NonNullable<Content['settings']>,
  file: SourceFile,
  images: readonly string[],
  parsers: ContentParsers,
  siteImages: readonly string[] = [],
): Problem[] {
  const found = new Set(images);
  const inSite = new Set(siteImages);
  const named: [(string | number)[], string | undefined][] = [
    [['business', 'office', 'photo'], settings.business.office?.photo],
    ...settings.business.people.map((p, i): [(string | number)[], string | undefined] => [['business', 'people', i, 'photo'], p.photo]),
  ];
  let source: YamlSource | undefined;
  return named.flatMap(([path, photo]) => {
    if (photo === undefined) return [];
    const name = siteImageName(photo);
    if (name === undefined ? found.has(photo) : inSite.has(name)) return [];
    source ??= sourceAgain(file, 'yaml', parsers);
    const [code, folder] = name === undefined ? (['MissingPhoto', 'images'] as const) : (['MissingSiteImage', SITE_IMAGES.folder] as const);
    return [problem(code, file.path, source.locate(path), formatField(path), `names ${photo}, which is not an image in ${folder}/`)];
  });
}
