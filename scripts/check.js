/** `npm run check`: the command is in `commands/check.ts`, loaded once the compile cache is on (see `lib/compile-cache.js`). */
import { useCompileCache } from './lib/compile-cache.js';

useCompileCache();
await import('./commands/check.ts');
