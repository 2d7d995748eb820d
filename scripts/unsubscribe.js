/** `npm run unsubscribe`: the command is in `commands/unsubscribe.ts`, loaded once the compile cache is on (see `lib/compile-cache.js`). */
import { useCompileCache } from './lib/compile-cache.js';

useCompileCache();
await import('./commands/unsubscribe.ts');
