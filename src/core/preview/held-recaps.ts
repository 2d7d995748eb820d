/**
 * Recaps coming up with nothing to show: an email whose kind recaps the contact's own result
 * (see `EmailKind.recapsResult`) is held when no result names them. `npm run check` warns of
 * them while there is still time to add the result.
 */
import { EMAIL_KINDS } from '../email/index.ts';
import type { Content, Settings } from '../model/index.ts';
import { planTouches } from '../planning/index.ts';
import { because, reasonHint, type Reason } from '../reasons/index.ts';
import type { DueTouch } from '../touches/index.ts';

/** A touch coming up that will be held, why, and what the owner can do about it. */
export type HeldAhead = { touch: DueTouch; hint: string } & Reason;

/** The recaps planned from `from` for `days` days whose contact no result names by their day. */
export function heldRecaps(content: Content, settings: Settings, from: Temporal.PlainDate, days: number): HeldAhead[] {
  const layouts = new Set(EMAIL_KINDS.filter((k) => k.recapsResult).map((k) => k.layout));
  // Only the recap steps are planned: the rest of the plan is no business of this warning.
  const plans = content.plans
    .map((p) => ({ ...p, data: { ...p.data, steps: p.data.steps.filter((s) => layouts.has(s.template ?? '')) } }))
    .filter((p) => p.data.steps.length > 0);
  if (plans.length === 0) return [];
  const { due } = planTouches({ ...content, settings, plans }, { from, days });
  return due
    .filter((t) => !content.results.some((r) => r.data.client?.contact === t.contact && r.data.date <= t.date.toString()))
    .map((touch) => {
      const why = because('NoResultToRecap', { layout: touch.template ?? '' });
      return { touch, ...why, hint: reasonHint(why.code) };
    });
}
