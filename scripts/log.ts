/** `npm run log`: the command is in `commands/log.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/log.ts');
