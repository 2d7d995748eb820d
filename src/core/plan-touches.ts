import type { Entry } from './validate.ts';
import type { Contact, HistoryEntry, Newsletter, Plan, Referral, Settings } from './schema/index.ts';
import type { DueTouch, MissedTouch, SkippedTouch } from './touch.ts';

/** The settings the planner reads. */
export type PlanSettings = Pick<Settings, 'timeZone' | 'limits' | 'graceDays'>;

/** What the planner plans from: the validated content (a `Content` with its settings fits). */
export type PlanInput = {
  settings: PlanSettings;
  contacts: readonly Entry<Contact>[];
  plans: readonly Entry<Plan>[];
  newsletters: readonly Entry<Newsletter>[];
  referrals: readonly Entry<Referral>[];
  history: readonly HistoryEntry[];
};

/** The days to plan: `days` calendar days starting with `from`, in the business's time zone. */
export type PlanRange = { from: Temporal.PlainDate; days: number };

export type PlanResult = {
  /** Touches planned on a day of the range, sorted by date, contact, plan, step. */
  due: DueTouch[];
  /** Touches due in the range (or the grace window before it) that will not happen, with why. */
  skipped: SkippedTouch[];
  /** Touches that came due but passed the grace window without being planned. */
  missed: MissedTouch[];
};

/**
 * Plans the touches due on each day of `range`. Pure: no clock, disk or network. Touches that came
 * due before `range.from` inside `settings.graceDays` and have no outcome in history are planned on
 * `range.from`; older ones are listed as missed.
 */
export function planTouches(input: PlanInput, range: PlanRange): PlanResult {
  void input;
  void range;
  return { due: [], skipped: [], missed: [] };
}
