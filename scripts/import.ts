/** `npm run import`: the command is in `commands/import.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/import.ts');
