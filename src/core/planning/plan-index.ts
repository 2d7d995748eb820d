/**
 * The planner's indices over history, built once a plan: the last due day of each step and the
 * last entry of each touch, grouped by the parts of their ids, so that planning a contact looks
 * them up with the ids in hand and builds no key; and the day texts the touch ids are made of.
 */
import type { Households } from '../contacts/index.ts';
import { formatDay, type Day } from '../calendar/index.ts';
import type { HistoryEntry } from '../model/index.ts';
import { parseTouchId } from '../touches/index.ts';

/** Days by contact, then plan, then step. */
export type LastDueByParts = Map<string, Map<string, Map<string, Day>>>;
/** Entries by contact, plan, step and due day (as text), the parts of a touch id. */
export type LastByParts = Map<string, Map<string, Map<string, Map<string, HistoryEntry>>>>;
/** Whether another member of the contact's household already had this household step's touch. */
export type DoneInHousehold = (contact: string, plan: string, step: string, due: string) => boolean;

/** `stepKey`-keyed days regrouped by contact, plan and step. */
export function byContact(lastDue: ReadonlyMap<string, Day>): LastDueByParts {
  const grouped: LastDueByParts = new Map();
  for (const [key, day] of lastDue) {
    const parts = key.split('\u0000');
    // Ids are never empty nor hold a NUL, so a key of any other shape matches no step.
    if (parts.length !== 3) continue;
    const [contact, plan, step] = parts;
    let plans = grouped.get(contact);
    if (!plans) grouped.set(contact, (plans = new Map()));
    let steps = plans.get(plan);
    if (!steps) plans.set(plan, (steps = new Map()));
    steps.set(step, day);
  }
  return grouped;
}

/**
 * History's last entries regrouped by the four parts of their touch ids. A lookup then hashes no
 * new string: building and hashing a touch id per candidate cost a tenth of the plan. Ids hold no
 * dots (see `IdSchema`), so a key that is not four parts is no touch the planner can ask about.
 */
export function byTouchParts(last: ReadonlyMap<string, HistoryEntry>): LastByParts {
  const grouped: LastByParts = new Map();
  for (const [touch, entry] of last) {
    const parts = parseTouchId(touch);
    if (!parts) continue;
    const { contact, plan, step, due } = parts;
    let plans = grouped.get(contact);
    if (!plans) grouped.set(contact, (plans = new Map()));
    let steps = plans.get(plan);
    if (!steps) plans.set(plan, (steps = new Map()));
    let dues = steps.get(step);
    if (!dues) steps.set(step, (dues = new Map()));
    dues.set(due, entry);
  }
  return grouped;
}

/**
 * A household step is one touch for the household: sent or done for one member (a card posted to
 * the couple before both were contacts, say), it is not due again for the others. A member's skip
 * (they unsubscribed) settles nothing for the rest.
 */
export function doneInHousehold(households: Households, steps: ReadonlySet<string>, last: LastByParts): DoneInHousehold {
  return (contact, plan, step, due) => {
    const members = households.get(contact);
    if (!members || !steps.has(`${plan}\0${step}`)) return false;
    return members.some((m) => {
      const event = m === contact ? undefined : last.get(m)?.get(plan)?.get(step)?.get(due)?.event;
      return event === 'sent' || event === 'done';
    });
  };
}

export function dayTexts(): (day: Day) => string {
  const cache = new Map<Day, string>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) cache.set(day, (text = formatDay(day)));
    return text;
  };
}
