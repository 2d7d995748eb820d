import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Thrown for a bad command line: printed as a usage line, never with a stack. */
export class UsageError extends Error {}

/** `node:util` parseArgs with `--content DIR` on every command, and usage errors as UsageError. */
export function parseCommandArgs<T extends ParseArgsOptionsConfig>(argv: string[], options: T) {
  try {
    return parseArgs({
      args: argv,
      options: { content: { type: 'string', default: 'content' }, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
