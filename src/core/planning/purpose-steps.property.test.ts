/** Properties of refer-back steps and introduction asks over generated content (issue 7). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planTouches, type PlanInput, type PlanResult } from './plan-touches.ts';
import { isBeingHandled, statusOn } from '../referrals/index.ts';
import { validateContent } from '../content/index.ts';
import { CONTENT_PARSERS } from '../parsers/index.ts';
import { EventSchema, PlanSchema, type HistoryEntry, type ReferralStatus } from '../model/index.ts';
import type { DueTouch, SkippedTouch } from '../touches/index.ts';
import { generateContent, TEMPLATES } from '../../../test/helpers/generate-content.ts';

const START = Temporal.PlainDate.from('2026-01-01');

const PLANS = {
  asks: {
    name: 'Asks',
    steps: [
      { id: 'call', channel: 'call', purpose: 'introduction-ask', task: 'Ask', due: { rule: 'monthly', day: 10 } },
      {
        id: 'email',
        channel: 'email',
        purpose: 'introduction-ask',
        template: 'note',
        subject: 'An evening?',
        due: { rule: 'every', interval: 6, unit: 'weeks' },
      },
    ],
  },
  'refer-back': {
    name: 'Refer back',
    steps: [
      { id: 'back', channel: 'call', purpose: 'refer-back', task: 'Refer back', due: { rule: 'after', trigger: 'made-referral', days: 7 } },
    ],
  },
};

const STATUSES: ReferralStatus[] = ['met', 'client', 'not-a-fit'];

function content(seed: number, gap: number): PlanInput {
  const tree = generateContent({ contacts: 40, seed, referrals: 8 });
  const { content, problems } = validateContent(
    Object.entries(tree).map(([path, text]) => ({ path, text })),
    { templates: TEMPLATES, parsers: CONTENT_PARSERS },
  );
  if (problems.length || !content.settings) throw new Error(`generated content has problems: ${problems[0]?.message}`);
  content.contacts.forEach(({ data }, i) => {
    if (i % 3 === 0) data.consent.introductions = { basis: 'consent', source: 'asked', date: '2026-01-01' };
    if (i % 4 === 0) data.goodReferral = `${data.tags.join(' ')} ${data.segment}`;
  });
  content.referrals.forEach(({ data }, i) => {
    data.status = [{ status: 'introduced', date: data.date }];
    const later = Temporal.PlainDate.from(data.date).add({ days: 10 + ((i * 17 + seed) % 60) });
    if (i % 3 !== 2) data.status.push({ status: STATUSES[i % 3], date: later.toString() });
  });
  const plans = Object.entries(PLANS).map(([id, plan]) => ({ id, file: `plans/${id}.yaml`, data: PlanSchema.parse(plan) }));
  const event = (id: string, date: string, invite: object) => ({
    id,
    file: `events/${id}.yaml`,
    data: EventSchema.parse({ name: id, date, place: 'Novak', invite }),
  });
  const events = [
    event('supper', '2026-06-18', { tiers: ['top'], channel: 'email', template: 'note', subject: 'Supper?', send: '2026-05-20' }),
    event('talk', '2026-03-05', { segments: ['partner', 'sphere'], channel: 'call' }),
  ];
  return {
    ...content,
    plans,
    events,
    settings: { ...content.settings, graceDays: 3, limits: { ...content.settings.limits, daysBetweenAsks: gap } },
  };
}

const at = (day: Temporal.PlainDate) => day.toZonedDateTime({ timeZone: 'Europe/London', plainTime: '09:00' }).toInstant().toString();
const entry = (event: string, t: SkippedTouch | DueTouch, moment: string, extra: object = {}): HistoryEntry =>
  ({
    event,
    at: moment,
    touch: t.id,
    contact: t.contact,
    plan: t.plan,
    step: t.step,
    channel: t.channel,
    due: t.due.toString(),
    ...extra,
  }) as HistoryEntry;

function dailyRuns(input: PlanInput, from: Temporal.PlainDate, days: number, history: HistoryEntry[]): PlanResult[] {
  const runs: PlanResult[] = [];
  for (let i = 0; i < days; i++) {
    const day = from.add({ days: i });
    const result = planTouches({ ...input, history }, { from: day, days: 1 });
    for (const t of result.due) history.push(entry('claimed', t, at(day)), entry(t.channel === 'email' ? 'sent' : 'done', t, at(day)));
    for (const t of result.skipped) history.push(entry('skipped', t, at(day), { reason: t.reason }));
    for (const t of result.missed) history.push(entry('missed', t, at(day), { reason: t.reason }));
    runs.push(result);
  }
  return runs;
}

const first = (from: Temporal.PlainDate): HistoryEntry =>
  ({
    event: 'done',
    at: at(from.subtract({ days: 30 })),
    touch: 'x.y.z.2000-01-01',
    contact: 'x',
    plan: 'y',
    step: 'z',
    due: '2000-01-01',
    channel: 'call',
  }) as HistoryEntry;

describe('refer-back and ask steps, and event invitations', () => {
  it('plan over N days what N daily runs writing history would', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 20, max: 150 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 60 }),
        (seed, gap, offset, days) => {
          const input = content(seed, gap);
          const from = START.add({ days: offset });
          const once = planTouches({ ...input, history: [first(from)] }, { from, days });
          const runs = dailyRuns(input, from, days, [first(from)]);
          const line = (t: DueTouch) => `${t.date} ${t.id} ${t.task ?? ''}`;
          expect(
            runs
              .flatMap((r) => r.due)
              .map(line)
              .sort(),
          ).toEqual(once.due.map(line).sort());
          expect(
            runs
              .flatMap((r) => r.skipped)
              .map((t) => `${t.id} ${t.reason}`)
              .sort(),
          ).toEqual(once.skipped.map((t) => `${t.id} ${t.reason}`).sort());
        },
      ),
      // The example: an email ask the limits held past its grace window was counted as asked, and
      // kept a later call ask waiting that the daily runs let through.
      { numRuns: 15, examples: [[1, 23, 141, 20]] },
    );
  });

  it('a year of daily runs asks no one twice within the gap, nor while their referral is handled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 20, max: 150 }), (seed, gap) => {
        const input = content(seed, gap);
        const asks = dailyRuns(input, START, 365, [first(START)]).flatMap((r) => r.due.filter((t) => t.plan === 'asks'));
        const byContact = Map.groupBy(asks, (t) => t.contact);
        for (const list of byContact.values()) {
          const days = list.map((t) => t.due).sort(Temporal.PlainDate.compare);
          for (let i = 1; i < days.length; i++) expect(days[i - 1].until(days[i]).days).toBeGreaterThanOrEqual(gap);
        }
        for (const t of asks) {
          const open = input.referrals.filter(
            (r) => r.data.referrer === t.contact && r.data.date <= t.due.toString() && isBeingHandled(statusOn(r.data, t.due)),
          );
          expect(open).toEqual([]);
        }
        expect(asks.length).toBeGreaterThan(0);
      }),
      { numRuns: 4 },
    );
  });
});
