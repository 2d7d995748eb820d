import type { Audience, Contact } from '../model/index.ts';

const anyOf = <T>(wanted: readonly T[] | undefined, has: (value: T) => boolean): boolean => wanted?.some(has) ?? false;

/**
 * Whether a contact belongs to an audience: in one of its segments, one of its tiers and with one
 * of its tags (a list left out or empty means everyone), and matched by nothing in `exclude`.
 */
export function inAudience(id: string, contact: Contact, audience: Audience): boolean {
  const { segments, tiers, tags, exclude } = audience;
  if (segments?.length && !segments.includes(contact.segment)) return false;
  if (tiers?.length && !tiers.includes(contact.tier)) return false;
  if (tags?.length && !tags.some((tag) => contact.tags.includes(tag))) return false;
  if (!exclude) return true;
  return !(
    anyOf(exclude.contacts, (c) => c === id) ||
    anyOf(exclude.segments, (s) => s === contact.segment) ||
    anyOf(exclude.tiers, (t) => t === contact.tier) ||
    anyOf(exclude.tags, (t) => contact.tags.includes(t))
  );
}

/**
 * Why a contact is outside an audience, in the owner's words, or undefined when they are in it.
 * The same test as `inAudience`, which stays the fast path for the planner.
 */
export function whyNotInAudience(id: string, contact: Contact, audience: Audience): string | undefined {
  const { segments, tiers, tags, exclude } = audience;
  if (segments?.length && !segments.includes(contact.segment))
    return `their segment is ${contact.segment}; the audience is ${segments.join(', ')}`;
  if (tiers?.length && !tiers.includes(contact.tier)) return `their tier is ${contact.tier}; the audience is ${tiers.join(', ')}`;
  if (tags?.length && !tags.some((tag) => contact.tags.includes(tag))) {
    const theirs = contact.tags.length ? `their tags are ${contact.tags.join(', ')}` : 'they have no tags';
    return `${theirs}; the audience wants one of ${tags.join(', ')}`;
  }
  if (exclude?.contacts?.includes(id)) return 'the audience leaves them out by name';
  if (exclude?.segments?.includes(contact.segment)) return `the audience leaves out the ${contact.segment} segment`;
  if (exclude?.tiers?.includes(contact.tier)) return `the audience leaves out the ${contact.tier} tier`;
  const tag = exclude?.tags?.find((t) => contact.tags.includes(t));
  if (tag !== undefined) return `the audience leaves out the tag ${tag}`;
  return undefined;
}
