/**
 * The editor's whole configuration, made from the content model: `/admin/config.yml` on the site.
 * It names the repository and the schema's fields, and holds no content.
 */
import type { z } from 'zod';
import { BirthdaySchema, DateSchema, SITE_IMAGES } from '../model/index.ts';
import { COLLECTIONS, type CollectionSpec } from './collections.ts';
import { fieldsOf, labelOf, type CmsField, type KnownSchemas } from './fields.ts';

export type CmsOptions = {
  /** `owner/name` of the private repository the editor reads and writes. */
  repo: string;
  branch: string;
  /** The site's address, linked from the editor. */
  siteUrl?: string;
};

const KNOWN: KnownSchemas = { date: DateSchema, birthday: BirthdaySchema };

/** The body of an MDX file, below its front matter. */
const BODY: CmsField = { name: 'body', label: 'Body', widget: 'markdown', required: false };

/** The configuration object Sveltia CMS (or Decap CMS) reads, as `config.yml`. */
export function cmsConfig(options: CmsOptions): Record<string, unknown> {
  return {
    backend: { name: 'github', repo: options.repo, branch: options.branch },
    // Each save is a branch and a pull request, so `check` and the send preview run on it.
    publish_mode: 'editorial_workflow',
    app_title: 'Referable',
    ...(options.siteUrl ? { site_url: options.siteUrl } : {}),
    show_preview_links: false,
    // Photos go beside the file that names them (settings' images/, a testimonial's photos/): see
    // `media` and the image hints. The global folder holds a picture in a Markdown body, whose
    // `/images/…` the site serves from public/. Sveltia CMS offers it in every image field's picker
    // (Global Assets; no option hides it, and a global folder is required), so a photo picked there
    // is written `/images/…` too, which the photo schemas take as one of the site's images.
    media_folder: SITE_IMAGES.folder,
    public_folder: SITE_IMAGES.url,
    // A stock photo is an address on another host: the photo schemas refuse it, and the site loads none.
    // Sveltia keeps an upload's own name unless told, and a phone's "IMG 2034.JPG" or a computer's
    // "Hannah portrait (1).jpg" is a path the photo schemas refuse and a URL that needs escaping:
    // every upload (a photo field's, a picture in a body, the Assets page's) is named by `slug`
    // below instead, `img-2034.jpg`. `all` holds what every library's uploads share, and a photo
    // field's own options (see `imageOf`) add to it rather than replace it.
    media_libraries: { stock_assets: false, all: { slugify_filename: true } },
    // An optional field left empty is left out of the file, as `check` expects, not written as "".
    output: { omit_empty_optional_fields: true },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: COLLECTIONS.map(collectionConfig),
  };
}

function collectionConfig(spec: CollectionSpec): Record<string, unknown> {
  const fields = [...fieldsFor(spec), ...(spec.extension === 'mdx' ? [BODY] : [])];
  const common = { name: spec.name, label: spec.label, label_singular: spec.labelSingular };
  const media = spec.media ? { media_folder: spec.media, public_folder: spec.media } : {};
  if (!spec.folder) {
    const file = { name: spec.name, label: spec.label, file: `content/${spec.name}.yaml`, format: 'yaml' };
    return { ...common, files: [{ ...file, ...media, fields }] };
  }
  return {
    ...common,
    ...media,
    folder: spec.folder,
    extension: spec.extension,
    format: spec.extension === 'mdx' ? 'frontmatter' : 'yaml',
    create: true,
    identifier_field: spec.identifier,
    slug: spec.slug,
    ...(spec.summary ? { summary: spec.summary } : {}),
    fields,
  };
}

/** The collection's fields; a kind-by-kind union (testimonials) becomes a kind select and every kind's fields. */
export function fieldsFor(spec: CollectionSpec): CmsField[] {
  const walk = { hints: spec.hints, known: KNOWN };
  const d = (spec.schema as unknown as { def: { type: string; options?: z.ZodObject[]; discriminator?: string } }).def;
  if (d.type !== 'union' || !d.discriminator) return fieldsOf((spec.schema as z.ZodObject).shape, walk);
  const key = d.discriminator;
  const kinds = d.options!.map((o) => ({ kind: String((o.shape[key] as z.ZodLiteral).value), shape: o.shape }));
  const everyKind = Object.keys(kinds[0].shape).filter((name) => kinds.every((k) => name in k.shape));
  const fields = fieldsOf(Object.fromEntries(everyKind.filter((n) => n !== key).map((n) => [n, kinds[0].shape[n]])), walk);
  for (const { kind, shape } of kinds) {
    const own = Object.fromEntries(Object.entries(shape).filter(([name]) => !everyKind.includes(name)));
    for (const field of fieldsOf(own, walk)) fields.push({ ...field, required: false, hint: `Needed when the kind is ${kind}.` });
  }
  return [{ name: key, label: labelOf(key), widget: 'select', options: kinds.map((k) => k.kind), default: kinds[0].kind }, ...fields];
}
