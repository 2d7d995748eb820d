/** `npm run pr-summary`: the command is in `commands/pr-summary.ts`, loaded once the compile cache is on (see `lib/compile-cache.js`). */
import { useCompileCache } from './lib/compile-cache.js';

useCompileCache();
await import('./commands/pr-summary.ts');
