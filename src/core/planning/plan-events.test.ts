import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { planTouches, type PlanInput } from './plan-touches.ts';
import { ContactSchema, EventSchema, HistoryEntrySchema, PlanSchema } from '../model/index.ts';

// Issue 7, point 4: client events plan their invitations with the other touches, and later
// personal touches mention the event a contact came to.

const entries = <S extends z.ZodType>(schema: S, records: Record<string, z.input<S>>) =>
  Object.entries(records).map(([id, data]) => ({ id, file: `${id}.yaml`, data: schema.parse(data) as z.output<S> }));

const contacts = entries(ContactSchema, {
  'tom-harris': { name: 'Tom Harris', segment: 'past-client', tier: 'top', communities: [{ name: 'Mount Caburn Golf Club' }] },
  'ben-novak': { name: 'Ben Novak', segment: 'sphere' },
});

const events = entries(EventSchema, {
  'golf-evening': {
    name: 'Market evening at the golf club',
    date: '2026-03-05',
    place: 'Mount Caburn Golf Club',
    invite: { communities: ['Mount Caburn Golf Club'], send: '2026-02-20', channel: 'call', task: 'Invite {{firstName}}' },
    came: ['tom-harris'],
  },
});

const input = (changes: Partial<PlanInput> = {}): PlanInput => ({
  settings: { timeZone: 'Europe/London', graceDays: 5, limits: { perDay: 100, perSecond: 1, perContactPerWeek: 2, daysBetweenAsks: 120 } },
  contacts,
  plans: entries(PlanSchema, {
    calls: {
      name: 'Calls',
      audience: { tiers: ['top'] },
      steps: [{ id: 'call', channel: 'call', task: 'Call', due: { rule: 'monthly', day: 15 } }],
    },
  }),
  newsletters: [],
  referrals: [],
  events,
  history: [],
  ...changes,
});

const lines = (i: PlanInput, from: string, days: number) =>
  planTouches(i, { from: Temporal.PlainDate.from(from), days }).due.map(
    (t) => `${t.date} ${t.id} ${t.channel} | ${t.reason}${t.suggestion ? ` | ${t.suggestion}` : ''}`,
  );

describe('client events in the plan', () => {
  it('plans the invitations among the other touches, then mentions the event to those who came', () => {
    expect(lines(input(), '2026-02-14', 40)).toEqual([
      '2026-02-15 tom-harris.calls.call.2026-02-15 call | monthly on day 15',
      '2026-02-20 tom-harris.events.golf-evening.2026-02-20 call | invitation to Market evening at the golf club (2026-03-05, Mount Caburn Golf Club): in Mount Caburn Golf Club',
      '2026-03-15 tom-harris.calls.call.2026-03-15 call | monthly on day 15 | They came to Market evening at the golf club on 2026-03-05; a word about it shows we noticed.',
    ]);
  });

  it('plans no invitation history has settled', () => {
    const done = HistoryEntrySchema.parse({
      event: 'done',
      at: '2026-02-21T10:00:00Z',
      touch: 'tom-harris.events.golf-evening.2026-02-20',
      contact: 'tom-harris',
      plan: 'events',
      step: 'golf-evening',
      due: '2026-02-20',
      channel: 'call',
    });
    expect(lines(input({ history: [done] }), '2026-02-21', 5)).toEqual([]);
    expect(lines(input(), '2026-02-21', 1)).toHaveLength(1);
  });

  it('leaves the mention out once the event is more than 90 days past', () => {
    expect(lines(input(), '2026-06-15', 1)).toEqual(['2026-06-15 tom-harris.calls.call.2026-06-15 call | monthly on day 15']);
  });
});

describe('emailed invitations', () => {
  const consent = { email: { basis: 'consent', source: 'form', date: '2025-01-01' } } as const;
  const people = entries(ContactSchema, {
    'tom-harris': { name: 'Tom Harris', segment: 'past-client', tier: 'top', emails: ['tom@example.com'], consent },
    'ana-ruiz': { name: 'Ana Ruiz', segment: 'past-client', tier: 'top', emails: ['ana@example.com'] },
  });
  const supper = entries(EventSchema, {
    supper: {
      name: 'Summer supper',
      date: '2026-06-18',
      place: "Novak's",
      invite: {
        tiers: ['top'],
        send: '2026-05-28',
        channel: 'email',
        template: 'note',
        subject: 'Supper on the 18th, {{firstName}}?',
        suggestion: 'Come to supper.',
      },
    },
  });

  it('go with the other emails: to those who may be emailed, the rest skipped with why', () => {
    const result = planTouches(input({ contacts: people, events: supper, plans: [] }), {
      from: Temporal.PlainDate.from('2026-05-28'),
      days: 1,
    });
    expect(result.due.map((t) => [t.id, t.channel, t.template, t.subject, t.email, t.suggestion, t.reason])).toEqual([
      [
        'tom-harris.events.supper.2026-05-28',
        'email',
        'note',
        'Supper on the 18th, {{firstName}}?',
        'tom@example.com',
        'Come to supper.',
        "invitation to Summer supper (2026-06-18, Novak's): top tier",
      ],
    ]);
    expect(result.skipped.map((t) => `${t.id}: ${t.reason}`)).toEqual([
      'ana-ruiz.events.supper.2026-05-28: has no email consent on record',
    ]);
  });
});
