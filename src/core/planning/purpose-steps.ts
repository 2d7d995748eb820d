import { formatDay, type Day } from '../calendar/index.ts';
import { mayEmailOn } from '../contacts/index.ts';
import {
  askBlocked,
  askFrame,
  asksByContact,
  askSteps,
  introductionIndex,
  suggestFor,
  type IntroductionIndex,
} from '../referrals/index.ts';
import type { Contact, HistoryEntry, Plan, Referral, Step, Entry } from '../model/index.ts';
import { because, type Reason } from '../reasons/index.ts';

/** What a purposeful step adds to its touch, or why it is skipped. */
export type Filled = { skip: Reason } | { task?: string; suggestion?: string };

export type PurposeInput = {
  contacts: readonly Entry<Contact>[];
  referrals: readonly Entry<Referral>[];
  plans: readonly Entry<Plan>[];
  history: readonly HistoryEntry[];
  daysBetweenAsks: number;
};

const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');

/**
 * Fills in the steps that have a `purpose`, for one contact, in order of due day: refer-back
 * steps name who to introduce them to; introduction asks keep their gap and wait while a
 * referral of theirs is being handled, and carry a frame and a line. Asks let through count
 * against the later ones, except those in `unsent`: asks the planner found will never go out.
 */
export function purposeFiller(
  input: PurposeInput,
): (contact: Entry<Contact>, unsent?: ReadonlySet<string>) => (step: Step, due: Day, touch: string) => Filled {
  const asked = asksByContact(input.history, askSteps(input.plans));
  // Names are wanted only when an ask waits on a referral: the index waits for the first one.
  let names: Map<string, string> | undefined;
  const nameOf = (id: string) => (names ??= new Map(input.contacts.map((c) => [c.id, c.data.name]))).get(id) ?? id;
  let byId: Map<string, Contact> | undefined;
  const lookup = (id: string) => (byId ??= new Map(input.contacts.map((c) => [c.id, c.data]))).get(id);
  const referralsBy = Map.groupBy(input.referrals, (r) => r.data.referrer);
  const indexes = new Map<string, IntroductionIndex>();
  const indexOn = (date: Temporal.PlainDate) => {
    const key = date.toString();
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = introductionIndex(input.contacts, input.referrals, date)));
    return index;
  };
  return (contact, unsent) => {
    const asks = [...(asked.get(contact.id) ?? [])];
    return (step, due, touch) => {
      const date = Temporal.PlainDate.from(formatDay(due));
      if (step.purpose === 'refer-back') {
        const found = suggestFor(indexOn(date), contact.id);
        if (found.length === 0) return { skip: because('NoIntroductionFits') };
        const [best, ...others] = found;
        const also = others.length ? `Also worth a thought: ${others.map((o) => `${o.name} (${o.reason})`).join('; ')}.` : undefined;
        return {
          task: `${(step.task ?? '').replace(/\.$/, '')}: introduce {{name}} to ${best.name}`,
          suggestion: join(`Introduce {{name}} to ${best.name}: ${best.reason}.`, also, step.suggestion),
        };
      }
      if (step.purpose === 'introduction-ask') {
        // An email no one may send is skipped by the planner with its reason, and asks nothing.
        if (step.channel === 'email' && !mayEmailOn(contact.data, formatDay(due)).ok) return {};
        const blocked = askBlocked(contact.id, touch, due, asks, input.daysBetweenAsks, referralsBy.get(contact.id) ?? [], nameOf);
        if (blocked) return { skip: blocked };
        const before = asks.filter((a) => a.due < due).length;
        if (!unsent?.has(touch) && !asks.some((a) => a.touch === touch)) asks.push({ touch, due });
        if (step.channel === 'email') return {};
        const { frame, line } = askFrame(contact.data, before, lookup);
        return { suggestion: join(`Frame: ${frame}.`, `"${line}"`, step.suggestion) };
      }
      return {};
    };
  };
}
