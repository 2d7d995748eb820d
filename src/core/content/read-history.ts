import { formatField, problem, type Problem } from '../problems/index.ts';
import type { CheckOptions, SourceFile } from './parse-file.ts';
import { HistoryEntrySchema, type HistoryEntry } from '../model/index.ts';

/** Reads one `history/<yyyy-mm>.jsonl` file: one JSON object a line; a bad line is reported and skipped. */
export function readHistory(file: SourceFile, check: CheckOptions = {}): { entries: HistoryEntry[]; problems: Problem[] } {
  const entries: HistoryEntry[] = [];
  const problems: Problem[] = [];
  const lines = file.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((text, index) => {
    if (!text.trim()) return;
    const at = { line: index + 1, column: 1 };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.push(problem('MalformedJson', file.path, at, '', `line is not JSON (${(error as Error).message})`));
      return;
    }
    const result = HistoryEntrySchema.safeParse(value, { jitless: check.jitless });
    if (result.success) {
      entries.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const field = formatField(issue.path.filter((p) => typeof p !== 'symbol'));
      problems.push(problem('Invalid', file.path, at, field, issue.message));
    }
  });
  return { entries, problems };
}
