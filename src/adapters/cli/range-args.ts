/** `--date D --days N` for the commands that look ahead (plan, preview), checked before any content is read. */
import type { ParseArgsOptionsConfig } from 'node:util';
import { isCalendarDate } from '../../core/model/index.ts';
import { parseCommandArgs, UsageError } from './args.ts';

/** The longest range a command plans at once: ten years. */
const MAX_DAYS = 3660;

/**
 * Parses the command line with `--date` and `--days` besides `options`. A bad line throws a
 * UsageError whose message ends with the command's usage line.
 */
export function parseRangeArgs<T extends ParseArgsOptionsConfig>(argv: string[], options: T, usage: string) {
  const fail = (message: string): never => {
    throw new UsageError(`${message}\nusage: ${usage}`);
  };
  const parse = () => {
    try {
      return parseCommandArgs(argv, { date: { type: 'string' }, days: { type: 'string', default: '1' }, ...options });
    } catch (error) {
      return fail((error as Error).message);
    }
  };
  const parsed = parse();
  const { date, days } = parsed.values as { date?: string; days: string };
  if (parsed.positionals.length) fail(`unexpected argument "${parsed.positionals[0]}"`);
  if (date !== undefined && !isCalendarDate(date)) fail(`--date ${date} is not a real date (write YYYY-MM-DD)`);
  const count = /^\d+$/.test(days) ? Number(days) : Number.NaN;
  if (!(count >= 1 && count <= MAX_DAYS)) fail(`--days ${days} is not a whole number of days from 1 to ${MAX_DAYS}`);
  return { values: parsed.values, date: date === undefined ? undefined : Temporal.PlainDate.from(date), days: count };
}
