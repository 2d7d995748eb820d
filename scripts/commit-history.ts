/** `npm run commit-history`: the command is in `commands/commit-history.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/commit-history.ts');
