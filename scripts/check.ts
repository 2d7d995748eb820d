/** `npm run check`: the command is in `commands/check.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/check.ts');
