/**
 * Reading content: files parsed with their positions, zod issues turned into problems, checks
 * across files, and `validateContent`.
 */
export type { NotAFile } from './cross-checks.ts';
export { MAX_FILE_BYTES, parseFile, type SourceFile } from './parse-file.ts';
export { readHistory } from './read-history.ts';
export { parseYamlSource, type ContentParsers, type PositionedYaml } from './source.ts';
export { summarizeContent } from './summary.ts';
export { contentWarnings } from './warnings.ts';
export { isContentImage, isHiddenPath, photoProblems, validateContent } from './validate.ts';
