/** `npm run from-issue`: the command is in `commands/from-issue.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/from-issue.ts');
