/** `npm run report`: the command is in `commands/report.ts`, loaded once the compile cache is on. */
import { useCompileCache } from './lib/compile-cache.ts';

useCompileCache();
await import('./commands/report.ts');
