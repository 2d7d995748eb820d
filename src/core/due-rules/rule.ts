import { z } from 'zod';
import { dayOf, type Day } from '../calendar/index.ts';

/** Things that happen to a contact and start a clock. */
const TRIGGERS = ['became-client', 'made-referral', 'referral-status-changed', 'referral-became-client', 'closing'] as const;
export const TriggerSchema = z.enum(TRIGGERS);
export type Trigger = z.output<typeof TriggerSchema>;

/** The contact's key dates a step can be anchored to. */
const KEY_DATES = ['clientSince', 'closing', 'birthday'] as const;
export const KeyDateSchema = z.enum(KEY_DATES);
type KeyDate = (typeof KEY_DATES)[number];

export const count = z.int().positive();

/** One time a trigger happened to a contact, and how to say it. */
export type TriggerEvent = { day: Day; date: string; what: string };

/** Every time each trigger happened to one contact, oldest first. */
export type ContactTriggers = Record<Trigger, TriggerEvent[]>;

/** The day of a touch, and its channel (`call`, `email`…). */
type LastTouch = { day: Day; channel: string };

/** A newsletter as a due rule sees it. */
export type NewsletterIssue = { id: string; sendDate: string; sendDay: Day; subject: string };

/** What a rule needs to know about one contact. */
export type RuleContext = {
  contact: string;
  /** The contact's key dates (a `Contact` fits). */
  data: { dates: Partial<Record<KeyDate, string>> };
  triggers: ContactTriggers;
  /** The due day of this step's latest touch in history, if any. */
  lastDue?: Day;
  /**
   * The contact's latest touch of any plan, if any: an email sent, a personal touch done, a touch
   * logged by hand. A task only handed over is no touch yet.
   */
  lastTouch?: LastTouch;
  /** The newsletters this contact is in the audience of, by send date, then id. */
  newsletters: readonly NewsletterIssue[];
};

/** One day a step is due for a contact, and why, in the owner's words. */
export type RuleDue = {
  due: Day;
  reason: string;
  newsletter?: string;
  subject?: string;
  /** Which touch of a run this is, from 1 (a sequence's third touch is 3): picks the step's variant. */
  occurrence?: number;
};

/**
 * Defines a kind of due rule from the fields of its `due:` besides `rule`; its schema is strict,
 * with `rule` set to its name.
 */
export function dueRule<const Name extends string, Shape extends z.ZodRawShape>(kind: {
  /** What `rule:` says in a plan step's `due:`. */
  name: Name;
  /** The other fields of `due:`. */
  shape: Shape;
  /**
   * Strength among kinds, for touches whose plans have the same priority (higher goes first): a
   * touch a contact earned (a referral's thanks) before one for a moment in their life, before the
   * regular rhythm, before a newsletter.
   */
  rank: number;
  /** The trigger that starts the rule's clock, for rules counted from one. */
  trigger?: (rule: z.output<z.ZodObject<{ rule: z.ZodLiteral<Name> } & Shape>>) => Trigger;
  /** The days in [start, end] on which the rule makes a step due for one contact. */
  dueDays: (rule: z.output<z.ZodObject<{ rule: z.ZodLiteral<Name> } & Shape>>, ctx: RuleContext, start: Day, end: Day) => RuleDue[];
}) {
  const { shape, ...rest } = kind;
  return { ...rest, schema: z.strictObject({ rule: z.literal(kind.name), ...shape }) };
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const KEY_LABELS: Record<KeyDate, string> = { clientSince: 'becoming a client', closing: 'closing', birthday: 'birthday' };

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

type KeyDay = { year?: number; month: number; day: number; text: string };

/** A contact's key date; a birthday may have no year. */
export function keyDateOf(contact: RuleContext['data'], key: KeyDate): KeyDay | undefined {
  const text = contact.dates[key];
  if (!text) return undefined;
  // The two shapes the schema allows, read in place; anything else the long way.
  if (text.length === 5 && text[2] === '-') return { month: Number(text.slice(0, 2)), day: Number(text.slice(3)), text };
  if (text.length === 10 && text[4] === '-' && text[7] === '-') {
    return { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)), day: Number(text.slice(8)), text };
  }
  const parts = text.split('-').map(Number);
  return parts.length === 2 ? { month: parts[0], day: parts[1], text } : { year: parts[0], month: parts[1], day: parts[2], text };
}

/** FNV-1a: a small stable hash, so a contact with no anchor still gets a fixed day. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A day in the first `days` days of 2000 set by the contact's id, for a rule with nothing to count
 * from: the contacts of a plan spread out, and every run agrees.
 */
export function spreadDay(contact: string, days: number): Day {
  return dayOf(2000, 1, 1) + (hash(contact) % days);
}
