import { eventsAttended } from './events.ts';
import { giftsGiven, suggestGift } from '../referrals/index.ts';
import type { ClientEvent, Contact, Referral, Settings, Entry } from '../model/index.ts';
import type { DueTouch } from '../touches/index.ts';

/** What the hints on a personal touch read. */
export type HintInput = {
  settings: Partial<Pick<Settings, 'giftBudget' | 'currency'>>;
  referrals: readonly Entry<Referral>[];
  events?: readonly Entry<ClientEvent>[];
};

/** An event a contact came to is worth a mention for this many days after it. */
const EVENT_MENTION_DAYS = 90;

// Each planning run's referrals, by referrer, so a year of gift tasks does not scan them all each time.
const byReferrer = new WeakMap<readonly Entry<Referral>[], Map<string, Entry<Referral>[]>>();
function referralsOf(referrals: readonly Entry<Referral>[], id: string): Entry<Referral>[] {
  let index = byReferrer.get(referrals);
  if (!index) byReferrer.set(referrals, (index = Map.groupBy(referrals, (r) => r.data.referrer)));
  return index.get(id) ?? [];
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * The facts a person doing a personal touch should have in front of them, put before the plan's
 * suggested line: for a referral's thank-you gift (`referralGift`), what to choose (likes that
 * match no dislike, within the tier's budget, not what was given before); for any personal touch,
 * the latest client event the contact came to in the last `EVENT_MENTION_DAYS` days.
 */
export function withHints(touch: DueTouch, contact: Entry<Contact>, input: HintInput, referralGift = false): DueTouch {
  if (touch.channel === 'email') return touch;
  const hints: string[] = [];
  const { giftBudget, currency } = input.settings;
  if (referralGift && giftBudget && currency) {
    const gift = suggestGift(
      contact.data,
      { giftBudget, currency },
      giftsGiven(contact.id, referralsOf(input.referrals, contact.id), touch.date),
    );
    hints.push(sentence(`Gift: ${gift.line}`));
  }
  const came = eventsAttended(contact.id, input.events ?? [], touch.date)[0];
  if (came && Temporal.PlainDate.from(came.date).until(touch.date).days <= EVENT_MENTION_DAYS) {
    hints.push(`They came to ${came.name} on ${came.date}; a word about it shows we noticed.`);
  }
  if (hints.length === 0) return touch;
  return { ...touch, suggestion: [...hints, touch.suggestion].filter(Boolean).join(' ') };
}
