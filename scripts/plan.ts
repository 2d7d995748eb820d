/** `npm run plan`: the command is in `commands/plan.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/plan.ts');
