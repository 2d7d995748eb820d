/**
 * MJML email layouts in emails/, compiled once per run, here or on a worker thread.
 */
export { asContentProblems, compileLayouts, compileMjml, problemsByLayout } from './layouts-fs.ts';
export { layoutsForRun, startLayoutCompiler, startLayoutCompilerEarly, type LayoutCompiler } from './layouts-thread.ts';
