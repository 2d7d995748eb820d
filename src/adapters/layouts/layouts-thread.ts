/**
 * The layouts compiled on a worker thread: the daily job starts it first, so loading MJML and
 * compiling take the other core while the main thread reads and checks the content and plans.
 */
import { Worker } from 'node:worker_threads';
import { asContentProblems, problemsByLayout, type Brand, type compileLayouts } from './layouts-fs.ts';

export type LayoutCompiler = {
  /** The compiled layouts for these colours; called once. */
  compile(colours: Brand, options?: { emailsDir?: string }): ReturnType<typeof compileLayouts>;
  /** Stops the thread when the run ends without compiling. */
  close(): Promise<void>;
};

let early: LayoutCompiler | undefined;

/**
 * Starts the thread now and keeps it for the next `startLayoutCompiler()`: the daily job's entry
 * calls it before the command's own modules load (0.3 s, and more on a busy machine), so MJML
 * starts loading at once. A run that stops before compiling leaves nothing behind: the thread
 * never keeps the process alive.
 */
export function startLayoutCompilerEarly(): void {
  early ??= launch();
}

/** The layout thread started early, if it was, or a new one. */
export function startLayoutCompiler(): LayoutCompiler {
  const started = early ?? launch();
  early = undefined;
  return started;
}

function launch(): LayoutCompiler {
  const worker = new Worker(new URL('./compile-worker.ts', import.meta.url));
  const answer = new Promise<Awaited<ReturnType<typeof compileLayouts>>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the layout compiler stopped (exit ${code}) before answering`)));
  });
  // Never what keeps a finished run alive, nor one that stops before compiling. After the
  // listeners: adding a 'message' listener refs the thread's port again.
  worker.unref();
  answer.catch(() => {});
  return {
    async compile(colours, options = {}) {
      // Awaited from here on: the run must not end while the thread compiles.
      worker.ref();
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

/**
 * One run's layouts from the thread: `ready` as the daily run takes them (a layout with problems is
 * absent, and its problem named), and `problems` as content problems, for the summary and the exit
 * status. Both settle once compiling ends; neither is an unhandled failure before it is awaited.
 */
export function layoutsForRun(compiler: LayoutCompiler, colours: Brand) {
  const compiling = compiler.compile(colours);
  const ready = compiling.then(({ layouts, problems }) => ({ layouts, layoutProblems: problemsByLayout(problems) }));
  const problems = compiling.then((compiled) => asContentProblems(compiled.problems));
  ready.catch(() => {});
  problems.catch(() => {});
  return { ready, problems };
}
