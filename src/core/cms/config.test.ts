import { describe, expect, it } from 'vitest';
import { PersonSchema, TestimonialSchema } from '../model/index.ts';
import { COLLECTIONS, cmsConfig, configFieldPaths, fieldsFor, schemaFieldPaths, type CmsField } from './index.ts';

type Field = CmsField & { fields?: Field[]; types?: { fields: Field[] }[] };

/** Every configured field, with its dot path, depth first. */
function walk(fields: readonly Field[], path = ''): [string, Field][] {
  return fields.flatMap((f) => {
    const own = path ? `${path}.${f.name}` : f.name;
    const inner = f.widget === 'list' ? `${own}[]` : own;
    return [[own, f] as [string, Field], ...walk(f.fields ?? [], inner), ...(f.types ?? []).flatMap((t) => walk(t.fields, own))];
  });
}

describe('the editor configuration', () => {
  it.each(COLLECTIONS.map((c) => [c.name, c] as const))('%s: names every schema field and no other', (_, spec) => {
    const fromSchema = schemaFieldPaths(spec.schema);
    const configured = configFieldPaths(fieldsFor(spec));
    expect({
      missing: fromSchema.filter((p) => !configured.includes(p)),
      extra: configured.filter((p) => !fromSchema.includes(p)),
    }).toEqual({
      missing: [],
      extra: [],
    });
    // A hint for a field the schema no longer has would quietly do nothing.
    expect(Object.keys(spec.hints).filter((p) => !fromSchema.includes(p))).toEqual([]);
  });

  it('fails the comparison when a field is missing or unknown', () => {
    const contacts = COLLECTIONS.find((c) => c.name === 'contacts')!;
    const fields = fieldsFor(contacts).filter((f) => f.name !== 'phone');
    fields.push({ name: 'fax', label: 'Fax', widget: 'string' });
    const configured = configFieldPaths(fields);
    const fromSchema = schemaFieldPaths(contacts.schema);
    expect(fromSchema.filter((p) => !configured.includes(p))).toEqual(['phone']);
    expect(configured.filter((p) => !fromSchema.includes(p))).toEqual(['fax']);
  });

  it('opens a pull request for each save and writes the files the scripts read', () => {
    const config = cmsConfig({ repo: 'agency/referable', branch: 'main' });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend).toEqual({ name: 'github', repo: 'agency/referable', branch: 'main' });
    const collections = config.collections as Record<string, unknown>[];
    expect(collections.map((c) => [c.name, c.folder ?? (c.files as { file: string }[])[0].file, c.extension ?? 'yaml', c.format])).toEqual([
      ['contacts', 'content/contacts', 'yaml', 'yaml'],
      ['referrals', 'content/referrals', 'yaml', 'yaml'],
      ['testimonials', 'content/testimonials', 'mdx', 'frontmatter'],
      ['results', 'content/results', 'mdx', 'frontmatter'],
      ['newsletters', 'content/newsletters', 'mdx', 'frontmatter'],
      ['events', 'content/events', 'yaml', 'yaml'],
      ['plans', 'content/plans', 'yaml', 'yaml'],
      ['settings', 'content/settings.yaml', 'yaml', undefined],
    ]);
  });

  it('picks contacts from a list, offers enums as selects and dates as date pickers', () => {
    const byPath = (name: string) => new Map(walk(fieldsFor(COLLECTIONS.find((c) => c.name === name)!)));
    const contacts = byPath('contacts');
    const referrals = byPath('referrals');
    const testimonials = byPath('testimonials');
    for (const f of [
      contacts.get('household[].contact'),
      referrals.get('referrer'),
      referrals.get('referred'),
      testimonials.get('author.contact'),
    ]) {
      expect(f).toMatchObject({ widget: 'relation', collection: 'contacts', value_field: '{{slug}}' });
    }
    expect(contacts.get('segment')).toMatchObject({ widget: 'select', options: ['past-client', 'sphere', 'partner', 'prospect'] });
    expect(contacts.get('dates.clientSince')).toMatchObject({ widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' });
    expect(referrals.get('status')).toMatchObject({ widget: 'list', min: 1 });
    expect(referrals.get('status[].status')).toMatchObject({ widget: 'select', options: ['introduced', 'met', 'client', 'not-a-fit'] });
    expect(contacts.get('consent.email')).toMatchObject({ widget: 'object', required: false });
    expect(contacts.get('consent.email.date')).toMatchObject({ widget: 'datetime', default: '{{now}}' });
    const basis = contacts.get('consent.email.basis')!;
    expect(basis).toMatchObject({ widget: 'select', options: ['consent', 'existing-client', 'legitimate-interest'] });
    expect(basis.options).toContain(basis.default);
    expect(testimonials.get('kind')).toMatchObject({ widget: 'select', options: ['consumer', 'expert', 'organization'] });
  });

  it('uploads each photo beside the file that names it, and writes the path the schema asks for (issue 19)', () => {
    const config = cmsConfig({ repo: 'agency/referable', branch: 'main' });
    const collections = config.collections as (Record<string, unknown> & { fields?: Field[]; files?: Record<string, unknown>[] })[];
    const images = collections.flatMap((c) =>
      walk(c.fields ?? (c.files![0].fields as Field[]))
        .filter(([, f]) => f.widget === 'image')
        .map(([path, f]): [string, Field] => [`${c.name}: ${path}`, f]),
    );
    // Only the formats the site resizes, and no address on another host.
    const image = {
      name: 'photo',
      label: 'Photo',
      widget: 'image',
      accept: 'image/jpeg,image/png,image/webp,image/avif',
      choose_url: false,
      media_libraries: { default: { config: expect.any(Object) } },
    };
    expect(images).toEqual([
      ['testimonials: photo', { ...image, media_folder: 'photos', public_folder: 'photos', required: false }],
      ['settings: business.people[].photo', { ...image, required: false }],
      ['settings: business.office.photo', image],
    ]);
    // Sveltia CMS reads a folder without a leading slash from the entry's own folder, and writes
    // `public_folder/name` into it: content/settings.yaml's images/ and content/testimonials/photos/.
    const settings = collections.find((c) => c.name === 'settings')!.files![0];
    expect(settings).toMatchObject({ file: 'content/settings.yaml', media_folder: 'images', public_folder: 'images' });
    expect(PersonSchema.shape.photo.parse(`${settings.public_folder}/rob-mercer.png`)).toBe('images/rob-mercer.png');
    const consumer = TestimonialSchema.options[0].shape;
    expect(consumer.photo.parse(`${images[0][1].public_folder}/ana-r.jpg`)).toBe('photos/ana-r.jpg');
    expect(config.media_libraries).toMatchObject({ stock_assets: false });
  });

  it('names every upload as the photo schemas take it, and shrinks a photo to WebP of 2048 pixels at most (issue 19)', () => {
    const config = cmsConfig({ repo: 'agency/referable', branch: 'main' });
    // Sveltia keeps an upload's name ("Hannah portrait (1).jpg") unless told; told, it names it by
    // `slug`: ASCII letters, digits and hyphens, accents dropped, lower case.
    expect(config.media_libraries).toEqual({ stock_assets: false, all: { slugify_filename: true } });
    expect(config.slug).toEqual({ encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' });
    const settings = COLLECTIONS.find((c) => c.name === 'settings')!;
    const testimonials = COLLECTIONS.find((c) => c.name === 'testimonials')!;
    const photos = [...walk(fieldsFor(settings)), ...walk(fieldsFor(testimonials))].filter(([, f]) => f.widget === 'image');
    expect(photos.map(([path]) => path)).toEqual(['business.people[].photo', 'business.office.photo', 'photo']);
    for (const [, field] of photos) {
      expect(field.media_libraries).toEqual({
        default: {
          config: {
            transformations: { raster_image: { format: 'webp', quality: 85, width: 2048, height: 2048 } },
            max_file_size: 4 * 1024 * 1024,
          },
        },
      });
    }
    // What an upload becomes, the photo schemas take: a WebP file named by the slug.
    const consumer = TestimonialSchema.options[0].shape;
    expect(PersonSchema.shape.photo.parse('images/hannah-portrait-1.webp')).toBe('images/hannah-portrait-1.webp');
    expect(consumer.photo.parse('photos/img-2034.webp')).toBe('photos/img-2034.webp');
    expect(consumer.photo.parse('/images/img-2034.webp')).toBe('/images/img-2034.webp');
  });
});
