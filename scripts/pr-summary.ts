/** `npm run pr-summary`: the command is in `commands/pr-summary.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/pr-summary.ts');
