/**
 * The privacy check for photos: a testimonial's photo of a contact who has not agreed to be
 * published must not reach the built site, under any of the names the build gives its copies.
 */
import { hasPublishConsent } from './publish.ts';
import type { Contact, Testimonial } from '../model/index.ts';

/** A photo that must not be published, and why. */
type PhotoTarget = { contact: string; testimonial: string; photo: string };

/**
 * The photos of testimonials whose author is a contact without consent to publish on `today`
 * (never given, withdrawn or expired), or who is not a contact at all.
 */
export function photoLeakTargets(
  sources: { contacts: readonly { id: string; data: Contact }[]; testimonials: readonly { id: string; data: Testimonial }[] },
  today: Temporal.PlainDate,
): PhotoTarget[] {
  const byId = new Map(sources.contacts.map((c) => [c.id, c.data]));
  return sources.testimonials.flatMap(({ id, data }) => {
    if (!data.photo) return [];
    const contact = data.author.contact ? byId.get(data.author.contact) : undefined;
    if (contact && hasPublishConsent(contact, today)) return [];
    return [{ contact: data.author.contact ?? '(none)', testimonial: id, photo: data.photo }];
  });
}

/**
 * The built files that are copies of a target photo. Astro names each copy after its source
 * (`photos/ana-r.jpg` becomes `_astro/ana-r.Bx3f9a.jpg` and `_astro/ana-r.Bx3f9a_Z1kq.webp`), so a
 * file whose name is the photo's name, then a dot or a hash, then an image extension, is one.
 */
export function findPhotoLeaks(files: readonly string[], targets: readonly PhotoTarget[]): string[] {
  const found: string[] = [];
  for (const target of targets) {
    const stem = (target.photo.split('/').at(-1) ?? '').replace(/\.[^.]+$/, '');
    const copy = new RegExp(
      `(?:^|/)${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.[\\w-]+)?(?:_[\\w-]+)?\\.(?:jpe?g|png|webp|avif|gif)$`,
      'i',
    );
    for (const file of files) {
      if (copy.test(file))
        found.push(`${file} photo of contact ${target.contact} (testimonial ${target.testimonial}), who has not agreed to be published`);
    }
  }
  return found.sort();
}
