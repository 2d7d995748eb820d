import { businessDayOf, formatDay, parseDay } from '../calendar/index.ts';
import { joinList } from '../contacts/index.ts';
import { dueDays, ruleTrigger, type ContactTriggers, type RuleContext, type Trigger } from '../due-rules/index.ts';
import { sharedWords, words } from './words.ts';
import type { Contact, HistoryEntry, Plan, Referral, ReferralStatus, Settings, Step, Entry } from '../model/index.ts';
import { lastEntries } from '../touches/index.ts';

// Gifts --------------------------------------------------------------------------------------

/**
 * Kinds of gift a single word in a dislike rules out as a whole: someone who dislikes "alcohol"
 * gets no Rioja, someone allergic to nuts no praline. A like is also ruled out by any word it
 * shares with a dislike ("flowers" rules out "flowers from the market").
 */
const GIFT_KINDS: readonly (readonly string[])[] = [
  [
    'alcohol',
    'booze',
    'wine',
    'whisky',
    'whiskey',
    'beer',
    'ale',
    'gin',
    'rum',
    'vodka',
    'champagne',
    'prosecco',
    'rioja',
    'cider',
    'spirit',
    'brandy',
    'sherry',
    'cava',
    'bourbon',
    'scotch',
  ],
  ['sugar', 'sweet', 'chocolate', 'cake', 'biscuit', 'pastry', 'fudge', 'candy', 'toffee', 'truffle', 'brownie', 'cookie', 'macaron'],
  ['flower', 'bouquet', 'rose', 'lily', 'tulip', 'orchid', 'hellebore', 'peony', 'carnation'],
  ['nut', 'almond', 'walnut', 'hazelnut', 'pecan', 'cashew', 'pistachio', 'peanut', 'praline', 'marzipan', 'nutella'],
  ['coffee', 'espresso', 'cafetiere'],
  ['meat', 'salami', 'ham', 'charcuterie', 'jerky', 'biltong', 'bacon'],
  ['cheese', 'dairy', 'brie', 'cheddar', 'stilton'],
  ['candle', 'scent', 'perfume', 'fragrance', 'diffuser'],
];

/** Whether a gift idea matches one of the dislikes: a shared word, or a kind a dislike names. */
export function matchesDislike(idea: string, dislikes: readonly string[]): boolean {
  const ideaWords = words(idea);
  return dislikes.some((dislike) => {
    const disliked = words(dislike);
    if (sharedWords(ideaWords, disliked).length) return true;
    return GIFT_KINDS.some((kind) => ideaWords.some((w) => kind.includes(w)) && disliked.some((w) => kind.includes(w)));
  });
}

export type GiftSuggestion = {
  /** Their likes that match no dislike, those not given before first. */
  ideas: string[];
  /** Likes left out because they match a dislike. */
  ruledOut: string[];
  budget: number;
  currency: string;
  /** One line for the task: "Islay whisky or golf balls, up to £60; not flowers". */
  line: string;
};

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * A money amount as the owner writes it: `£60`, `$30`, `€25.50`. One formatter per currency and
 * form serves the run: making an Intl.NumberFormat for every gift line cost the daily job about
 * 0.1 s before its first email (292 referrals among 14,600 contacts).
 */
export function formatMoney(amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  const key = `${currency} ${whole}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2 });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

/**
 * A thank-you gift for a referrer: picked from their gift likes, never one matching a dislike,
 * within `settings.giftBudget` for their tier, in `settings.currency`. `given` lists what they were
 * given before (the `gift.what` of their earlier referrals); ideas it mentions come last.
 */
export function suggestGift(
  contact: Contact,
  settings: Pick<Settings, 'giftBudget' | 'currency'>,
  given: readonly string[] = [],
): GiftSuggestion {
  const { likes, dislikes } = contact.gifts;
  const ruledOut = likes.filter((like) => matchesDislike(like, dislikes));
  const allowed = likes.filter((like) => !ruledOut.includes(like));
  const givenWords = given.flatMap(words);
  const fresh = allowed.filter((like) => sharedWords(words(like), givenWords).length === 0);
  const ideas = [...fresh, ...allowed.filter((like) => !fresh.includes(like))];
  const budget = settings.giftBudget[contact.tier];
  const money = formatMoney(budget, settings.currency);
  const what = ideas.length
    ? `${joinList(ideas.slice(0, 3), 'or')}, up to ${money}`
    : `no gift likes on file: ask, or choose something local, up to ${money}`;
  const avoid = dislikes.length ? `; not ${joinList(dislikes, 'or')}` : '';
  const before = given.length ? `; given before: ${given.join('; ')}` : '';
  return { ideas, ruledOut, budget, currency: settings.currency, line: `${what}${avoid}${before}` };
}

/** What a referrer was given for their earlier referrals (before `day`), oldest first. */
export function giftsGiven(referrer: string, referrals: readonly Entry<Referral>[], day: Temporal.PlainDate): string[] {
  return referrals
    .filter((r) => r.data.referrer === referrer && r.data.gift && r.data.gift.date < day.toString())
    .toSorted((a, b) => (a.data.gift?.date ?? '').localeCompare(b.data.gift?.date ?? ''))
    .map((r) => r.data.gift?.what ?? '');
}

// Referral status ----------------------------------------------------------------------------

/** The status of a referral on a day: the last change on or before it. */
export function statusOn(referral: Referral, day: Temporal.PlainDate): ReferralStatus | undefined {
  const text = day.toString();
  return referral.status.filter((s) => s.date <= text).at(-1)?.status;
}

/** The latest status of a referral. */
export function latestStatus(referral: Referral): ReferralStatus {
  return referral.status[referral.status.length - 1].status;
}

/** A referral is still being handled while its status is introduced or met. */
export function isBeingHandled(status: ReferralStatus | undefined): boolean {
  return status === 'introduced' || status === 'met';
}

// Touches on a referral's record --------------------------------------------------------------

/** What a referral touch was: a thank-you, a gift, or an update on how it is going. */
export type ReferralTouchKind = 'thanks' | 'gift' | 'update';

/**
 * What kind of referral touch a plan step makes, if it is one: a step due after someone makes a
 * referral thanks them (a gift step gives the gift), and so does one due after the person they
 * referred becomes a client; one due after a referral changes status tells them how it is going.
 */
export function referralStepKind(step: Step): ReferralTouchKind | undefined {
  // A refer-back or ask step may follow a referral, but it is neither a thank-you nor an update.
  if (step.purpose) return undefined;
  const trigger = ruleTrigger(step.due);
  if (trigger === 'made-referral') return step.channel === 'gift' ? 'gift' : 'thanks';
  if (trigger === 'referral-status-changed') return 'update';
  if (trigger === 'referral-became-client') return step.channel === 'gift' ? 'gift' : 'thanks';
  return undefined;
}

/** One touch a referral earned its referrer, as history tells it. */
export type ReferralTouch = {
  kind: ReferralTouchKind;
  /** The business day of its outcome: when it was sent or done. */
  date: string;
  due: string;
  touch: string;
  plan: string;
  step: string;
  channel: HistoryEntry['channel'];
  outcome: HistoryEntry['event'];
  /** Updates: the status it reported. */
  status?: ReferralStatus;
};

/**
 * The due days a step's rule gives after one time its trigger happened, as the planner gives
 * them: the rule's own due days, seeing that one time and the referrer's other triggers (so an
 * `until` ends a sequence where the planner ended it).
 */
function dueAfter(step: Step, trigger: Trigger, date: string, triggers: ContactTriggers): string[] {
  const day = parseDay(date);
  const ctx: RuleContext = {
    contact: '',
    data: { dates: {} },
    triggers: { ...triggers, [trigger]: [{ day, date, what: '' }] },
    newsletters: [],
  };
  return dueDays(step.due, ctx, day, Number.POSITIVE_INFINITY).map((d) => formatDay(d.due));
}

/**
 * The touches a referral earned its referrer, read from history: entries for the referrer whose
 * plan step is a referral step (see `referralStepKind`) and whose due day that step gives for this
 * referral (its date, or the date of each later status). `triggers` are the referrer's (see
 * `triggersByContact`). Each touch appears once with its last outcome, dated by the business day
 * of that outcome; oldest first.
 */
export function referralTouches(
  referral: Referral,
  plans: readonly Entry<Plan>[],
  history: readonly HistoryEntry[],
  timeZone: string,
  triggers: ContactTriggers,
): ReferralTouch[] {
  const expected = new Map<string, { kind: ReferralTouchKind; status?: ReferralStatus }>();
  for (const plan of plans) {
    for (const step of plan.data.steps) {
      const kind = referralStepKind(step);
      const trigger = ruleTrigger(step.due);
      if (!kind || !trigger) continue;
      const starts =
        trigger === 'referral-status-changed'
          ? referral.status.slice(1)
          : trigger === 'referral-became-client'
            ? referral.status.slice(1).filter((s) => s.status === 'client')
            : [{ date: referral.date, status: undefined }];
      for (const start of starts) {
        for (const due of dueAfter(step, trigger, start.date, triggers)) {
          expected.set(`${plan.id}\u0000${step.id}\u0000${due}`, { kind, ...(start.status ? { status: start.status } : {}) });
        }
      }
    }
  }
  const last: { entry: HistoryEntry; found: { kind: ReferralTouchKind; status?: ReferralStatus } }[] = [];
  for (const entry of lastEntries(history).values()) {
    if (entry.contact !== referral.referrer) continue;
    const found = expected.get(`${entry.plan}\u0000${entry.step}\u0000${entry.due}`);
    if (found) last.push({ entry, found });
  }
  return last
    .map(({ entry, found }) => ({
      ...found,
      date: businessDayOf(entry.at, timeZone),
      due: entry.due,
      touch: entry.touch,
      plan: entry.plan,
      step: entry.step,
      channel: entry.channel,
      outcome: entry.event,
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.touch.localeCompare(b.touch));
}
