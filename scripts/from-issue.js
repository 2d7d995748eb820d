/** `npm run from-issue`: the command is in `commands/from-issue.ts`, loaded once the compile cache is on (see `lib/compile-cache.js`). */
import { useCompileCache } from './lib/compile-cache.js';

useCompileCache();
await import('./commands/from-issue.ts');
