/** `npm run preview`: the command is in `commands/preview.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/preview.ts');
