/**
 * The thread `layouts-thread.ts` starts: it loads MJML at once, while the main thread reads the
 * content, then compiles the layouts for the brand colours it is sent and posts them back.
 */
import { parentPort } from 'node:worker_threads';
import { compileLayouts, loadCompiler, type Brand } from './layouts-fs.ts';

// Loading MJML is most of the cost: it starts before the colours are known.
const loading = loadCompiler();
parentPort?.once('message', async ({ colours, emailsDir }: { colours: Brand; emailsDir?: string }) => {
  await loading;
  parentPort?.postMessage(await compileLayouts({ business: { colours } }, emailsDir ? { emailsDir } : {}));
});
