import { sharedWords, words } from './words.ts';
import type { Contact, ConsentRecord, Referral } from './schema/index.ts';
import type { Entry } from './validate.ts';

/** Whether a consent record holds on a day (`YYYY-MM-DD`): given by then, neither withdrawn nor expired. */
export function consentHolds(record: ConsentRecord | undefined, day: string): boolean {
  if (!record || record.date > day) return false;
  if (record.withdrawn && record.withdrawn <= day) return false;
  return !(record.expires && record.expires < day);
}

/** May this contact be introduced to another on `day`: their `consent.introductions` holds. */
export function mayIntroduce(contact: Contact, day: string): boolean {
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

type Signal = { label: string; words: string[] };

function signalsOf(id: string, contact: Contact, needs: ReadonlyMap<string, string[]>): Signal[] {
  return [
    ...contact.tags.map((tag) => ({ label: `tagged ${tag}`, words: words(tag.replaceAll('-', ' ')) })),
    ...(needs.get(id) ?? []).map((need) => ({ label: `looking for: ${need}`, words: words(need) })),
  ];
}

const sameCommunity = (a: Contact, b: Contact) =>
  a.communities.find((c) => b.communities.some((d) => d.name.toLowerCase() === c.name.toLowerCase()))?.name;

const linked = (aId: string, a: Contact, bId: string, b: Contact) =>
  a.referredBy === bId || b.referredBy === aId || a.household.some((h) => h.contact === bId) || b.household.some((h) => h.contact === aId);

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
  const self = contacts.find((c) => c.id === id)?.data;
  if (!self || (!self.goodReferral && !self.offers)) return [];
  const text = day.toString();
  // A need stated more than a year ago has usually been met (or has moved on).
  const since = day.subtract({ years: 1 }).toString();
  const needs = new Map<string, string[]>();
  const related = new Set<string>();
  for (const { data: r } of referrals) {
    if (r.need && r.date <= text && r.date >= since) needs.set(r.referred, [...(needs.get(r.referred) ?? []), r.need]);
    if (r.referrer === id) related.add(r.referred);
    if (r.referred === id) related.add(r.referrer);
  }
  const profiles = contacts.map((c) => ({ entry: c, signals: signalsOf(c.id, c.data, needs) }));
  const frequency = new Map<string, number>();
  for (const { entry, signals } of profiles) {
    const { area, offers, goodReferral, notes } = entry.data;
    const all = [...signals.flatMap((s) => s.words), ...words([area, offers, goodReferral, notes].filter(Boolean).join(' '))];
    for (const w of new Set(all)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  }
  const telling = (list: string[]) => list.filter((w) => (frequency.get(w) ?? 0) <= Math.max(1, contacts.length * COMMON_SHARE));
  const wanted = telling(words(self.goodReferral ?? ''));
  const offered = telling(words(self.offers ?? ''));
  const found: (IntroductionSuggestion & { score: number })[] = [];
  for (const { entry, signals } of profiles) {
    if (entry.id === id || related.has(entry.id) || linked(id, self, entry.id, entry.data) || !mayIntroduce(entry.data, text)) continue;
    const reasons: string[] = [];
    const matched = new Set<string>();
    for (const signal of signals) {
      const against = signal.label.startsWith('looking for') ? [...wanted, ...offered] : wanted;
      const shared = sharedWords(signal.words, against);
      if (shared.length === 0) continue;
      reasons.push(signal.label);
      for (const w of shared) matched.add(w);
    }
    if (matched.size === 0) continue;
    const community = sameCommunity(self, entry.data);
    if (community) reasons.push(`both in ${community}`);
    found.push({ contact: id, introduce: entry.id, name: entry.data.name, reason: reasons.join('; '), matched: [...matched], score: matched.size + reasons.length / 2 });
  }
  return found
    .sort((a, b) => b.score - a.score || a.introduce.localeCompare(b.introduce))
    .slice(0, limit)
    .map(({ score: _, ...s }) => s);
}
