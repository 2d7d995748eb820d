/**
 * Due rules: when a plan step is due. One file per kind, each exporting its schema, due days,
 * rank and trigger; `DUE_RULES` below is the registry that the plan schema, its error message,
 * the planner and the referral loop read. Adding a kind is one file and one line in the list.
 */
import { z } from 'zod';
import type { Day } from '../calendar/index.ts';
import { after } from './after.ts';
import { anniversary } from './anniversary.ts';
import { every } from './every.ts';
import { keepInTouch } from './keep-in-touch.ts';
import { monthly } from './monthly.ts';
import { newsletter } from './newsletter.ts';
import { quarterly } from './quarterly.ts';
import type { RuleContext, RuleDue, Trigger } from './rule.ts';
import { sequence } from './sequence.ts';
import { yearly } from './yearly.ts';

/** Every kind of due rule, in the order messages list them. */
const DUE_RULES = [every, keepInTouch, monthly, quarterly, yearly, anniversary, after, sequence, newsletter] as const;

type Kind = (typeof DUE_RULES)[number];
type Schemas = [Kind['schema'], ...Kind['schema'][]];

const names = DUE_RULES.map((kind) => kind.name);

/** When a step is due. `rule` says which kind of rule it is. */
export const DueRuleSchema = z.discriminatedUnion('rule', DUE_RULES.map((kind) => kind.schema) as Schemas, {
  error: `should name a rule: ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`,
});
export type DueRule = z.output<typeof DueRuleSchema>;

/** A kind seen from outside: each is only ever called with rules of its own name. */
type AnyKind = {
  rank: number;
  trigger?: (rule: DueRule) => Trigger;
  dueDays: (rule: DueRule, ctx: RuleContext, start: Day, end: Day) => RuleDue[];
};
const BY_NAME = Object.fromEntries(DUE_RULES.map((kind) => [kind.name, kind])) as unknown as Record<DueRule['rule'], AnyKind>;

/** The days in [start, end] on which `rule` makes a step due for one contact. */
export function dueDays(rule: DueRule, ctx: RuleContext, start: Day, end: Day): RuleDue[] {
  return BY_NAME[rule.rule].dueDays(rule, ctx, start, end);
}

/** How strong a kind of rule is when two touches of plans with the same priority meet (higher first). */
export function ruleRank(rule: DueRule['rule']): number {
  return BY_NAME[rule].rank;
}

/** The trigger that starts a rule's clock, if it is counted from one. */
export function ruleTrigger(rule: DueRule): Trigger | undefined {
  return BY_NAME[rule.rule].trigger?.(rule);
}

export {
  ordinal,
  type ContactTriggers,
  type NewsletterIssue,
  type RuleContext,
  type RuleDue,
  type Trigger,
  type TriggerEvent,
} from './rule.ts';
