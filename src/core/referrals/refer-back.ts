import { words } from './words.ts';
import { consentHolds } from '../contacts/index.ts';
import type { Contact, Referral, Entry } from '../model/index.ts';

/** May this contact be introduced to another on `day`: their `consent.introductions` holds. */
function mayIntroduce(contact: Contact, day: string): boolean {
  return consentHolds(contact.consent.introductions, day);
}

/** One introduction to make for a contact: who to introduce them to, and why. */
export type IntroductionSuggestion = {
  /** The contact the business refers work back to. */
  contact: string;
  /** The contact to introduce to them. */
  introduce: string;
  name: string;
  /** "tagged first-time-buyer; looking for: a first flat; both in Priory Fields Primary PTA". */
  reason: string;
  /** The stemmed words that matched. */
  matched: string[];
};

/** A word in more than this share of contacts' files says nothing about one of them ("lewes", "family"). */
const COMMON_SHARE = 0.2;

type Signal = { label: string; words: string[]; need?: true };

function signalsOf(id: string, contact: Contact, needs: ReadonlyMap<string, string[]>): Signal[] {
  return [
    ...contact.tags.map((tag) => ({ label: `tagged ${tag}`, words: words(tag.replaceAll('-', ' ')) })),
    ...(needs.get(id) ?? []).map((need) => ({ label: `looking for: ${need}`, words: words(need), need: true as const })),
  ];
}

const sameCommunity = (a: Contact, b: Contact) =>
  a.communities.find((c) => b.communities.some((d) => d.name.toLowerCase() === c.name.toLowerCase()))?.name;

const linked = (aId: string, a: Contact, bId: string, b: Contact) =>
  a.referredBy === bId || b.referredBy === aId || a.household.some((h) => h.contact === bId) || b.household.some((h) => h.contact === aId);

/** What suggesting introductions on one day reads, built once for every contact asked about. */
export type IntroductionIndex = {
  day: string;
  contacts: ReadonlyMap<string, Contact>;
  /** Contacts whose consent to be introduced holds on the day, with their signals. */
  profiles: ReadonlyMap<string, Signal[]>;
  /** Which of those profiles have each word, to look at only the ones that can match. */
  byWord: ReadonlyMap<string, readonly string[]>;
  /** Contacts each contact referred or was referred by. */
  related: ReadonlyMap<string, ReadonlySet<string>>;
  telling: (list: string[]) => string[];
};

/** Builds the index `suggestFor` reads on `day`. */
export function introductionIndex(
  contacts: readonly Entry<Contact>[],
  referrals: readonly Entry<Referral>[],
  day: Temporal.PlainDate,
): IntroductionIndex {
  const text = day.toString();
  // A need stated more than a year ago has usually been met (or has moved on).
  const since = day.subtract({ years: 1 }).toString();
  const needs = new Map<string, string[]>();
  const related = new Map<string, Set<string>>();
  const relate = (a: string, b: string) => related.set(a, (related.get(a) ?? new Set()).add(b));
  for (const { data: r } of referrals) {
    if (r.need && r.date <= text && r.date >= since) needs.set(r.referred, [...(needs.get(r.referred) ?? []), r.need]);
    relate(r.referrer, r.referred);
    relate(r.referred, r.referrer);
  }
  const frequency = new Map<string, number>();
  const profiles = new Map<string, Signal[]>();
  const byWord = new Map<string, string[]>();
  for (const { id, data } of contacts) {
    const signals = signalsOf(id, data, needs);
    const all = new Set([
      ...signals.flatMap((x) => x.words),
      ...words([data.area, data.offers, data.goodReferral, data.notes].filter(Boolean).join(' ')),
    ]);
    for (const w of all) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    if (!mayIntroduce(data, text)) continue;
    profiles.set(id, signals);
    for (const w of new Set(signals.flatMap((x) => x.words))) byWord.set(w, [...(byWord.get(w) ?? []), id]);
  }
  const common = Math.max(1, contacts.length * COMMON_SHARE);
  return {
    day: text,
    contacts: new Map(contacts.map((c) => [c.id, c.data])),
    profiles,
    byWord,
    related,
    telling: (list) => list.filter((w) => (frequency.get(w) ?? 0) <= common),
  };
}

/**
 * Who the business could introduce to `id`, as a way of referring work back to them: contacts
 * whose tags or stated needs (the `need` of referrals that brought them) share words with
 * what a good referral for `id` looks like (`goodReferral`), or whose needs share words with what
 * `id` offers. A shared community makes the introduction easier and is named. Never someone whose
 * consent to be introduced does not hold on `day`, someone already linked to them (household,
 * referred by or to them), or the contact themself. Best first; at most `limit`.
 */
export function suggestIntroductions(
  id: string,
  contacts: readonly Entry<Contact>[],
  referrals: readonly Entry<Referral>[],
  day: Temporal.PlainDate,
  limit = 3,
): IntroductionSuggestion[] {
  return suggestFor(introductionIndex(contacts, referrals, day), id, limit);
}

/** `suggestIntroductions` from an index built once for the day. */
export function suggestFor(index: IntroductionIndex, id: string, limit = 3): IntroductionSuggestion[] {
  const self = index.contacts.get(id);
  if (!self || (!self.goodReferral && !self.offers)) return [];
  const wanted = index.telling(words(self.goodReferral ?? ''));
  const offered = index.telling(words(self.offers ?? ''));
  const wantedSet = new Set(wanted);
  const either = new Set([...wanted, ...offered]);
  const candidates = new Set([...either].flatMap((w) => index.byWord.get(w) ?? []));
  const related = index.related.get(id);
  // Score every candidate first and write up reasons only for the best: a partner plan may ask
  // about thousands of contacts on one day.
  const scored: { other: string; score: number }[] = [];
  for (const other of candidates) {
    const data = index.contacts.get(other);
    const signals = index.profiles.get(other);
    if (!data || !signals || other === id || related?.has(other) || linked(id, self, other, data)) continue;
    let hits = 0;
    let words = 0;
    for (const signal of signals) {
      const against = signal.need ? either : wantedSet;
      let shared = 0;
      for (const w of signal.words) if (against.has(w)) shared++;
      if (shared) hits++;
      words += shared;
    }
    if (words === 0) continue;
    scored.push({ other, score: words + (hits + (sameCommunity(self, data) ? 1 : 0)) / 2 });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.other.localeCompare(b.other))
    .slice(0, limit)
    .map(({ other }) => {
      const data = index.contacts.get(other) as Contact;
      const reasons: string[] = [];
      const matched = new Set<string>();
      for (const signal of index.profiles.get(other) ?? []) {
        const against = signal.need ? either : wantedSet;
        const shared = signal.words.filter((w) => against.has(w));
        if (shared.length === 0) continue;
        reasons.push(signal.label);
        for (const w of shared) matched.add(w);
      }
      const community = sameCommunity(self, data);
      if (community) reasons.push(`both in ${community}`);
      return { contact: id, introduce: other, name: data.name, reason: reasons.join('; '), matched: [...matched] };
    });
}
