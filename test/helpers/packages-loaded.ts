/**
 * Loaded with `node --import` before a command: when the command exits, prints (to stderr, one
 * line starting `PACKAGES `) every npm package it loaded, and every Node built-in it imported
 * (`node:worker_threads`), so a test can pin what each command loads. Resolution only: nothing is
 * changed.
 */
import { registerHooks } from 'node:module';

const loaded = new Set<string>();
registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(resolved.url)?.[1];
    if (name) loaded.add(name);
    else if (resolved.url.startsWith('node:')) loaded.add(resolved.url);
    return resolved;
  },
});
process.on('exit', () => process.stderr.write(`PACKAGES ${[...loaded].sort().join(' ')}\n`));
