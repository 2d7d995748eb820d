import type { Contact } from '../model/index.ts';

/** Someone with a name: a contact, the person they referred, a testimonial's author. */
type Named = { name: string; firstName?: string };

/** The first word of a name. */
export function firstWord(name: string): string {
  return name.trim().split(/\s+/)[0];
}

/** What to call someone: their `firstName`, or the first word of their name. */
export function firstNameOf(person: Named): string {
  return person.firstName ?? firstWord(person.name);
}

/** "Ana R.": the first name and the initial of the last word, as public quotes name people. */
export function shortName(person: Named): string {
  const words = person.name.trim().split(/\s+/);
  const first = firstNameOf(person);
  return words.length > 1 ? `${first} ${words.at(-1)?.charAt(0)}.` : first;
}

/** Relations that make a household member the contact's partner. */
const PARTNERS = /^(partner|spouse|husband|wife|fianc[eé]e?)$/i;

/** The first name of the contact's partner, when their household names one. */
export function partnerFirstName(contact: Pick<Contact, 'household'>): string | undefined {
  const partner = contact.household.find((h) => PARTNERS.test(h.relation));
  return partner ? firstWord(partner.name) : undefined;
}

/** Looks a contact up by id, as far as the words about them need. */
export type ContactLookup = (id: string) => Pick<Contact, 'communities'> | undefined;

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The first name of the contact's partner when the partner is in `community` too, which is known
 * only when the partner has a contact file (`household[].contact`) that lists the same community.
 */
function partnerIn(contact: Pick<Contact, 'household'>, community: string, lookup: ContactLookup): string | undefined {
  const partner = contact.household.find((h) => PARTNERS.test(h.relation));
  const theirs = partner?.contact ? lookup(partner.contact) : undefined;
  return partner && theirs?.communities.some((c) => sameName(c.name, community)) ? firstWord(partner.name) : undefined;
}

/**
 * How a frame of reference begins: "You and Sarah" when the partner is in the community named
 * too (see `partnerIn`), else "You". Words about a relationship are true for the person they name.
 */
export function youAndPartner(contact: Pick<Contact, 'household'>, community: string, lookup: ContactLookup): string {
  const partner = partnerIn(contact, community, lookup);
  return partner ? `You and ${partner}` : 'You';
}

/**
 * A name as a file name: lower-case ASCII letters and digits joined by single hyphens; accents
 * dropped (`José` → `jose`). Contacts, testimonials and referrals are named this way.
 */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/ß/g, 'ss')
      // Letters that Unicode does not decompose into a base letter and an accent.
      .replace(/[łøđðıæœþ]/g, (c) => ({ ł: 'l', ø: 'o', đ: 'd', ð: 'd', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th' })[c] ?? c)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}
