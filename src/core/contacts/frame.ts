/**
 * The frame of reference of an introduction ask: "You and Sarah are part of the choir…". One home
 * for its words, so the email and the call's suggestion say the same true thing: a partner is
 * named only when they are in the community too, and only a client hears of having been looked
 * after.
 */
import type { Contact, Segment } from '../model/index.ts';
import { partnerFirstName, youAndPartner, type ContactLookup } from './names.ts';

/** What we would do for the people they know, said as it is true for each segment. */
const OFFERS: Record<Segment, string> = {
  'past-client': 'we would be glad to look after them the way we looked after you',
  sphere: 'we would be glad to help them, with the care a friend of yours deserves',
  partner: 'we would be glad to help them, and to send work your way in return where we can',
  prospect: 'we would be glad to help them too',
};

/**
 * The line that frames an ask by one community: who is in it (see `youAndPartner`) and what we
 * offer its people. With no community, the people they know around here.
 */
export function frameLine(contact: Pick<Contact, 'household' | 'segment'>, community: string | undefined, lookup: ContactLookup): string {
  const offer = OFFERS[contact.segment];
  if (community === undefined) {
    const partner = partnerFirstName(contact);
    return `${partner ? `You and ${partner}` : 'You'} know a lot of people around here. If anyone is thinking of moving, ${offer}.`;
  }
  const you = youAndPartner(contact, community, lookup);
  return `${you} are part of ${community}. If anyone there is thinking of moving, or just wondering what their home is worth, ${offer}.`;
}

/** Someone a household email greets, as the frame needs them. */
type Greeted = Pick<Contact, 'communities'> & { firstName: string };

/**
 * The frame of an ask one email makes to a whole household (see `frameLine` for one person): true
 * for each person it greets. A community they all share frames it for all of them; otherwise each
 * is named with their own ("Tom, you are part of the golf club, and Sarah, of the school's PTA").
 */
export function householdFrameLine(segment: Segment, people: readonly Greeted[]): string {
  const offer = OFFERS[segment];
  const firsts = people.map((p) => p.communities[0]?.name);
  const shared = people[0]?.communities.find((c) => people.every((p) => p.communities.some((o) => o.name === c.name)))?.name;
  const all = people.length === 2 ? 'both' : 'all';
  if (shared)
    return `You are ${all} part of ${shared}. If anyone there is thinking of moving, or just wondering what their home is worth, ${offer}.`;
  const named = people.flatMap((p, i) => (firsts[i] ? [{ name: p.firstName, community: firsts[i] }] : []));
  if (named.length === 0) return `You ${all} know a lot of people around here. If anyone is thinking of moving, ${offer}.`;
  const parts = named.map((n, i) => (i === 0 ? `${n.name}, you are part of ${n.community}` : `${n.name}, of ${n.community}`));
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}`;
  return `${list}. If anyone there is thinking of moving, or just wondering what their home is worth, ${offer}.`;
}
