/**
 * The browser editor at `/admin/`: its configuration, made from the content model, and the check
 * that the two name the same fields.
 */
export { COLLECTIONS } from './collections.ts';
export { cmsConfig, fieldsFor } from './config.ts';
export { configFieldPaths, schemaFieldPaths } from './field-paths.ts';
export type { CmsField } from './fields.ts';
