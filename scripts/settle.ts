/** `npm run settle`: the command is in `commands/settle.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/settle.ts');
