/**
 * MJML email layouts in emails/, compiled once per run, here or on a worker thread.
 */
export { compileLayouts, compileMjml } from './layouts-fs.ts';
export { startLayoutCompiler, startLayoutCompilerEarly, type LayoutCompiler } from './layouts-thread.ts';
