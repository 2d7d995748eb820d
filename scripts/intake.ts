/** `npm run intake`: the command is in `commands/intake.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/intake.ts');
