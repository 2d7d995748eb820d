/**
 * Results and testimonials about the same client, so each page can point to the other. Pure: the
 * site passes in its entries.
 */
import type { Result, Testimonial } from '../model/index.ts';
import { isPublicTestimonial } from './publish.ts';

type WithId<T> = { id: string; data: T };

/** For each result id, the testimonials about its client; for each testimonial id, the results. */
export type ClientLinks = { testimonialsOf: Map<string, string[]>; resultsOf: Map<string, string[]> };

/**
 * Links a result to a testimonial when both name the same contact, the testimonial is public, and
 * the result's client agreed to be named on the website. A result that keeps its client anonymous
 * ("A client in Offham") is never linked: a link to a named testimonial would undo the anonymity.
 * Ids are in the order given (pass the newest first).
 */
export function linkByClient(results: readonly WithId<Result>[], testimonials: readonly WithId<Testimonial>[]): ClientLinks {
  const byContact = new Map<string, string[]>();
  for (const t of testimonials) {
    const contact = t.data.author.contact;
    if (contact && isPublicTestimonial(t.data)) byContact.set(contact, [...(byContact.get(contact) ?? []), t.id]);
  }
  const links: ClientLinks = { testimonialsOf: new Map(), resultsOf: new Map() };
  for (const r of results) {
    const client = r.data.client;
    const about = client?.contact && client.consent?.scope.includes('website') ? byContact.get(client.contact) : undefined;
    if (!about) continue;
    links.testimonialsOf.set(r.id, about);
    for (const t of about) links.resultsOf.set(t, [...(links.resultsOf.get(t) ?? []), r.id]);
  }
  return links;
}
