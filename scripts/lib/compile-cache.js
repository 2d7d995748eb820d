/**
 * Node's module compile cache: each module's compiled code, and for `.ts` files the code left once
 * the types are stripped, is kept on disk (in the OS temp folder, or where NODE_COMPILE_CACHE
 * says), so a command started again skips both. It is only an optimisation: when the folder cannot
 * be written, or NODE_DISABLE_COMPILE_CACHE is set, the command runs the same, compiling afresh.
 *
 * It applies to modules loaded after it is enabled, so each command starts from `scripts/<command>.js`,
 * which enables it and then imports the command from `scripts/commands/`. The entry and this file
 * are plain JavaScript on purpose: the first `.ts` file Node loads without the cache makes it load
 * its TypeScript stripper (a WebAssembly module), about 0.1 s on every start; with everything after
 * the cache is on found in the cache, the stripper is never loaded.
 *
 * Worker threads do not share the main thread's cache: each reads NODE_COMPILE_CACHE as it starts.
 * Setting it here lets the daily job's threads (MJML's compiler, the build pool) load from the cache
 * too, where loading MJML's hundreds of CommonJS files afresh took its thread seconds on a busy machine.
 */
import { enableCompileCache } from 'node:module';

export function useCompileCache() {
  const { directory } = enableCompileCache();
  if (directory && !process.env.NODE_COMPILE_CACHE) process.env.NODE_COMPILE_CACHE = directory;
}
