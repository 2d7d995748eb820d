/** `npm run daily` and `npm start`: the command is in `commands/daily.ts`, loaded once the compile cache is on (see `lib/compile-cache.js`). */
import { useCompileCache } from './lib/compile-cache.js';

useCompileCache();
await import('./commands/daily.ts');
