import type { Day } from '../calendar/index.ts';
import type { Reason } from '../reasons/index.ts';

/** What the scheduler needs to know of a touch. */
export type Queued = { due: Day; priority: number; rank: number; plan: string; step: string };

/**
 * The order in which one contact's emails get a free day: higher plan priority first, then the
 * stronger rule kind (referral thanks before a newsletter), then the older due day, then plan and
 * step id, so every run decides the same way.
 */
export function byPriority(a: Queued, b: Queued): number {
  return (
    b.priority - a.priority ||
    b.rank - a.rank ||
    a.due - b.due ||
    (a.plan < b.plan ? -1 : a.plan > b.plan ? 1 : 0) ||
    (a.step < b.step ? -1 : a.step > b.step ? 1 : 0)
  );
}

export type EmailLimits = {
  /** At most this many automated emails for one contact in any seven days. */
  perWeek: number;
  /** A touch not placed within this many days of its due day is missed. */
  graceDays: number;
};

export type Schedule<T> = {
  placed: { touch: T; day: Day }[];
  /** Touches a check turned down on the day they would have gone, with its reason. */
  refused: { touch: T; day: Day; reason: Reason }[];
  /** Touches held back by the limits until the grace window closed. */
  expired: T[];
};

/**
 * Gives one contact's automated emails their days within [from, end]: at most one a day and
 * `perWeek` in any seven days, counting `sentDays` from history. Each day the strongest waiting
 * touch goes (see `byPriority`), unless it would use the week's last room that a stronger touch
 * due in the next six days needs; the others wait for the next free day, keeping their due day.
 * Pass the touches due up to `end + 6` so the last days see what is coming. `check` may turn a
 * touch down on a day (consent lapsed). Touches still waiting after `end` are left for later runs.
 */
export function scheduleEmails<T extends Queued>(
  touches: readonly T[],
  from: Day,
  end: Day,
  sentDays: readonly Day[],
  limits: EmailLimits,
  check: (touch: T, day: Day) => Reason | undefined,
): Schedule<T> {
  const result: Schedule<T> = { placed: [], refused: [], expired: [] };
  const arriving = touches.toSorted((a, b) => a.due - b.due);
  const sent = [...sentDays];
  const sentIn = (first: Day, last: Day) => sent.reduce((n, d) => (d >= first && d <= last ? n + 1 : n), 0);
  const reservedFor = (upcoming: readonly T[], first: number, best: T, day: Day): boolean => {
    for (let i = first; i < upcoming.length && upcoming[i].due <= day + 6; i++) {
      const u = upcoming[i];
      if (byPriority(u, best) >= 0 || sentIn(u.due, u.due) > 0 || check(u, u.due) !== undefined) continue;
      if (sentIn(u.due - 6, u.due) + 2 > limits.perWeek) return true;
    }
    return false;
  };
  let waiting: T[] = [];
  let next = 0;
  for (let day = from; day <= end; day++) {
    while (next < arriving.length && arriving[next].due <= day) waiting.push(arriving[next++]);
    if (waiting.length === 0) {
      if (next >= arriving.length) break;
      day = Math.max(day, arriving[next].due) - 1;
      continue;
    }
    waiting = waiting.filter((touch) => {
      if (day - touch.due > limits.graceDays) {
        result.expired.push(touch);
        return false;
      }
      const reason = check(touch, day);
      if (reason !== undefined) result.refused.push({ touch, day, reason });
      return reason === undefined;
    });
    if (waiting.length === 0 || sentIn(day, day) > 0 || sentIn(day - 6, day) >= limits.perWeek) continue;
    const best = waiting.reduce((a, b) => (byPriority(b, a) < 0 ? b : a));
    // Keep the week's room for a stronger touch due in the next six days (a birthday on its day
    // rather than two days late because a newsletter took its place).
    if (reservedFor(arriving, next, best, day)) continue;
    waiting = waiting.filter((t) => t !== best);
    result.placed.push({ touch: best, day });
    sent.push(day);
  }
  return result;
}
