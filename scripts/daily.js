/**
 * `npm run daily` and `npm start`: the command is in `commands/daily.ts`, loaded once the compile cache is on (see
 * `lib/compile-cache.js`) and the layout thread has started.
 */
import { useCompileCache } from './lib/compile-cache.js';

useCompileCache();
// MJML's thread starts before the command's modules load: loading MJML is the longest step before the first email.
(await import('../src/adapters/layouts/index.ts')).startLayoutCompilerEarly();
await import('./commands/daily.ts');
