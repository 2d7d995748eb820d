/** `npm run report`: the command is in `commands/report.ts`, loaded once the compile cache is on (see `lib/compile-cache.js`). */
import { useCompileCache } from './lib/compile-cache.js';

useCompileCache();
await import('./commands/report.ts');
