/** `npm run commit-history`: the command is in `commands/commit-history.ts`, loaded once the compile cache is on (see `lib/compile-cache.js`). */
import { useCompileCache } from './lib/compile-cache.js';

useCompileCache();
await import('./commands/commit-history.ts');
