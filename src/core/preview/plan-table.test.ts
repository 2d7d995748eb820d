import { describe, expect, it } from 'vitest';
import { formatPlanTable, planJson, planRows, type PlanRow } from './plan-table.ts';
import { ContactSchema, NewsletterSchema, SettingsSchema, type ContactInput, emptyContent, type Content } from '../model/index.ts';
import type { DueTouch, SkippedTouch } from '../touches/index.ts';
import { because, type Reason } from '../reasons/index.ts';

const d = (text: string) => Temporal.PlainDate.from(text);
const settings = SettingsSchema.parse({
  business: {
    name: 'Harbour & Hill',
    email: 'hello@hh.example',
    address: { street: '12 Wapping Road', locality: 'Bristol', postalCode: 'BS1 4RW', country: 'United Kingdom' },
  },
  sender: { name: 'Maya Brennan', email: 'maya@hh.example' },
  timeZone: 'Europe/London',
  site: { url: 'https://hh.example' },
  unsubscribe: { mailto: 'unsubscribe@hh.example' },
});
const consent = { email: { basis: 'consent', source: 'Form', date: '2025-01-01' } } as const;
const contact = (id: string, data: Partial<ContactInput>) => ({
  id,
  file: `contacts/${id}.yaml`,
  data: ContactSchema.parse({ emails: [`${id}@mail.example`], segment: 'past-client', consent, ...data }),
});
const content: Content = {
  ...emptyContent(),
  settings,
  contacts: [contact('ana-ruiz', { name: 'Ana Ruiz' }), contact('tom-byrne', { name: 'Tom Byrne', consent: {} })],
  newsletters: [
    {
      id: 'winter',
      file: 'newsletters/winter.mdx',
      body: '## Bleed the radiators',
      data: NewsletterSchema.parse({ subject: '{{firstName}}, five winter tips', preheader: 'Tips', sendDate: '2026-12-01' }),
    },
  ],
};
const touch = (contact: string, plan: string, step: string, date: string, more: Partial<DueTouch> = {}): DueTouch => ({
  id: `${contact}.${plan}.${step}.${date}`,
  contact,
  plan,
  step,
  channel: 'email',
  due: d(date),
  date: d(date),
  priority: 50,
  reason: 'test',
  ...more,
});

describe('planRows', () => {
  it('fills subjects and tasks for each contact, notes moved touches, and sorts by date, contact, plan, step', () => {
    const due = [
      touch('tom-byrne', 'calls', 'call', '2026-12-03', { channel: 'call', task: 'Call {{firstName}} ({{name}})' }),
      touch('ana-ruiz', 'newsletter', 'send', '2026-12-01', {
        template: 'newsletter',
        newsletter: 'winter',
        subject: '{{firstName}}, five winter tips',
      }),
      touch('ana-ruiz', 'birthday', 'email', '2026-12-01', { subject: 'Happy birthday, {{firstName}}', due: d('2026-11-29') }),
      // Tom has no consent: the email cannot be personalized, and the plan still shows its subject.
      touch('tom-byrne', 'birthday', 'email', '2026-12-01', { subject: 'Happy birthday, {{firstName}}' }),
    ];
    expect(planRows(due, content, settings, d('2026-12-01'))).toEqual([
      {
        date: '2026-12-01',
        contact: 'ana-ruiz',
        plan: 'birthday',
        step: 'email',
        channel: 'email',
        subject: 'Happy birthday, Ana',
        due: '2026-11-29',
      },
      { date: '2026-12-01', contact: 'ana-ruiz', plan: 'newsletter', step: 'send', channel: 'email', subject: 'Ana, five winter tips' },
      { date: '2026-12-01', contact: 'tom-byrne', plan: 'birthday', step: 'email', channel: 'email', subject: 'Happy birthday, Tom' },
      { date: '2026-12-03', contact: 'tom-byrne', plan: 'calls', step: 'call', channel: 'call', task: 'Call Tom (Tom Byrne)' },
    ]);
  });
});

const rows: PlanRow[] = [
  { date: '2026-12-03', contact: 'tom-byrne', plan: 'calls', step: 'call', channel: 'call', task: 'Call Tom' },
  { date: '2026-12-01', contact: 'ana-ruiz', plan: 'newsletter', step: 'send', channel: 'email', subject: 'Ana, five winter tips' },
  {
    date: '2026-12-01',
    contact: 'ana-ruiz',
    plan: 'birthday',
    step: 'email',
    channel: 'email',
    subject: 'Happy birthday, Ana',
    due: '2026-11-29',
  },
];

describe('planJson', () => {
  it('keeps exactly date, contact, plan, step, channel and subject, in that order, sorted', () => {
    const json = JSON.stringify(planJson(rows));
    expect(json).toBe(
      JSON.stringify([
        { date: '2026-12-01', contact: 'ana-ruiz', plan: 'birthday', step: 'email', channel: 'email', subject: 'Happy birthday, Ana' },
        { date: '2026-12-01', contact: 'ana-ruiz', plan: 'newsletter', step: 'send', channel: 'email', subject: 'Ana, five winter tips' },
        { date: '2026-12-03', contact: 'tom-byrne', plan: 'calls', step: 'call', channel: 'call' },
      ]),
    );
    expect(JSON.stringify(planJson(rows.toReversed()))).toBe(json);
  });
});

describe('formatPlanTable', () => {
  const skip = (contact: string, { code, reason }: Reason, due = '2026-12-01'): SkippedTouch => ({
    id: `${contact}.newsletter.send.${due}`,
    contact,
    plan: 'newsletter',
    step: 'send',
    channel: 'email',
    due: d(due),
    code,
    reason,
  });

  it('groups by day, collapses quiet days, and counts skipped and missed touches by reason', () => {
    const skipped = [
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((c) => skip(`contact-${c}`, because('NoEmailAddress'))),
      skip('tom-byrne', because('NoEmailConsent')),
    ];
    const missed = [skip('ana-ruiz', because('GraceWindowPassed', { graceDays: 5 }), '2026-11-20')];
    const lines = formatPlanTable({ business: 'Harbour & Hill', from: d('2026-11-30'), days: 7, rows, skipped, missed });
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "Harbour & Hill: touches due from Mon, 30 Nov 2026 to Sun, 6 Dec 2026 (7 days)

      Mon, 30 Nov 2026: nothing due

      Tue, 1 Dec 2026 (2 touches)
        ana-ruiz   birthday    email  email  Happy birthday, Ana  (due 2026-11-29)
        ana-ruiz   newsletter  send   email  Ana, five winter tips

      Wed, 2 Dec 2026: nothing due

      Thu, 3 Dec 2026 (1 touch)
        tom-byrne  calls       call   call   Call Tom

      Fri, 4 Dec 2026 to Sun, 6 Dec 2026: nothing due

      3 touches: 2 emails, 1 personal touch (1 call).

      8 skipped, and why:
           7  has no email address: contact-a newsletter/send due 2026-12-01; contact-b newsletter/send due 2026-12-01; contact-c newsletter/send due 2026-12-01; contact-d newsletter/send due 2026-12-01; contact-e newsletter/send due 2026-12-01; and 2 more
           1  has no email consent on record: tom-byrne newsletter/send due 2026-12-01

      1 missed, and why:
           1  not planned within the 5-day grace window after its due day: ana-ruiz newsletter/send due 2026-11-20"
    `);
  });

  it('says when nothing is due, skipped or missed on a single day', () => {
    expect(formatPlanTable({ business: 'Harbour & Hill', from: d('2026-12-02'), days: 1, rows: [], skipped: [], missed: [] })).toEqual([
      'Harbour & Hill: touches due on Wed, 2 Dec 2026',
      '',
      'Wed, 2 Dec 2026: nothing due',
      '',
      '0 touches: 0 emails, 0 personal touches.',
      'No touches skipped.',
      'No touches missed.',
    ]);
  });
});
