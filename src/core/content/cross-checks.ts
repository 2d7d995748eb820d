import { formatField, problem, type Problem, type ProblemCode } from '../problems/index.ts';
import type { ContentParsers, YamlSource } from './source.ts';
import { SITE_IMAGES, siteImageName, type ClientEvent, type Content, type Entry } from '../model/index.ts';

export type ValidateOptions = {
  /** Email layouts that exist (`emails/<name>.mjml`), for plans that name one. */
  templates: readonly string[];
  /** What the folder holds besides readable files: folders, links, files that could not be read. */
  notFiles?: readonly NotAFile[];
  /** The slow parsers, for files with a problem to place or a body that might hold code. */
  parsers: ContentParsers;
  /**
   * The image files in the site's images folder beside the content folder (`SITE_IMAGES`), by
   * their path in it (`ana-r.jpg`), for photos written `/images/ana-r.jpg`.
   */
  siteImages?: readonly string[];
};

/**
 * Something in a content folder that is not a file read as text, as the disk adapter found it.
 * `folder`: a folder (every one is listed, so a folder where a file belongs can be named);
 * `link`: a symbolic link, never followed; `special`: a device, socket or pipe; `too-large`: a file
 * of `bytes` bytes, not read; `unreadable`: a file the system would not read (`detail` says why);
 * `image`: a photo in `images/`, which the site reads and the scripts never do.
 */
export type NotAFile = {
  path: string;
  kind: 'folder' | 'link' | 'special' | 'too-large' | 'unreadable' | 'image';
  bytes?: number;
  detail?: string;
};

type Locate = (file: string) => YamlSource | undefined;

/**
 * Rules that need more than one file: references between records, one owner per email address,
 * templates that exist, consent behind every published testimonial. A record that breaks one is
 * reported and left out, so nothing downstream acts on it.
 */
export function checkAcrossFiles(content: Content, options: ValidateOptions, sources: Locate): { content: Content; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (entry: Entry<unknown>, path: (string | number)[], code: ProblemCode, message: string) => {
    const at = sources(entry.file)?.locate(path) ?? { line: 1, column: 1 };
    problems.push(problem(code, entry.file, at, formatField(path), message));
  };
  const contactIds = new Set(content.contacts.map((c) => c.id));
  const unknownContact = (entry: Entry<unknown>, path: (string | number)[], id: string | undefined): boolean => {
    if (id === undefined || contactIds.has(id)) return false;
    report(entry, path, 'UnknownContact', `names "${id}", who is not a contact`);
    return true;
  };

  const owners = new Map<string, string>();
  const contacts = content.contacts.filter((contact) => {
    let ok = true;
    contact.data.emails.forEach((email, i) => {
      const owner = owners.get(email);
      if (owner && owner !== contact.id) {
        report(contact, ['emails', i], 'DuplicateEmail', `${email} already belongs to contact "${owner}"`);
        ok = false;
      }
    });
    if (ok) for (const email of contact.data.emails) owners.set(email, contact.id);
    unknownContact(contact, ['referredBy'], contact.data.referredBy);
    for (const [i, member] of contact.data.household.entries()) unknownContact(contact, ['household', i, 'contact'], member.contact);
    return ok;
  });

  const templates = new Set(options.templates);
  const plans = content.plans.filter((plan) => {
    let ok = true;
    plan.data.steps.forEach((step, i) => {
      if (step.template && !templates.has(step.template)) {
        report(plan, ['steps', i, 'template'], 'UnknownTemplate', `names the layout "${step.template}", which is not in emails/`);
        ok = false;
      }
    });
    for (const [i, id] of (plan.data.audience.exclude?.contacts ?? []).entries())
      unknownContact(plan, ['audience', 'exclude', 'contacts', i], id);
    return ok;
  });

  // A draft names someone who is not a contact yet: only its referrer must be one.
  const referralDrafts = content.referrals.filter((r) => r.data.draft && !unknownContact(r, ['referrer'], r.data.referrer));
  const referrals = content.referrals.filter((referral) => {
    if (referral.data.draft) return false;
    const badReferrer = unknownContact(referral, ['referrer'], referral.data.referrer);
    const badReferred = unknownContact(referral, ['referred'], referral.data.referred);
    return !badReferrer && !badReferred;
  });

  const results = content.results.filter((result) => !unknownContact(result, ['client', 'contact'], result.data.client?.contact));

  const byId = new Map(contacts.map((c) => [c.id, c.data]));
  const testimonials = content.testimonials.filter((t) => {
    const id = t.data.author.contact;
    if (unknownContact(t, ['author', 'contact'], id)) return false;
    if (id === undefined || t.data.status === 'draft') return true;
    const consent = byId.get(id)?.consent.publish;
    if (!consent) {
      report(t, ['author', 'contact'], 'AuthorNotConsented', `is published, but "${id}" has no consent.publish in their contact file`);
      return false;
    }
    if (consent.withdrawn) {
      report(t, ['author', 'contact'], 'ConsentWithdrawn', `is published, but "${id}" withdrew consent to publish on ${consent.withdrawn}`);
      return false;
    }
    return true;
  });

  return { content: { ...content, contacts, plans, referrals, referralDrafts, results, testimonials }, problems };
}

/**
 * Testimonials whose `photo` is not an ordinary file beside them, among `photos` (the content
 * folder's image files, by path), or, written `/images/…`, not one of `siteImages` (see
 * `ValidateOptions`). The site would show initials instead, so the testimonial is kept: only the
 * line is wrong. One of the site's images is put on the site as it is, whatever the page shows,
 * so it must be the photo of a contact who agreed to be published.
 */
export function checkPhotos(
  content: Pick<Content, 'contacts' | 'testimonials'>,
  photos: ReadonlySet<string>,
  locate: (file: string) => YamlSource | undefined,
  siteImages: readonly string[] = [],
): Problem[] {
  const inSite = new Set(siteImages);
  const contacts = new Map(content.contacts.map((c) => [c.id, c.data]));
  return content.testimonials.flatMap((entry) => {
    const photo = entry.data.photo;
    if (photo === undefined) return [];
    const at = () => locate(entry.file)?.locate(['photo']) ?? { line: 1, column: 1 };
    const name = siteImageName(photo);
    if (name !== undefined) {
      if (!inSite.has(name))
        return [problem('MissingSiteImage', entry.file, at(), 'photo', `names ${photo}, which is not an image in ${SITE_IMAGES.folder}/`)];
      const id = entry.data.author.contact;
      const consent = id === undefined ? undefined : contacts.get(id)?.consent.publish;
      if (consent && !consent.withdrawn) return [];
      const who = id === undefined ? 'the author is not a contact who agreed to it' : `"${id}" has no consent.publish in force`;
      const message = `names ${photo}: every file in ${SITE_IMAGES.folder}/ is put on the site as it is, and ${who}`;
      return [problem('SiteImageWithoutConsent', entry.file, at(), 'photo', message)];
    }
    // The schema has refused other absolute paths and `.` or `..` parts, so the path only descends.
    if (photos.has([...entry.file.split('/').slice(0, -1), ...photo.split('/').filter(Boolean)].join('/'))) return [];
    return [problem('MissingTestimonialPhoto', entry.file, at(), 'photo', `names ${photo}, which is not a file beside this testimonial`)];
  });
}

/**
 * Events that name contacts who do not exist (as host, invited, excluded or having come) are
 * reported and left out, as every record that names an unknown contact is.
 */
export function checkEventContacts(
  content: Content,
  locate: (file: string) => YamlSource | undefined,
): { events: Entry<ClientEvent>[]; problems: Problem[] } {
  const known = new Set(content.contacts.map((c) => c.id));
  const problems: Problem[] = [];
  const events = content.events.filter((entry) => {
    const named: [(string | number)[], string][] = [
      ...(entry.data.host ? [[['host'], entry.data.host] as [string[], string]] : []),
      ...(entry.data.invite.contacts ?? []).map((id, i): [(string | number)[], string] => [['invite', 'contacts', i], id]),
      ...(entry.data.invite.exclude ?? []).map((id, i): [(string | number)[], string] => [['invite', 'exclude', i], id]),
      ...entry.data.came.map((id, i): [(string | number)[], string] => [['came', i], id]),
    ];
    const unknown = named.filter(([, id]) => !known.has(id));
    for (const [path, id] of unknown) {
      const at = locate(entry.file)?.locate(path) ?? { line: 1, column: 1 };
      problems.push(problem('UnknownContact', entry.file, at, formatField(path), `names "${id}", who is not a contact`));
    }
    return unknown.length === 0;
  });
  return { events, problems };
}
