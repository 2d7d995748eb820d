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
