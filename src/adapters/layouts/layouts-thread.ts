/**
 * The layouts compiled on a worker thread: the daily job starts it first, so loading MJML and
 * compiling take the other core while the main thread reads and checks the content and plans.
 */
import { Worker } from 'node:worker_threads';
import type { Brand, compileLayouts } from './layouts-fs.ts';

export type LayoutCompiler = {
  /** The compiled layouts for these colours; called once. */
  compile(colours: Brand, options?: { emailsDir?: string }): ReturnType<typeof compileLayouts>;
  /** Stops the thread when the run ends without compiling. */
  close(): Promise<void>;
};

export function startLayoutCompiler(): LayoutCompiler {
  const worker = new Worker(new URL('./compile-worker.ts', import.meta.url));
  // Never what keeps a finished run alive.
  worker.unref();
  const answer = new Promise<Awaited<ReturnType<typeof compileLayouts>>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the layout compiler stopped (exit ${code}) before answering`)));
  });
  answer.catch(() => {});
  return {
    async compile(colours, options = {}) {
      worker.postMessage({ colours, ...options });
      try {
        return await answer;
      } finally {
        await worker.terminate();
      }
    },
    async close() {
      await worker.terminate();
    },
  };
}
