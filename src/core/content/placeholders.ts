/**
 * The sample's placeholders left in settings that are no longer the sample's. The sample marks
 * each stand-in value it cannot make up (a membership number, a page on another site) with
 * `SAMPLE-`; once the owner gives the settings a real sender or site address, every such value
 * left would be published or sent as it is, so `check` points each one out.
 */
import type { Settings } from '../model/index.ts';
import { formatField, problem, type Problem } from '../problems/index.ts';
import { sourceAgain, type SourceFile } from './parse-file.ts';
import type { ContentParsers } from './source.ts';

const PLACEHOLDER = 'SAMPLE-';

/** Names reserved for examples and tests (RFC 2606, RFC 6761): no one's real mail or site. */
function isExampleHost(host: string): boolean {
  return /(?:^|\.)(?:example|test|invalid|localhost)$/i.test(host) || /^example\.(?:com|net|org)$/i.test(host);
}

/** Whether the settings name a real sender or site: the owner has made them their own. */
function madeOwn(settings: Settings): boolean {
  const senderHost = settings.sender.email.slice(settings.sender.email.lastIndexOf('@') + 1);
  return !isExampleHost(senderHost) || !isExampleHost(new URL(settings.site.url).hostname);
}

/** Each text in `value`, with the path to it. */
function* texts(value: unknown, path: (string | number)[] = []): Generator<[(string | number)[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* texts(item, [...path, i]);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* texts(item, [...path, key]);
}

/** A warning for each `SAMPLE-` value in settings that are no longer the sample's; none for the sample. */
export function placeholderWarnings(settings: Settings, file: SourceFile, parsers: ContentParsers): Problem[] {
  if (!madeOwn(settings)) return [];
  const left = [...texts(settings)].filter(([, text]) => text.includes(PLACEHOLDER));
  if (!left.length) return [];
  const source = sourceAgain(file, 'yaml', parsers);
  return left
    .map(([path, text]) =>
      problem('SamplePlaceholder', file.path, source.locate(path), formatField(path), `${text} is the sample's placeholder, not yours`),
    )
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
