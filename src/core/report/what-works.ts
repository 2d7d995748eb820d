/**
 * What came before a referral, beside what happened without it: for each plan, newsletter or
 * event, how many referrals came from the contacts it reached (within `WHAT_WORKS_DAYS` after a
 * touch), per 100 of them, and how many came from the contacts it did not reach, per 100 of those,
 * over one window. Pure.
 */

/** Touches that reached a contact this many days before a referral count as coming before it. */
export const WHAT_WORKS_DAYS = 90;

/**
 * Below this many referrals in a row, or this many contacts on either side, one referral more or
 * less changes the picture: the report says it is too soon to tell.
 */
const FEWEST_REFERRALS = 10;
const FEWEST_CONTACTS = 20;

export type WhatWorksRow = {
  source: string;
  label: string;
  /** Contacts it reached in the window. */
  reached: number;
  /** Referrals those contacts made within `WHAT_WORKS_DAYS` after one of its touches. */
  referrals: number;
  /** Its touches that came before those referrals. */
  touches: number;
  /** Contacts it did not reach in the window, and the referrals they made in it. */
  notReached: number;
  referralsNotReached: number;
  /** Whether the numbers are too small to tell a difference from chance. */
  tooFew: boolean;
};

type Touch = { contact: string; day: string; source: string };
type ReferralMade = { referrer: string; date: string };

/**
 * The rows, most referrals after first. `touches` are those that reached someone (or an event
 * someone came to), `referrals` every referral made, and `contacts` every contact id: the people a
 * plan could have reached. Only touches and referrals inside `window` count, on both sides.
 */
export function whatWorks(
  touches: readonly Touch[],
  referrals: readonly ReferralMade[],
  contacts: readonly string[],
  labels: ReadonlyMap<string, string>,
  window: { from: string; until: string },
): WhatWorksRow[] {
  const inWindow = touches.filter((t) => t.day >= window.from && t.day <= window.until);
  const made = referrals.filter((r) => r.date >= window.from && r.date <= window.until);
  const sources = [...new Set(inWindow.map((t) => t.source))];
  return sources
    .map((source) => {
      const theirs = inWindow.filter((t) => t.source === source);
      const reachedIds = new Set(theirs.map((t) => t.contact));
      const before = (r: ReferralMade) => {
        const start = Temporal.PlainDate.from(r.date).subtract({ days: WHAT_WORKS_DAYS }).toString();
        return theirs.filter((t) => t.contact === r.referrer && t.day >= start && t.day < r.date).length;
      };
      const after = made.filter((r) => before(r) > 0);
      const notReached = contacts.filter((c) => !reachedIds.has(c)).length;
      const referralsNotReached = made.filter((r) => !reachedIds.has(r.referrer)).length;
      return {
        source,
        label: labels.get(source) ?? source,
        reached: reachedIds.size,
        referrals: after.length,
        touches: after.reduce((n, r) => n + before(r), 0),
        notReached,
        referralsNotReached,
        tooFew: after.length + referralsNotReached < FEWEST_REFERRALS || reachedIds.size < FEWEST_CONTACTS || notReached < FEWEST_CONTACTS,
      };
    })
    .sort(
      (a, b) =>
        b.referrals - a.referrals ||
        perHundred(b.referrals, b.reached) - perHundred(a.referrals, a.reached) ||
        a.label.localeCompare(b.label),
    );
}

/** Referrals per 100 contacts, to a whole number; 0 when there are no contacts. */
export function perHundred(referrals: number, contacts: number): number {
  return contacts ? Math.round((referrals / contacts) * 100) : 0;
}
