/**
 * Personal occasions: a touch due on a birthday is no place for a sales block (a result near
 * them), whatever its layout.
 */
import type { Content } from '../model/index.ts';

/** `plan\0step` of every step due on a contact's birthday. */
export function birthdaySteps(plans: Content['plans']): Set<string> {
  return new Set(
    plans.flatMap((p) =>
      p.data.steps.filter((s) => s.due.rule === 'anniversary' && s.due.of === 'birthday').map((s) => `${p.id}\u0000${s.id}`),
    ),
  );
}
