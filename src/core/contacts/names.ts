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

/** "You and Tom" when the contact has a partner, else "You": how a frame of reference begins. */
export function youAndPartner(contact: Pick<Contact, 'household'>): string {
  const partner = partnerFirstName(contact);
  return partner ? `You and ${partner}` : 'You';
}
