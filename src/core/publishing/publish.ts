/**
 * What the public site may show. Pure rules over validated content and a day: the Astro pages and
 * the site's privacy check both use them, so the site and its check agree on what is public.
 */
import { consentHolds } from '../contacts/index.ts';
import type { Contact, EndorsementKind, Newsletter, Result, Testimonial } from '../model/index.ts';

type Dated = { date: string };
type WithId<T> = { id: string; data: T };

/** A testimonial goes on the website only when published and its consent names the website. */
export function isPublicTestimonial(testimonial: Testimonial): boolean {
  return testimonial.status === 'published' && (testimonial.consent?.scope.includes('website') ?? false);
}

/** The testimonials the site shows, newest first (ties by id, so builds are stable). */
export function publicTestimonials<E extends WithId<Testimonial>>(entries: readonly E[]): E[] {
  return entries.filter((e) => isPublicTestimonial(e.data)).toSorted(newestFirst);
}

/** Featured public testimonials first, then the rest, newest first; at most `count`. */
export function featuredTestimonials<E extends WithId<Testimonial>>(entries: readonly E[], count: number): E[] {
  const shown = publicTestimonials(entries);
  return [...shown.filter((e) => e.data.featured), ...shown.filter((e) => !e.data.featured)].slice(0, count);
}

const KIND_LABELS: Record<EndorsementKind, string> = {
  consumer: 'Client',
  expert: 'Expert',
  organization: 'Organization',
};

// English outside North America (and its Oxford-less dictionaries) writes "Organisation".
const ISE_SPELLING = /^en-(?:GB|IE|AU|NZ|ZA|IN|SG|HK|MT)\b/i;

/** The endorsement kind as shown beside a quote: who is speaking and on what footing. */
export type Endorsement = { kind: EndorsementKind; label: string; detail?: string };

/**
 * Names the kind of endorsement. An expert's qualification and an organization's process are the
 * facts the FTC's Endorsement Guides expect next to such an endorsement.
 */
export function describeEndorsement(t: Testimonial, locale?: string): Endorsement {
  const label = endorsementLabel(t.kind, locale);
  if (t.kind === 'expert') return { kind: t.kind, label, detail: t.qualification };
  if (t.kind === 'organization') {
    const speaker = t.author.name === t.organization ? '' : `${t.organization}: `;
    return { kind: t.kind, label, detail: `${speaker}${t.process}` };
  }
  return { kind: t.kind, label };
}

/** The kind's label, spelled as `locale` (a BCP 47 tag such as `en-GB`) spells it. */
export function endorsementLabel(kind: EndorsementKind, locale = 'en-US'): string {
  const label = KIND_LABELS[kind];
  return ISE_SPELLING.test(locale) ? label.replace('ization', 'isation') : label;
}

/** The disclosures a testimonial carries, in the order they are shown. */
export function disclosures(t: Testimonial): { label: string; text: string }[] {
  const lines: { label: string; text: string }[] = [];
  if (t.disclosures.materialConnection) lines.push({ label: 'Material connection', text: t.disclosures.materialConnection });
  if (t.disclosures.typicalResults) lines.push({ label: 'Typical results', text: t.disclosures.typicalResults });
  return lines;
}

/**
 * How a result names its client in public: the display name only with consent covering the
 * website; otherwise anonymised, by area when the result gives one.
 */
export function resultClientName(result: Result): string {
  const client = result.client;
  if (client?.consent?.scope.includes('website')) return client.display;
  return result.area ? `A client in ${result.area}` : 'A client';
}

/** Results, newest first. Every result may be shown; its client's name follows `resultClientName`. */
export function publicResults<E extends WithId<Result>>(entries: readonly E[]): E[] {
  return entries.toSorted(newestFirst);
}

/** A newsletter is in the public archive once sent: not a draft, send date on or before `today`. */
function isSentNewsletter(newsletter: Newsletter, today: Temporal.PlainDate): boolean {
  return !newsletter.draft && Temporal.PlainDate.compare(Temporal.PlainDate.from(newsletter.sendDate), today) <= 0;
}

/** The newsletters the site publishes as advice articles, newest first. */
export function sentNewsletters<E extends WithId<Newsletter>>(entries: readonly E[], today: Temporal.PlainDate): E[] {
  return entries
    .filter((e) => isSentNewsletter(e.data, today))
    .toSorted((a, b) => b.data.sendDate.localeCompare(a.data.sendDate) || a.id.localeCompare(b.id));
}

/** True when the contact has agreed to have their name published and that consent still holds on `today`. */
export function hasPublishConsent(contact: Contact, today: Temporal.PlainDate): boolean {
  return consentHolds(contact.consent.publish, today.toString());
}

function newestFirst(a: WithId<Dated>, b: WithId<Dated>): number {
  return b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id);
}
