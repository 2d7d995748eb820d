/**
 * Node's module compile cache: each module's compiled code, and for `.ts` files the code left once
 * the types are stripped, is kept on disk (in the OS temp folder, or where NODE_COMPILE_CACHE
 * says), so a command started again skips both. It is only an optimisation: when the folder cannot
 * be written, or NODE_DISABLE_COMPILE_CACHE=1 is set, the command runs the same, compiling afresh.
 *
 * It applies to modules loaded after it is enabled, so each `scripts/<command>.ts` enables it and
 * then imports its command from `scripts/commands/`.
 */
import { enableCompileCache } from 'node:module';

export function useCompileCache(): void {
  enableCompileCache();
}
