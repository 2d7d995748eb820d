import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { planTouches, triggersByContact, type PlanInput } from '../planning/index.ts';
import { referralTouches } from './referrals.ts';
import { ContactSchema, HistoryEntrySchema, PlanSchema, ReferralSchema, type HistoryEntry } from '../model/index.ts';

// Point 1 of issue 7: a referral plans a thank-you within a day (an email, or a card for the top
// tier), a gift chosen from the referrer's likes within the tier's budget, an update at each change
// of status, and a second thanks when the person referred becomes a client.

const entries = <S extends z.ZodType>(schema: S, records: Record<string, z.input<S>>) =>
  Object.entries(records).map(([id, data]) => ({ id, file: `${id}.yaml`, data: schema.parse(data) as z.output<S> }));

const consent = { email: { basis: 'consent', source: 'registration form', date: '2025-01-10' } } as const;

const contacts = entries(ContactSchema, {
  'ana-ruiz': {
    name: 'Ana Ruiz',
    segment: 'past-client',
    emails: ['ana@example.com'],
    consent,
    gifts: { likes: ["pastries from Novak's", 'praline truffles', 'Rioja'], dislikes: ['anything with nuts (allergy)'] },
  },
  'david-okafor': {
    name: 'David Okafor',
    segment: 'past-client',
    tier: 'top',
    emails: ['david@example.com'],
    consent,
    gifts: { likes: ['a case of red wine', 'jazz on vinyl'], dislikes: ['wine (does not drink it)'] },
  },
  'sam-adeyemi': { name: 'Sam Adeyemi', segment: 'prospect' },
  'maya-walsh': { name: 'Maya Walsh', segment: 'prospect' },
});

const plans = entries(PlanSchema, {
  'referral-thanks': {
    name: 'Referral thanks',
    priority: 90,
    steps: [
      {
        id: 'thank',
        channel: 'email',
        audience: { exclude: { tiers: ['top'] } },
        template: 'referral-thanks',
        subject: 'Thank you',
        due: { rule: 'after', trigger: 'made-referral', days: 1 },
      },
      {
        id: 'thank-card',
        channel: 'card',
        audience: { tiers: ['top'] },
        task: 'Write a card',
        due: { rule: 'after', trigger: 'made-referral', days: 1 },
      },
      {
        id: 'gift',
        channel: 'gift',
        task: 'Send a gift',
        suggestion: 'With a note.',
        due: { rule: 'after', trigger: 'made-referral', days: 2 },
      },
      { id: 'update-call', channel: 'call', task: 'Call with news', due: { rule: 'after', trigger: 'referral-status-changed', days: 2 } },
      { id: 'client-thanks', channel: 'card', task: 'Second thanks', due: { rule: 'after', trigger: 'referral-became-client', days: 1 } },
    ],
  },
});

const referrals = entries(ReferralSchema, {
  'ana-sam': {
    referrer: 'ana-ruiz',
    referred: 'sam-adeyemi',
    date: '2026-11-10',
    need: 'a first flat',
    status: [{ status: 'introduced', date: '2026-11-10' }],
  },
  'david-maya': {
    referrer: 'david-okafor',
    referred: 'maya-walsh',
    date: '2026-11-12',
    status: [
      { status: 'introduced', date: '2026-11-12' },
      { status: 'met', date: '2026-11-18', note: 'Valued the house.' },
      { status: 'client', date: '2026-11-25', note: 'Asked us to sell.' },
    ],
  },
});

const input = (history: HistoryEntry[] = []): PlanInput => ({
  settings: {
    timeZone: 'Europe/London',
    graceDays: 5,
    limits: { perDay: 100, perSecond: 1, perContactPerWeek: 2, daysBetweenAsks: 120 },
    giftBudget: { top: 60, standard: 25 },
    currency: 'GBP',
  },
  contacts,
  plans,
  newsletters: [],
  referrals,
  history,
});

const lines = (i: PlanInput, from: string, days: number) =>
  planTouches(i, { from: Temporal.PlainDate.from(from), days }).due.map(
    (t) => `${t.date} ${t.contact} ${t.step} ${t.channel} | ${t.reason}${t.suggestion ? ` | ${t.suggestion}` : ''}`,
  );

describe('closing the loop on a referral', () => {
  it('thanks within a day, gives a gift from the likes, updates at each change, thanks again for a client', () => {
    expect(lines(input(), '2026-11-10', 20)).toEqual([
      '2026-11-11 ana-ruiz thank email | 1 day after referring Sam Adeyemi on 2026-11-10 (a first flat)',
      "2026-11-12 ana-ruiz gift gift | 2 days after referring Sam Adeyemi on 2026-11-10 (a first flat) | Gift: pastries from Novak's or Rioja, up to £25; not anything with nuts (allergy). With a note.",
      '2026-11-13 david-okafor thank-card card | 1 day after referring Maya Walsh on 2026-11-12',
      '2026-11-14 david-okafor gift gift | 2 days after referring Maya Walsh on 2026-11-12 | Gift: jazz on vinyl, up to £60; not wine (does not drink it). With a note.',
      '2026-11-20 david-okafor update-call call | 2 days after Maya Walsh met us on 2026-11-18 (Valued the house)',
      '2026-11-26 david-okafor client-thanks card | 1 day after Maya Walsh became a client on 2026-11-25 (Asked us to sell)',
      '2026-11-27 david-okafor update-call call | 2 days after Maya Walsh became a client on 2026-11-25 (Asked us to sell)',
    ]);
  });

  it('suggests first what was not given before', () => {
    const earlier = entries(ReferralSchema, {
      'ana-old': {
        referrer: 'ana-ruiz',
        referred: 'maya-walsh',
        date: '2025-03-01',
        status: [{ status: 'introduced', date: '2025-03-01' }],
        gift: { date: '2025-03-03', what: 'a bottle of Rioja' },
      },
    });
    const due = planTouches(
      { ...input(), referrals: [...referrals, ...earlier] },
      { from: Temporal.PlainDate.from('2026-11-12'), days: 1 },
    ).due;
    expect(due.find((t) => t.step === 'gift')?.suggestion).toBe(
      "Gift: pastries from Novak's or Rioja, up to £25; not anything with nuts (allergy); given before: a bottle of Rioja. With a note.",
    );
  });

  it("shows on the referral's record what was sent, including the second thanks", () => {
    const at = (touch: string, event: 'sent' | 'done', when: string) => {
      const [contact, plan, step, due] = touch.split('.');
      const channel = step === 'update-call' ? 'call' : step === 'gift' ? 'gift' : 'card';
      return HistoryEntrySchema.parse({ event, at: when, touch, contact, plan, step, due, channel });
    };
    const history = [
      at('david-okafor.referral-thanks.thank-card.2026-11-13', 'done', '2026-11-13T17:00:00Z'),
      at('david-okafor.referral-thanks.gift.2026-11-14', 'sent', '2026-11-14T08:00:00Z'),
      at('david-okafor.referral-thanks.update-call.2026-11-20', 'done', '2026-11-20T11:00:00Z'),
      at('david-okafor.referral-thanks.client-thanks.2026-11-26', 'done', '2026-11-26T16:00:00Z'),
      at('david-okafor.referral-thanks.update-call.2026-11-27', 'done', '2026-11-27T10:00:00Z'),
    ];
    const record = referralTouches(
      referrals[1].data,
      plans,
      history,
      'Europe/London',
      triggersByContact(contacts, referrals)('david-okafor'),
    );
    expect(record.map((t) => `${t.date} ${t.kind}${t.status ? ` (${t.status})` : ''} ${t.channel} ${t.outcome}`)).toEqual([
      '2026-11-13 thanks card done',
      '2026-11-14 gift gift sent',
      '2026-11-20 update (met) call done',
      '2026-11-26 thanks (client) card done',
      '2026-11-27 update (client) call done',
    ]);
    expect(lines(input(history), '2026-11-28', 10)).toEqual([]);
  });
});

describe('gift tasks that are not a referral thank-you', () => {
  it('carry no referral gift budget', () => {
    const birthday = entries(PlanSchema, {
      birthday: {
        name: 'Birthday gift',
        steps: [{ id: 'gift', channel: 'gift', task: 'Send a birthday gift', due: { rule: 'monthly', day: 20 } }],
      },
    });
    const due = planTouches({ ...input(), plans: birthday, referrals: [] }, { from: Temporal.PlainDate.from('2026-11-20'), days: 1 }).due;
    expect(due.map((t) => [t.contact, t.suggestion])).toEqual([
      ['ana-ruiz', undefined],
      ['david-okafor', undefined],
      ['maya-walsh', undefined],
      ['sam-adeyemi', undefined],
    ]);
  });
});

describe("a referral's record of a sequence that ended early", () => {
  // Issue 13: the record recomputed a sequence's days and ignored `until`, so a sequence the
  // planner had stopped claimed the touches of the referrer's next referral.
  it('claims only the touches the planner planned for it', () => {
    const followUp = entries(PlanSchema, {
      'follow-up': {
        name: 'Follow-up',
        steps: [
          {
            id: 'check-in',
            channel: 'call',
            task: 'Check in',
            due: { rule: 'sequence', trigger: 'made-referral', count: 4, spacingDays: 7, until: ['referral-became-client'] },
          },
        ],
      },
    });
    const two = entries(ReferralSchema, {
      'ana-sam': {
        referrer: 'ana-ruiz',
        referred: 'sam-adeyemi',
        date: '2026-11-01',
        status: [
          { status: 'introduced', date: '2026-11-01' },
          { status: 'client', date: '2026-11-05' },
        ],
      },
      'ana-maya': {
        referrer: 'ana-ruiz',
        referred: 'maya-walsh',
        date: '2026-11-15',
        status: [{ status: 'introduced', date: '2026-11-15' }],
      },
    });
    const planned = planTouches(
      { ...input(), plans: followUp, referrals: two },
      { from: Temporal.PlainDate.from('2026-11-01'), days: 30 },
    ).due.filter((t) => t.contact === 'ana-ruiz');
    expect(planned.map((t) => t.id)).toEqual([
      'ana-ruiz.follow-up.check-in.2026-11-01',
      'ana-ruiz.follow-up.check-in.2026-11-15',
      'ana-ruiz.follow-up.check-in.2026-11-22',
      'ana-ruiz.follow-up.check-in.2026-11-29',
    ]);
    const history = planned.map((t) =>
      HistoryEntrySchema.parse({
        event: 'done',
        at: `${t.due}T12:00:00Z`,
        touch: t.id,
        contact: t.contact,
        plan: t.plan,
        step: t.step,
        due: t.due.toString(),
        channel: 'call',
      }),
    );
    const triggers = triggersByContact(contacts, two)('ana-ruiz');
    const record = (r: number) => referralTouches(two[r].data, followUp, history, 'Europe/London', triggers).map((t) => t.due);
    expect(record(0)).toEqual(['2026-11-01']);
    expect(record(1)).toEqual(['2026-11-15', '2026-11-22', '2026-11-29']);
  });
});
