import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { explainContactDay } from './contact-day.ts';
import { formatContactDay } from './contact-day-text.ts';
import type { PlanInput } from './plan-touches.ts';
import { ContactSchema, HistoryEntrySchema, NewsletterSchema, PlanSchema, type ContactInput } from '../model/index.ts';
import { problem, type Problem } from '../problems/index.ts';

const entries = <S extends z.ZodType>(schema: S, records: Record<string, z.input<S>>) =>
  Object.entries(records).map(([id, data]) => ({ id, file: `${id}.yaml`, data: schema.parse(data) as z.output<S> }));

const consent = { email: { basis: 'consent', source: 'open house', date: '2025-01-10' } } as const;

const CONTACTS: Record<string, ContactInput> = {
  'ana-ruiz': {
    name: 'Ana Ruiz',
    segment: 'past-client',
    tier: 'top',
    emails: ['ana@example.com'],
    consent,
    dates: { clientSince: '2026-11-02', birthday: '12-12' },
  },
  'tom-byrne': { name: 'Tom Byrne', segment: 'sphere', emails: ['tom@example.com'], dates: { birthday: '1980-12-03' } },
};

const PLANS = {
  newsletter: {
    name: 'Newsletter',
    priority: 20,
    audience: { segments: ['past-client', 'sphere'] },
    steps: [{ id: 'send', channel: 'email', template: 'newsletter', due: { rule: 'newsletter' } }],
  },
  'new-client': {
    name: 'New clients',
    priority: 40,
    audience: { segments: ['past-client'] },
    steps: [
      {
        id: 'note',
        channel: 'email',
        template: 'note',
        subject: 'A note for you',
        due: { rule: 'sequence', trigger: 'became-client', count: 8, spacingDays: 7, startAfter: 7 },
      },
    ],
  },
  birthday: {
    name: 'Birthday',
    priority: 70,
    steps: [
      { id: 'email', channel: 'email', template: 'note', subject: 'Happy birthday', due: { rule: 'anniversary', of: 'birthday' } },
      { id: 'card', channel: 'card', task: 'Send a card', audience: { tiers: ['standard'] }, due: { rule: 'anniversary', of: 'birthday' } },
    ],
  },
  'referral-thanks': {
    name: 'Referral thanks',
    priority: 90,
    steps: [{ id: 'gift', channel: 'gift', task: 'Choose a gift', due: { rule: 'after', trigger: 'made-referral', days: 2 } }],
  },
  'partner-call': {
    name: 'Partner call',
    audience: { segments: ['partner'] },
    steps: [{ id: 'call', channel: 'call', task: 'Call them', due: { rule: 'monthly', day: 31 } }],
  },
  paused: { name: 'Paused', paused: true, steps: [{ id: 'call', channel: 'call', task: 'Call', due: { rule: 'monthly', day: 1 } }] },
} as const;

const at = { line: 3, column: 1 };
const PROBLEMS: Problem[] = [
  problem('InvalidEmail', 'content/contacts/zoe-lane.yaml', at, 'emails[0]', 'should be an email address, like name@example.com'),
  problem('NotAllowed', 'content/plans/top-calls.yaml', at, 'steps[0].channel', 'should be one of email, call, text, card, gift, event'),
];

function input(): PlanInput & { problems: Problem[] } {
  return {
    settings: {
      timeZone: 'Europe/London',
      graceDays: 5,
      limits: { perDay: 2000, perSecond: 10, perContactPerWeek: 2, daysBetweenAsks: 120 },
    },
    contacts: entries(ContactSchema, CONTACTS),
    plans: entries(PlanSchema, PLANS as unknown as Record<string, z.input<typeof PlanSchema>>),
    newsletters: entries(NewsletterSchema, {
      'december-advice': { subject: 'Cut your heating bill', preheader: 'Five things', sendDate: '2026-12-08' },
    }),
    referrals: [],
    history: [
      HistoryEntrySchema.parse({
        event: 'sent',
        at: '2026-11-30T09:00:00Z',
        touch: 'ana-ruiz.new-client.note.2026-11-30',
        contact: 'ana-ruiz',
        plan: 'new-client',
        step: 'note',
        due: '2026-11-30',
        channel: 'email',
      }),
    ],
    problems: PROBLEMS,
  };
}

const explain = (contact: string, day: string) => explainContactDay(input(), contact, Temporal.PlainDate.from(day));
const text = (contact: string, day: string) => formatContactDay(explain(contact, day)).join('\n');

describe('explainContactDay', () => {
  it('explains each plan and step: due, waiting under the limits, next due day, outside the audience, paused, broken', () => {
    expect(text('ana-ruiz', '2026-12-08')).toMatchInlineSnapshot(`
      "Ana Ruiz (ana-ruiz) on Tue, 8 Dec 2026

      newsletter
        send (email): due 2026-12-08, waiting for a free day under the email limits: no day comes in time, so it will be missed (held back by the email limits (one a day, 2 in seven days) past the 5-day grace window) [WaitingUnderEmailLimits]

      new-client
        note (email): due today: "A note for you"
            why: 5th of 8 touches after becoming a client on 2026-11-02; due 2026-12-07, 1 day late
            last in history: sent, due 2026-11-30

      birthday
        email (email): not due today; next due 2026-12-12 (birthday on 2026-12-12) [NotDueToday]
        card (card): not in the step's audience: their tier is top; the audience is standard [OutsideStepAudience]

      referral-thanks
        gift (gift): not due today, nor in the coming year: it comes due after made-referral, which has not happened for them [NotDueToday]

      Plans that do not reach them:
        partner-call: not in the plan's audience: their segment is past-client; the audience is partner [OutsideAudience]
        paused: the plan is paused [PlanPaused]
        top-calls: content/plans/top-calls.yaml has problems, so this plan reaches no one until they are fixed [InvalidPlanFile]
            content/plans/top-calls.yaml:3:1 steps[0].channel: should be one of email, call, text, card, gift, event
            Fix the problems listed (npm run check shows them all), then plan again."
    `);
  });

  it('gives a skipped touch its code and what to do', () => {
    expect(text('tom-byrne', '2026-12-03')).toMatchInlineSnapshot(`
      "Tom Byrne (tom-byrne) on Thu, 3 Dec 2026

      newsletter
        send (email): not due today; next due 2026-12-08 (it will be skipped: has no email consent on record) [NotDueToday]

      birthday
        email (email): skipped (due 2026-12-03): has no email consent on record [NoEmailConsent]
            Once they agree to hear from you, record it under consent.email (basis, source, date) in their contact file.
        card (card): due today: Send a card
            why: 46th birthday on 2026-12-03

      referral-thanks
        gift (gift): not due today, nor in the coming year: it comes due after made-referral, which has not happened for them [NotDueToday]

      Plans that do not reach them:
        new-client: not in the plan's audience: their segment is sphere; the audience is past-client [OutsideAudience]
        partner-call: not in the plan's audience: their segment is sphere; the audience is partner [OutsideAudience]
        paused: the plan is paused [PlanPaused]
        top-calls: content/plans/top-calls.yaml has problems, so this plan reaches no one until they are fixed [InvalidPlanFile]
            content/plans/top-calls.yaml:3:1 steps[0].channel: should be one of email, call, text, card, gift, event
            Fix the problems listed (npm run check shows them all), then plan again."
    `);
  });

  it('says so when the contact file could not be read, with its problems', () => {
    expect(explain('zoe-lane', '2026-12-08')).toMatchObject({ status: 'invalid', code: 'InvalidContactFile', problems: [PROBLEMS[0]] });
    expect(text('zoe-lane', '2026-12-08')).toMatchInlineSnapshot(`
      "zoe-lane on Tue, 8 Dec 2026: content/contacts/zoe-lane.yaml has problems, so no plan reaches this contact until they are fixed [InvalidContactFile]
          content/contacts/zoe-lane.yaml:3:1 emails[0]: should be an email address, like name@example.com
        Fix the problems listed (npm run check shows them all), then plan again."
    `);
  });

  it('knows no contact by an id that has no file', () => {
    expect(explain('nobody', '2026-12-08')).toEqual({ status: 'unknown', contact: 'nobody' });
  });

  it('gives the data behind the words', () => {
    const day = explain('ana-ruiz', '2026-12-12');
    if (day.status !== 'explained') throw new Error(day.status);
    expect(day.plans.find((p) => p.plan === 'birthday')).toMatchInlineSnapshot(`
      {
        "plan": "birthday",
        "status": "in",
        "steps": [
          {
            "channel": "email",
            "lines": [
              {
                "date": "2026-12-12",
                "due": "2026-12-12",
                "status": "due",
                "subject": "Happy birthday",
                "why": "birthday on 2026-12-12",
              },
            ],
            "step": "email",
          },
          {
            "channel": "card",
            "lines": [
              {
                "code": "OutsideStepAudience",
                "hint": "Change the step’s audience, or the contact’s segment, tier or tags, if the step should reach them.",
                "reason": "not in the step's audience: their tier is top; the audience is standard",
                "status": "outside",
              },
            ],
            "step": "card",
          },
        ],
      }
    `);
  });
});
