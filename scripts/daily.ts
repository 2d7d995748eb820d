/** `npm run daily` and `npm start`: the command is in `commands/daily.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/daily.ts');
