/** `npm run plan-base`: the command is in `commands/plan-base.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/plan-base.ts');
