import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { planTouches, type PlanInput, type PlanResult } from './plan-touches.ts';
import { ContactSchema, HistoryEntrySchema, NewsletterSchema, PlanSchema, ReferralSchema, type ContactInput } from '../model/index.ts';

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
    dates: { clientSince: '2026-11-02', closing: '2026-11-20', birthday: '12-12' },
  },
  'tom-byrne': { name: 'Tom Byrne', segment: 'sphere', emails: ['tom@example.com'], dates: { birthday: '1980-12-03' } },
  'priya-patel': {
    name: 'Priya Patel',
    segment: 'sphere',
    emails: ['priya@example.com'],
    consent,
    unsubscribed: { date: '2026-11-15', evidence: 'replied "stop"' },
  },
  'omar-haddad': { name: 'Omar Haddad', segment: 'partner', emails: ['omar@example.com'], consent },
};

const PLANS = {
  newsletter: {
    name: 'Newsletter',
    priority: 20,
    audience: { segments: ['past-client', 'sphere'] },
    steps: [{ id: 'send', channel: 'email', template: 'newsletter', due: { rule: 'newsletter' } }],
  },
  'new-client': {
    name: 'Eight touches in eight weeks',
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
    steps: [{ id: 'email', channel: 'email', template: 'note', subject: 'Happy birthday', due: { rule: 'anniversary', of: 'birthday' } }],
  },
  'referral-thanks': {
    name: 'Referral thanks',
    priority: 90,
    steps: [
      {
        id: 'thank',
        channel: 'email',
        template: 'thanks',
        subject: 'Thank you',
        due: { rule: 'after', trigger: 'made-referral', days: 1 },
      },
      { id: 'gift', channel: 'gift', task: 'Choose a gift', due: { rule: 'after', trigger: 'made-referral', days: 2 } },
    ],
  },
  'partner-call': {
    name: 'Partner call',
    audience: { segments: ['partner'] },
    steps: [{ id: 'call', channel: 'call', task: 'Call them', due: { rule: 'monthly', day: 31 } }],
  },
  paused: { name: 'Paused', paused: true, steps: [{ id: 'call', channel: 'call', task: 'Call', due: { rule: 'monthly', day: 1 } }] },
} as const;

function input(changes: Partial<PlanInput> = {}): PlanInput {
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
      'draft-advice': { subject: 'Not yet', preheader: 'Draft', sendDate: '2026-12-09', draft: true },
    }),
    referrals: entries(ReferralSchema, {
      'omar-to-tom': {
        referrer: 'omar-haddad',
        referred: 'tom-byrne',
        date: '2026-12-07',
        status: [{ status: 'introduced', date: '2026-12-07' }],
      },
    }),
    history: [],
    ...changes,
  };
}

const plan = (from: string, days: number, changes: Partial<PlanInput> = {}) =>
  show(planTouches(input(changes), { from: Temporal.PlainDate.from(from), days }));

/** The whole result, one line a touch. */
function show(result: PlanResult) {
  return {
    due: result.due.map((t) =>
      [t.date, t.id, t.channel, `p${t.priority}`, t.subject ?? t.task, t.email ?? '-', t.newsletter ?? '-', t.reason].join(' | '),
    ),
    skipped: result.skipped.map((t) => `${t.id} ${t.channel}: ${t.reason}`),
    missed: result.missed.map((t) => `${t.id} ${t.channel}: ${t.reason}`),
  };
}

describe('planTouches', () => {
  it('gives each touch of a sequence the words of its variant (issue 14)', () => {
    const plans = entries(PlanSchema, {
      'new-client': {
        ...PLANS['new-client'],
        steps: [
          {
            ...PLANS['new-client'].steps[0],
            suggestion: 'A word for any week.',
            variants: [{ subject: 'Week one' }, {}, {}, { subject: 'Week four', suggestion: 'Searches are back.' }],
          },
        ],
      },
    } as unknown as Record<string, z.input<typeof PlanSchema>>);
    const due = planTouches(input({ plans }), { from: Temporal.PlainDate.from('2026-11-09'), days: 35 }).due;
    expect(due.map((t) => `${t.date} ${t.subject} | ${t.suggestion}`)).toEqual([
      '2026-11-09 Week one | A word for any week.',
      '2026-11-16 A note for you | A word for any week.',
      '2026-11-23 A note for you | A word for any week.',
      '2026-11-30 Week four | Searches are back.',
      '2026-12-07 A note for you | A word for any week.',
    ]);
  });

  it('plans a fortnight: every rule, the audiences, consent and the email limits', () => {
    expect(plan('2026-12-01', 14)).toEqual({
      due: [
        '2026-12-01 | ana-ruiz.new-client.note.2026-11-30 | email | p40 | A note for you | ana@example.com | - | 4th of 8 touches after becoming a client on 2026-11-02; due 2026-11-30, 1 day late',
        '2026-12-01 | omar-haddad.partner-call.call.2026-11-30 | call | p50 | Call them | - | - | monthly on day 31; due 2026-11-30, 1 day late',
        '2026-12-07 | ana-ruiz.new-client.note.2026-12-07 | email | p40 | A note for you | ana@example.com | - | 5th of 8 touches after becoming a client on 2026-11-02',
        '2026-12-08 | omar-haddad.referral-thanks.thank.2026-12-08 | email | p90 | Thank you | omar@example.com | - | 1 day after referring Tom Byrne on 2026-12-07',
        '2026-12-09 | omar-haddad.referral-thanks.gift.2026-12-09 | gift | p90 | Choose a gift | - | - | 2 days after referring Tom Byrne on 2026-12-07',
        '2026-12-12 | ana-ruiz.birthday.email.2026-12-12 | email | p70 | Happy birthday | ana@example.com | - | birthday on 2026-12-12',
        '2026-12-14 | ana-ruiz.new-client.note.2026-12-14 | email | p40 | A note for you | ana@example.com | - | 6th of 8 touches after becoming a client on 2026-11-02',
      ],
      skipped: [
        'tom-byrne.birthday.email.2026-12-03 email: has no email consent on record',
        'priya-patel.newsletter.send.2026-12-08 email: unsubscribed on 2026-11-15',
        'tom-byrne.newsletter.send.2026-12-08 email: has no email consent on record',
      ],
      // Two emails already that week, and her birthday to come: the newsletter gives way.
      missed: [
        'ana-ruiz.newsletter.send.2026-12-08 email: held back by the email limits (one a day, 2 in seven days) past the 5-day grace window',
      ],
    });
  });

  it('returns each touch whole, with the day planned and the day due', () => {
    const day = (d: string) => Temporal.PlainDate.from(d);
    expect(planTouches(input(), { from: day('2026-12-08'), days: 1 })).toEqual({
      due: [
        {
          id: 'ana-ruiz.new-client.note.2026-12-07',
          contact: 'ana-ruiz',
          plan: 'new-client',
          step: 'note',
          channel: 'email',
          due: day('2026-12-07'),
          date: day('2026-12-08'),
          priority: 40,
          reason: '5th of 8 touches after becoming a client on 2026-11-02; due 2026-12-07, 1 day late',
          template: 'note',
          subject: 'A note for you',
          email: 'ana@example.com',
        },
        {
          id: 'omar-haddad.referral-thanks.thank.2026-12-08',
          contact: 'omar-haddad',
          plan: 'referral-thanks',
          step: 'thank',
          channel: 'email',
          due: day('2026-12-08'),
          date: day('2026-12-08'),
          priority: 90,
          reason: '1 day after referring Tom Byrne on 2026-12-07',
          template: 'thanks',
          subject: 'Thank you',
          email: 'omar@example.com',
        },
      ],
      skipped: [
        {
          id: 'tom-byrne.birthday.email.2026-12-03',
          contact: 'tom-byrne',
          plan: 'birthday',
          step: 'email',
          channel: 'email',
          due: day('2026-12-03'),
          code: 'NoEmailConsent',
          reason: 'has no email consent on record',
        },
        {
          id: 'priya-patel.newsletter.send.2026-12-08',
          contact: 'priya-patel',
          plan: 'newsletter',
          step: 'send',
          channel: 'email',
          due: day('2026-12-08'),
          code: 'Unsubscribed',
          reason: 'unsubscribed on 2026-11-15',
        },
        {
          id: 'tom-byrne.newsletter.send.2026-12-08',
          contact: 'tom-byrne',
          plan: 'newsletter',
          step: 'send',
          channel: 'email',
          due: day('2026-12-08'),
          code: 'NoEmailConsent',
          reason: 'has no email consent on record',
        },
      ],
      missed: [],
    });
  });

  it('leaves out touches history settled, retries temporary failures in the grace window, and lists the missed', () => {
    const history = [
      ['sent', '2026-12-07T10:00:00Z', 'ana-ruiz', 'new-client', 'note', '2026-12-07', 'email'],
      ['claimed', '2026-12-08T10:00:00Z', 'omar-haddad', 'referral-thanks', 'thank', '2026-12-08', 'email'],
      [
        'failed',
        '2026-12-08T10:00:01Z',
        'omar-haddad',
        'referral-thanks',
        'thank',
        '2026-12-08',
        'email',
        { reason: '421 try again later', temporary: true },
      ],
      ['done', '2026-12-10T16:00:00Z', 'omar-haddad', 'referral-thanks', 'gift', '2026-12-09', 'gift', { issue: 12 }],
      ['claimed', '2026-12-12T10:00:00Z', 'ana-ruiz', 'birthday', 'email', '2026-12-12', 'email'],
      [
        'failed',
        '2026-12-12T10:00:01Z',
        'ana-ruiz',
        'birthday',
        'email',
        '2026-12-12',
        'email',
        { reason: '421 mailbox busy', temporary: true },
      ],
    ].map(([event, at, contact, plan, step, due, channel, extra]) =>
      HistoryEntrySchema.parse({
        event,
        at,
        touch: `${contact}.${plan}.${step}.${due}`,
        contact,
        plan,
        step,
        due,
        channel,
        ...(extra as object),
      }),
    );
    expect(plan('2026-12-14', 1, { history })).toEqual({
      // The birthday takes the day; the sequence's 6th note waits for the next run.
      due: [
        '2026-12-14 | ana-ruiz.birthday.email.2026-12-12 | email | p70 | Happy birthday | ana@example.com | - | birthday on 2026-12-12; due 2026-12-12, 2 days late',
      ],
      skipped: [],
      // The partner call due 2026-11-30 came before the first run in history: not the job's to miss.
      missed: [
        'ana-ruiz.newsletter.send.2026-12-08 email: not planned within the 5-day grace window after its due day',
        'omar-haddad.referral-thanks.thank.2026-12-08 email: failed (421 try again later) and was not planned within the 5-day grace window after its due day',
      ],
    });
  });

  it('counts a keep-in-touch step from the last touch by any plan, never from a task only handed over (issue 14)', () => {
    const plans = entries(PlanSchema, {
      'keep-in-touch': {
        name: 'Keep in touch',
        audience: { tiers: ['top'] },
        steps: [{ id: 'call', channel: 'call', task: 'Call them', due: { rule: 'keep-in-touch', days: 30 } }],
      },
    });
    const history = [
      ['done', '2026-11-10T19:00:00Z', 'calls', 'call', '2026-11-10', 'call', { issue: 68 }],
      ['done', '2026-11-26T12:00:00Z', 'cards', 'card', '2026-11-26', 'card', { issue: 70 }],
      ['sent', '2026-11-27T09:00:00Z', 'gifts', 'gift', '2026-11-27', 'gift', { response: 'issue #71' }],
    ].map(([event, at, planId, step, due, channel, extra]) =>
      HistoryEntrySchema.parse({
        event,
        at,
        touch: `ana-ruiz.${planId}.${step}.${due}`,
        contact: 'ana-ruiz',
        plan: planId,
        step,
        due,
        channel,
        ...(extra as object),
      }),
    );
    // The call done on 10 Nov and the card on 26 Nov: nothing is due on 22 Nov, nor until 26 Dec.
    expect(plan('2026-11-22', 35, { plans, history }).due).toEqual([
      '2026-12-26 | ana-ruiz.keep-in-touch.call.2026-12-26 | call | p50 | Call them | - | - | last touch 26 Nov (card), 30 days ago',
    ]);
  });

  it('reports nothing missed before the job first ran, and plans nothing for no days', () => {
    expect(plan('2026-12-31', 1)).toEqual({
      due: [
        '2026-12-31 | ana-ruiz.new-client.note.2026-12-28 | email | p40 | A note for you | ana@example.com | - | 8th of 8 touches after becoming a client on 2026-11-02; due 2026-12-28, 3 days late',
        '2026-12-31 | omar-haddad.partner-call.call.2026-12-31 | call | p50 | Call them | - | - | monthly on day 31',
      ],
      skipped: [],
      missed: [],
    });
    expect(plan('2026-12-01', 0)).toEqual({ due: [], skipped: [], missed: [] });
  });

  it("sends a newsletter only to its own audience within the plan's, never a draft", () => {
    const newsletters = entries(NewsletterSchema, {
      'for-partners': {
        subject: 'Partners only',
        preheader: 'p',
        sendDate: '2026-12-02',
        audience: { segments: ['partner', 'past-client'] },
      },
      'not-ana': { subject: 'Not Ana', preheader: 'p', sendDate: '2026-12-03', audience: { exclude: { contacts: ['ana-ruiz'] } } },
      draft: { subject: 'Draft', preheader: 'p', sendDate: '2026-12-02', draft: true },
    });
    const contacts = entries(ContactSchema, {
      'ana-ruiz': CONTACTS['ana-ruiz'],
      'priya-patel': { ...CONTACTS['priya-patel'], unsubscribed: undefined },
      'omar-haddad': CONTACTS['omar-haddad'],
    });
    const plans = entries(PlanSchema, { newsletter: PLANS.newsletter as unknown as z.input<typeof PlanSchema> });
    expect(plan('2026-12-02', 2, { newsletters, contacts, plans })).toEqual({
      due: [
        '2026-12-02 | ana-ruiz.newsletter.send.2026-12-02 | email | p20 | Partners only | ana@example.com | for-partners | newsletter "for-partners" of 2026-12-02',
        '2026-12-03 | priya-patel.newsletter.send.2026-12-03 | email | p20 | Not Ana | priya@example.com | not-ana | newsletter "not-ana" of 2026-12-03',
      ],
      skipped: [],
      missed: [],
    });
  });
});
