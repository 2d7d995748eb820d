import type { ClientEvent } from './event.ts';
import type { Contact } from './contact.ts';
import type { HistoryEntry } from './history.ts';
import type { Newsletter } from './newsletter.ts';
import type { Plan } from './plan.ts';
import type { Referral } from './referral.ts';
import type { Result } from './result.ts';
import type { Settings } from './settings.ts';
import type { Testimonial } from './testimonial.ts';

/** One record of a collection: its id (the file name), its file, its data. */
export type Entry<T> = { id: string; file: string; data: T };
/** A record written as MDX: front matter as data, the rest as body. */
type MdxEntry<T> = Entry<T> & { body: string };

/** Everything in a content folder that validated. */
export type Content = {
  settings?: Settings;
  contacts: Entry<Contact>[];
  plans: Entry<Plan>[];
  newsletters: MdxEntry<Newsletter>[];
  results: MdxEntry<Result>[];
  referrals: Entry<Referral>[];
  /** Referrals still marked `draft`: listed by `check`, acted on by nothing else. */
  referralDrafts: Entry<Referral>[];
  testimonials: MdxEntry<Testimonial>[];
  events: Entry<ClientEvent>[];
  history: HistoryEntry[];
};

export function emptyContent(): Content {
  return {
    contacts: [],
    plans: [],
    newsletters: [],
    results: [],
    referrals: [],
    referralDrafts: [],
    testimonials: [],
    events: [],
    history: [],
  };
}
