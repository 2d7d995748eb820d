/**
 * Every field path of a schema, read through zod's own JSON Schema rather than the walk that
 * makes the editor's fields, and every field path of a configuration: the two lists must match.
 */
import { z } from 'zod';
import type { CmsField } from './fields.ts';

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] };

/** `name`, `dates.birthday`, `household[].contact`, … for every key the schema knows. */
export function schemaFieldPaths(schema: z.ZodType): string[] {
  const paths = new Set<string>();
  const visit = (node: JsonSchema, path: string) => {
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) visit(branch, path);
    if (node.items?.properties || node.items?.anyOf || node.items?.oneOf) visit(node.items, `${path}[]`);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const childPath = path ? `${path}.${key}` : key;
      paths.add(childPath);
      visit(child, childPath);
    }
  };
  visit(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema, '');
  return [...paths].sort();
}

type ConfigField = CmsField & { fields?: ConfigField[]; types?: { fields?: ConfigField[] }[]; typeKey?: string };

/** The same paths for configured fields; `leaveOut` names fields that are not front matter (`body`). */
export function configFieldPaths(fields: readonly ConfigField[], leaveOut: readonly string[] = []): string[] {
  const paths = new Set<string>();
  const visit = (list: readonly ConfigField[], path: string) => {
    for (const field of list) {
      const own = path ? `${path}.${field.name}` : field.name;
      if (!path && leaveOut.includes(field.name)) continue;
      paths.add(own);
      const inner = field.widget === 'list' ? `${own}[]` : own;
      if (field.fields) visit(field.fields, inner);
      if (field.types) {
        paths.add(`${own}.${field.typeKey ?? 'type'}`);
        for (const type of field.types) visit(type.fields ?? [], own);
      }
    }
  };
  visit(fields, '');
  return [...paths].sort();
}
