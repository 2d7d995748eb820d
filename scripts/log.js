/** `npm run log`: the command is in `commands/log.ts`, loaded once the compile cache is on (see `lib/compile-cache.js`). */
import { useCompileCache } from './lib/compile-cache.js';

useCompileCache();
await import('./commands/log.ts');
