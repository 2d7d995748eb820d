/**
 * MJML email layouts in emails/, compiled once per run.
 */
export { compileLayouts, compileMjml } from './layouts-fs.ts';
