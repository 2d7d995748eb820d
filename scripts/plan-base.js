/** `npm run plan-base`: the command is in `commands/plan-base.ts`, loaded once the compile cache is on (see `lib/compile-cache.js`). */
import { useCompileCache } from './lib/compile-cache.js';

useCompileCache();
await import('./commands/plan-base.ts');
