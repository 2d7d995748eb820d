/** `node scripts/check-site.js`, run by `npm run build`: the command is in `commands/check-site.ts`, loaded once the compile cache is on (see `lib/compile-cache.js`). */
import { useCompileCache } from './lib/compile-cache.js';

useCompileCache();
await import('./commands/check-site.ts');
