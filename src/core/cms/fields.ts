/**
 * Editor fields from a zod schema: each key of the schema becomes one field of the Git-based CMS
 * (Sveltia CMS, whose configuration is Decap's with a few additions), with the widget its type
 * calls for. Pure: a schema and hints in, plain objects out.
 */
import type { z } from 'zod';

type Widget = { widget: string; [option: string]: unknown };

/** One field of the CMS configuration (`collections[].fields[]`). */
export type CmsField = {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  hint?: string;
  [option: string]: unknown;
};

/** What the schema cannot say about a field, keyed by its path (`household[].contact`). */
export type FieldHint =
  /** A contact id, picked from the contacts (a list of them when the field is a list). */
  | { kind: 'contact' }
  /** Several lines of text. */
  | { kind: 'long-text' }
  /** A value filled in when the field is added: `{{now}}` is today. */
  | { kind: 'default'; value: unknown }
  /**
   * A photo, picked or uploaded. An upload goes to `folder` beside the entry's file, and the path
   * written is `folder/name.jpg`; without `folder`, to the collection's `media` folder.
   */
  | { kind: 'image'; folder?: string };

/** The schemas that the walk tells apart by identity, because their type alone says "string". */
export type KnownSchemas = { date: z.ZodType; birthday: z.ZodType };

type Walk = { hints: Record<string, FieldHint>; known: KnownSchemas };

/** The `def` of any zod v4 schema, read without reaching into zod's internal types. */
type Def = {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  discriminator?: string;
  entries?: Record<string, string>;
  checks?: { _zod: { def: { check: string; minimum?: number } } }[];
  values?: unknown[];
};
const def = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

/** A key as a label: `goodReferral` → `Good referral`. */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Optional, default and prefault wrappers peeled off, with what they said. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; defaultValue?: unknown } {
  let inner = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const d = def(inner);
    if (d.type === 'optional' && d.innerType) {
      optional = true;
      inner = d.innerType;
    } else if ((d.type === 'default' || d.type === 'prefault') && d.innerType) {
      optional = true;
      defaultValue ??= d.defaultValue;
      inner = d.innerType;
    } else return { inner, optional, defaultValue };
  }
}

/** The fields for every key of an object schema, in the schema's order. */
export function fieldsOf(shape: Record<string, z.ZodType>, walk: Walk, path = ''): CmsField[] {
  return Object.entries(shape).map(([name, schema]) => fieldOf(name, schema, walk, path ? `${path}.${name}` : name));
}

function fieldOf(name: string, schema: z.ZodType, walk: Walk, path: string): CmsField {
  const { inner, optional, defaultValue } = unwrap(schema);
  const field: CmsField = { name, label: labelOf(name), ...widgetOf(inner, walk, path) } as CmsField;
  if (optional) field.required = false;
  const hint = walk.hints[path];
  if (hint?.kind === 'default') field.default = hint.value;
  else if (defaultValue !== undefined && isPlainDefault(defaultValue)) field.default = defaultValue;
  return field;
}

/** Scalars and lists of scalars make sensible form defaults; an empty object or list does not. */
function isPlainDefault(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => typeof v !== 'object');
  return typeof value !== 'object';
}

const RELATION = { widget: 'relation', collection: 'contacts', value_field: '{{slug}}', search_fields: ['name'], display_fields: ['name'] };

function widgetOf(schema: z.ZodType, walk: Walk, path: string): Widget {
  const hint = walk.hints[path];
  if (schema === walk.known.date) return { widget: 'datetime', type: 'date', format: 'YYYY-MM-DD', time_format: false };
  if (schema === walk.known.birthday) {
    return { widget: 'string', pattern: ['^(\\d{4}-)?\\d{2}-\\d{2}$', 'MM-DD, or YYYY-MM-DD with the year'] };
  }
  const d = def(schema);
  switch (d.type) {
    case 'pipe':
      // z.preprocess reads its input through a transform: the output side says what is stored.
      return widgetOf(d.in && def(d.in).type !== 'transform' ? d.in : d.out!, walk, path);
    case 'string':
      if (hint?.kind === 'contact') return RELATION;
      if (hint?.kind === 'image') return imageOf(hint.folder);
      return { widget: hint?.kind === 'long-text' ? 'text' : 'string' };
    case 'number': {
      const n = schema as unknown as { isInt: boolean; minValue: number | null; maxValue: number | null };
      const bounded = (v: number | null) => v !== null && Math.abs(v) < Number.MAX_SAFE_INTEGER;
      return {
        widget: 'number',
        value_type: n.isInt ? 'int' : 'float',
        ...(bounded(n.minValue) ? { min: n.minValue } : {}),
        ...(bounded(n.maxValue) ? { max: n.maxValue } : {}),
      };
    }
    case 'boolean':
      return { widget: 'boolean' };
    case 'enum':
      return { widget: 'select', options: Object.values(d.entries!) };
    case 'array':
      return { ...listOf(d.element!, walk, path), ...minItems(d) };
    case 'object':
      return { widget: 'object', fields: fieldsOf(d.shape!, walk, path) };
    case 'union':
      if (d.discriminator) return variableObject(d.options!, d.discriminator, walk, path);
      break;
  }
  throw new Error(`The CMS has no widget for the ${d.type} at ${path}: add one in src/core/cms/fields.ts`);
}

/**
 * What the editor does to a photo uploaded to a photo field, before it reaches the repository. A
 * phone's photo is 3 to 8 MB, and every byte would stay in the repository's history.
 * - `transformations`: a raster image of any kind (JPEG, PNG, WebP, AVIF, HEIC) is drawn at most
 *   2048 pixels on its longer side, never enlarged, and saved as WebP at quality 85, some 0.2 to
 *   1 MB. Sveltia converts to WebP only (no option keeps the format); the photo schemas and the
 *   site's resizing (astro:assets) take it, and the site shows a photo 1200 pixels wide at the
 *   most, re-encoded, so nothing it shows is lost. Safari has no WebP encoder of its own: there
 *   Sveltia loads one (@jsquash/webp) from unpkg.com, as it does its other occasional tools, and
 *   the photo is still encoded in the browser.
 * - `max_file_size`: Sveltia checks it after the transformation, so it never stops a photo that
 *   was made smaller; it keeps out, with Sveltia's own words, one the browser could not shrink.
 * Only photo fields: a picture in a newsletter's body is linked from the email as it is, and
 * Outlook for Windows shows no WebP.
 */
const PHOTO_UPLOADS = {
  transformations: { raster_image: { format: 'webp', quality: 85, width: 2048, height: 2048 } },
  max_file_size: 4 * 1024 * 1024,
};

/**
 * An image field that offers only the formats the photo schemas accept, and no address on another
 * host: the site never loads one. Sveltia CMS reads a `media_folder` without a leading slash as
 * relative to the entry's folder, and writes the value as `public_folder` + `/` + the file's name.
 */
function imageOf(folder: string | undefined): Widget {
  return {
    widget: 'image',
    accept: 'image/jpeg,image/png,image/webp,image/avif',
    choose_url: false,
    media_libraries: { default: { config: PHOTO_UPLOADS } },
    ...(folder ? { media_folder: folder, public_folder: folder } : {}),
  };
}

function listOf(element: z.ZodType, walk: Walk, path: string): Widget {
  const item = def(unwrap(element).inner);
  if (walk.hints[path]?.kind === 'contact') return { ...RELATION, multiple: true };
  if (item.type === 'enum') return { widget: 'select', multiple: true, options: Object.values(item.entries!) };
  if (item.type === 'object') {
    return { widget: 'list', fields: fieldsOf(item.shape!, walk, `${path}[]`) };
  }
  // A list of words, one a row.
  return { widget: 'list' };
}

/** A list's `.min(n)`, so the form asks for the rows the schema needs. */
function minItems(d: Def): { min?: number } {
  const minimum = d.checks?.find((c) => c._zod.def.check === 'min_length')?._zod.def.minimum;
  return minimum ? { min: minimum } : {};
}

/** A discriminated union: an object whose kind is picked first, then that kind's fields. */
function variableObject(options: z.ZodType[], key: string, walk: Walk, path: string): Widget {
  return {
    widget: 'object',
    typeKey: key,
    types: options.map((option) => {
      const shape = { ...def(option).shape! };
      const name = String(def(shape[key]).values![0]);
      delete shape[key];
      return { name, label: labelOf(name), widget: 'object', fields: fieldsOf(shape, walk, path) };
    }),
  };
}
