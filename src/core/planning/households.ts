/**
 * One touch per household: the members' touches of a step planned `per: household` are folded
 * into one, led by the first member in id order. Each member was planned on their own, so consent,
 * unsubscribes, bounces and email limits still hold per person: a member who may not be emailed
 * has no touch to fold, and the others still get theirs.
 */
import type { Households } from '../contacts/index.ts';
import type { Plan, Step } from '../model/index.ts';
import type { DueTouch } from '../touches/index.ts';

/** The layouts whose words suit a household as well as one person. */
const HOUSEHOLD_LAYOUTS = new Set(['above-and-beyond', 'testimonial-request', 'introduction-ask']);

/**
 * Whom one touch of `step` is for, when the step does not say: the household for newsletters,
 * sequences, recaps, testimonial requests and introduction asks; each person for the rest.
 */
export function stepPer(step: Step): 'household' | 'person' {
  if (step.per) return step.per;
  if (step.due.rule === 'newsletter' || step.due.rule === 'sequence') return 'household';
  if (step.purpose === 'introduction-ask') return 'household';
  return step.template && HOUSEHOLD_LAYOUTS.has(step.template) ? 'household' : 'person';
}

/** The steps planned `per: household`, as `plan\0step` keys. */
export function householdSteps(plans: readonly { id: string; data: Plan }[]): Set<string> {
  const keys = new Set<string>();
  for (const plan of plans) for (const step of plan.data.steps) if (stepPer(step) === 'household') keys.add(`${plan.id}\0${step.id}`);
  return keys;
}

/**
 * Folds the touches of household steps that members share (same plan, step, due day and planned
 * day) into the first member's, in the order of `due`. Other touches pass through as they are.
 */
export function foldHouseholds(due: readonly DueTouch[], households: Households, steps: ReadonlySet<string>): DueTouch[] {
  if (households.size === 0 || steps.size === 0) return [...due];
  // Each touch, or each group of members' touches, in the order its first touch came in `due`.
  const groups = new Map<string, DueTouch[]>();
  const order: (DueTouch | DueTouch[])[] = [];
  for (const touch of due) {
    const members = households.get(touch.contact);
    if (!members || !steps.has(`${touch.plan}\0${touch.step}`)) {
      order.push(touch);
      continue;
    }
    const key = `${members[0]}\0${touch.plan}\0${touch.step}\0${touch.due}\0${touch.date}`;
    const group = groups.get(key);
    if (group) group.push(touch);
    else {
      groups.set(key, [touch]);
      order.push(groups.get(key) as DueTouch[]);
    }
  }
  return order.map((item) => {
    if (!Array.isArray(item)) return item;
    if (item.length === 1) return item[0];
    const [lead, ...rest] = item.toSorted((a, b) => (a.contact < b.contact ? -1 : 1));
    return { ...lead, household: rest };
  });
}
