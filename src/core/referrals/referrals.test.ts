import { describe, expect, it } from 'vitest';
import { formatMoney, giftsGiven, isBeingHandled, matchesDislike, referralStepKind, statusOn, suggestGift } from './referrals.ts';
import { ContactSchema, ReferralSchema, StepSchema } from '../model/index.ts';
import { sharedWords, stem, words } from './words.ts';

// Issue 7, point 1: the gift a referrer is thanked with, and the words that choose it.

const settings = { giftBudget: { top: 60, standard: 25 }, currency: 'GBP' };
const contact = (likes: string[], dislikes: string[], tier: 'top' | 'standard' = 'standard') =>
  ContactSchema.parse({ name: 'Ana Ruiz', segment: 'past-client', tier, gifts: { likes, dislikes } });

describe('suggestGift', () => {
  it('picks from the likes, leaves out what a dislike rules out, and keeps to the tier budget', () => {
    expect(suggestGift(contact(['Rioja', 'praline chocolates', "pastries from Novak's"], ['nuts (allergy)']), settings)).toEqual({
      ideas: ['Rioja', "pastries from Novak's"],
      ruledOut: ['praline chocolates'],
      budget: 25,
      currency: 'GBP',
      line: "Rioja or pastries from Novak's, up to £25; not nuts (allergy)",
    });
    expect(suggestGift(contact(['Islay whisky'], ['alcohol'], 'top'), settings).line).toBe(
      'no gift likes on file: ask, or choose something local, up to £60; not alcohol',
    );
  });

  it('puts what was given before last, and says what it was', () => {
    const gift = suggestGift(contact(['Rioja', 'garden tools'], []), settings, ['a bottle of Rioja']);
    expect(gift.ideas).toEqual(['garden tools', 'Rioja']);
    expect(gift.line).toBe('garden tools or Rioja, up to £25; given before: a bottle of Rioja');
  });

  it('reads the gifts given for earlier referrals, oldest first', () => {
    const referral = (date: string, what: string) => ({
      id: date,
      file: `${date}.yaml`,
      data: ReferralSchema.parse({
        referrer: 'ana-ruiz',
        referred: 'sam',
        date,
        status: [{ status: 'introduced', date }],
        gift: { date, what },
      }),
    });
    const day = Temporal.PlainDate.from('2026-06-01');
    expect(
      giftsGiven('ana-ruiz', [referral('2026-03-01', 'tea'), referral('2025-03-01', 'wine'), referral('2026-07-01', 'later')], day),
    ).toEqual(['wine', 'tea']);
  });
});

describe('matchesDislike', () => {
  it.each([
    ['a case of red wine', ['alcohol'], true],
    ['Harvey’s Best bitter', ['beer'], false],
    ['flowers from the market', ['flowers'], true],
    ['hazelnut praline', ['anything with nuts'], true],
    ['garden tools', ['scented candles'], false],
  ])('%s against %j is %s', (idea, dislikes, expected) => {
    expect(matchesDislike(idea, dislikes)).toBe(expected);
  });
});

describe('words', () => {
  it('stems plurals and possessives and drops the words that mean nothing', () => {
    expect(words("Families' first homes near Harvey's brewery, for anyone who wants one")).toEqual([
      'family',
      'first',
      'home',
      'harvey',
      'brewery',
    ]);
    expect([stem('families'), stem('businesses'), stem('buyers'), stem('glass')]).toEqual(['family', 'business', 'buyer', 'glass']);
    expect(sharedWords(words('first-time buyers'), words('tagged first time buyer'))).toEqual(['first', 'buyer']);
  });
});

describe('referral status and steps', () => {
  const referral = ReferralSchema.parse({
    referrer: 'ana-ruiz',
    referred: 'sam',
    date: '2026-03-01',
    status: [
      { status: 'introduced', date: '2026-03-01' },
      { status: 'met', date: '2026-03-05' },
      { status: 'client', date: '2026-03-20' },
    ],
  });

  it('is handled while introduced or met', () => {
    const on = (d: string) => statusOn(referral, Temporal.PlainDate.from(d));
    expect([on('2026-02-28'), on('2026-03-04'), on('2026-03-05'), on('2026-03-20')]).toEqual([undefined, 'introduced', 'met', 'client']);
    expect(['introduced', 'met', 'client', 'not-a-fit'].map((s) => isBeingHandled(s as 'met'))).toEqual([true, true, false, false]);
  });

  it('tells a thank-you, a gift and an update step apart, and leaves purposeful steps out', () => {
    const step = (s: object) => StepSchema.parse({ id: 's', task: 'Do it', ...s });
    expect([
      referralStepKind(step({ channel: 'card', due: { rule: 'after', trigger: 'made-referral', days: 1 } })),
      referralStepKind(step({ channel: 'gift', due: { rule: 'after', trigger: 'made-referral', days: 2 } })),
      referralStepKind(step({ channel: 'call', due: { rule: 'after', trigger: 'referral-status-changed', days: 2 } })),
      referralStepKind(step({ channel: 'card', due: { rule: 'after', trigger: 'referral-became-client', days: 1 } })),
      referralStepKind(step({ channel: 'call', purpose: 'refer-back', due: { rule: 'after', trigger: 'made-referral', days: 21 } })),
      referralStepKind(step({ channel: 'call', due: { rule: 'monthly', day: 1 } })),
    ]).toEqual(['thanks', 'gift', 'update', 'thanks', undefined, undefined]);
    expect(formatMoney(22.5, 'EUR')).toBe('€22.50');
    // One formatter per currency and form: each amount still gets its own.
    expect([formatMoney(60, 'GBP'), formatMoney(25.5, 'GBP'), formatMoney(60, 'EUR'), formatMoney(30, 'GBP')]).toEqual([
      '£60',
      '£25.50',
      '€60',
      '£30',
    ]);
  });
});
