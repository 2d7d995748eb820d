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
