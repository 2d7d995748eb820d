import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { askFrame } from './introduction-asks.ts';
import { planTouches, type PlanInput } from '../planning/index.ts';
import { ContactSchema, HistoryEntrySchema, PlanSchema, ReferralSchema, type HistoryEntry, type ReferralStatus } from '../model/index.ts';

type ReferralInput = z.input<typeof ReferralSchema>;

// Issue 7, points 2 and 3: refer-back tasks and introduction asks as the planner plans them.

const entries = <S extends z.ZodType>(schema: S, records: Record<string, z.input<S>>) =>
  Object.entries(records).map(([id, data]) => ({ id, file: `${id}.yaml`, data: schema.parse(data) as z.output<S> }));

const agreed = { introductions: { basis: 'consent', source: 'asked', date: '2026-01-10' } } as const;
const sellers = Object.fromEntries(
  Array.from({ length: 20 }, (_, i) => [`seller-${i}`, { name: `Seller ${i}`, segment: 'prospect', tags: ['seller'] }]),
);

const contacts = entries(ContactSchema, {
  ...sellers,
  'tom-harris': {
    name: 'Tom Harris',
    segment: 'past-client',
    tier: 'top',
    household: [{ name: 'Sarah Harris', relation: 'wife', contact: 'sarah-harris' }],
    communities: [{ name: 'Mount Caburn Golf Club', note: 'Sunday fourball' }, { name: 'Ouse Valley Rowing Club' }],
  },
  // Issue 14: in the rowing club with Tom, not in his golf club.
  'sarah-harris': { name: 'Sarah Harris', segment: 'past-client', communities: [{ name: 'Ouse Valley Rowing Club' }] },
  'kofi-mensah': { name: 'Kofi Mensah', segment: 'partner', tier: 'top', goodReferral: 'first-time buyers' },
  'sam-adeyemi': { name: 'Sam Adeyemi', segment: 'prospect', tags: ['first-time-buyer'], consent: agreed },
});

const plans = entries(PlanSchema, {
  asks: {
    name: 'Asks',
    audience: { tiers: ['top'], segments: ['past-client'] },
    steps: [
      {
        id: 'call',
        channel: 'call',
        purpose: 'introduction-ask',
        task: 'Ask {{firstName}}',
        suggestion: 'Offer, do not ask.',
        due: { rule: 'monthly', day: 12 },
      },
    ],
  },
  'refer-back': {
    name: 'Refer back',
    steps: [
      {
        id: 'back',
        channel: 'call',
        purpose: 'refer-back',
        task: 'Refer someone back to {{firstName}}',
        due: { rule: 'after', trigger: 'made-referral', days: 21 },
      },
    ],
  },
});

const referral = (referrer: string, date: string, statuses: [ReferralStatus, string][]): ReferralInput => ({
  referrer,
  referred: 'sam-adeyemi',
  date,
  status: [{ status: 'introduced', date }, ...statuses.map(([status, d]) => ({ status, date: d }))],
});

const input = (changes: Partial<PlanInput> = {}): PlanInput => ({
  settings: { timeZone: 'Europe/London', graceDays: 0, limits: { perDay: 100, perSecond: 1, perContactPerWeek: 2, daysBetweenAsks: 100 } },
  contacts,
  plans,
  newsletters: [],
  referrals: [],
  history: [],
  ...changes,
});

const plan = (i: PlanInput, from: string, days: number) => {
  const result = planTouches(i, { from: Temporal.PlainDate.from(from), days });
  return {
    due: result.due.map((t) => `${t.date} ${t.contact} ${t.step} | ${t.task} | ${t.suggestion}`),
    skipped: result.skipped.map((t) => `${t.due} ${t.contact} ${t.step} | ${t.reason}`),
  };
};

describe('introduction asks', () => {
  it('frames each ask by a community in turn, and keeps asks the settings gap apart', () => {
    expect(plan(input(), '2026-01-01', 140)).toEqual({
      due: [
        '2026-01-12 tom-harris call | Ask {{firstName}} | Frame: Mount Caburn Golf Club (Sunday fourball). "You are part of Mount Caburn Golf Club. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to look after them the way we looked after you. We could also come and talk to the group about the market, if that would help." Offer, do not ask.',
        '2026-05-12 tom-harris call | Ask {{firstName}} | Frame: Ouse Valley Rowing Club. "You and Sarah are part of Ouse Valley Rowing Club. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to look after them the way we looked after you. We could also come and talk to the group about the market, if that would help." Offer, do not ask.',
      ],
      skipped: [
        '2026-02-12 tom-harris call | asked for an introduction on 2026-01-12; settings keep asks 100 days apart (limits.daysBetweenAsks)',
        '2026-03-12 tom-harris call | asked for an introduction on 2026-01-12; settings keep asks 100 days apart (limits.daysBetweenAsks)',
        '2026-04-12 tom-harris call | asked for an introduction on 2026-01-12; settings keep asks 100 days apart (limits.daysBetweenAsks)',
      ],
    });
  });

  it('counts the asks history records, one day at a time as the daily job plans', () => {
    const asked: HistoryEntry = HistoryEntrySchema.parse({
      event: 'done',
      at: '2026-01-12T15:00:00Z',
      touch: 'tom-harris.asks.call.2026-01-12',
      contact: 'tom-harris',
      plan: 'asks',
      step: 'call',
      due: '2026-01-12',
      channel: 'call',
    });
    expect(plan(input({ history: [asked] }), '2026-02-12', 1).skipped).toEqual([
      '2026-02-12 tom-harris call | asked for an introduction on 2026-01-12; settings keep asks 100 days apart (limits.daysBetweenAsks)',
    ]);
    expect(plan(input({ history: [asked] }), '2026-05-12', 1).due).toHaveLength(1);
  });

  it('asks no one while a referral from them is still being handled', () => {
    const referrals = entries(ReferralSchema, {
      r: referral('tom-harris', '2026-01-05', [
        ['met', '2026-01-20'],
        ['client', '2026-02-01'],
      ]),
    });
    expect(plan(input({ referrals }), '2026-01-12', 1)).toEqual({
      due: [],
      skipped: [
        '2026-01-12 tom-harris call | their referral of Sam Adeyemi (2026-01-05) is still being handled: no ask until it is settled',
      ],
    });
    expect(plan(input({ referrals }), '2026-02-12', 1).due).toHaveLength(1);
  });

  it('frames no community when none is on file', () => {
    expect(askFrame(contacts.find((c) => c.id === 'kofi-mensah')!.data, 0, () => undefined).frame).toBe(
      'no community on file: ask who they know who is thinking of moving',
    );
  });
});

describe('refer-back steps', () => {
  it('name who to introduce, or are skipped when no one who consented fits', () => {
    const referrals = entries(ReferralSchema, {
      kofi: { ...referral('kofi-mensah', '2026-03-01', []), referred: 'seller-2' },
      tom: { ...referral('tom-harris', '2026-03-01', []), referred: 'seller-1' },
    });
    expect(plan(input({ referrals, plans: plans.filter((p) => p.id === 'refer-back') }), '2026-03-22', 1)).toEqual({
      due: [
        '2026-03-22 kofi-mensah back | Refer someone back to {{firstName}}: introduce {{name}} to Sam Adeyemi | Introduce {{name}} to Sam Adeyemi: tagged first-time-buyer.',
      ],
      skipped: ['2026-03-22 tom-harris back | no contact who has consented to introductions fits what they offer or look for'],
    });
  });
});

describe('the frame of an ask', () => {
  it('names a fiancée as the email would, when she is in the community too', () => {
    // Issue 13: this copy of the partner rule left out fiancé(e)s, so the ask said "You" where
    // the email to the same contact said "You and Jo". Issue 14: only when Jo is in the choir.
    const engaged = ContactSchema.parse({
      name: 'Lena Park',
      segment: 'past-client',
      household: [{ name: 'Jo Quinn', relation: 'fiancée', contact: 'jo-quinn' }],
      communities: [{ name: 'Lewes Choir' }, { name: 'Lewes Rugby Club' }],
    });
    const jo = ContactSchema.parse({ name: 'Jo Quinn', segment: 'sphere', communities: [{ name: 'Lewes Choir' }] });
    const lookup = (id: string) => (id === 'jo-quinn' ? jo : undefined);
    expect([askFrame(engaged, 0, lookup).line, askFrame(engaged, 1, lookup).line]).toEqual([
      'You and Jo are part of Lewes Choir. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to look after them the way we looked after you. We could also come and talk to the group about the market, if that would help.',
      'You are part of Lewes Rugby Club. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to look after them the way we looked after you. We could also come and talk to the group about the market, if that would help.',
    ]);
  });
});
