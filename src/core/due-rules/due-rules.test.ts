import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../calendar/index.ts';
import { DueRuleSchema, dueDays, ordinal, type NewsletterIssue } from './index.ts';
import { triggersByContact } from '../planning/index.ts';
import type { z } from 'zod';
import { ContactSchema, ReferralSchema, type ContactInput } from '../model/index.ts';

type ReferralInput = z.input<typeof ReferralSchema>;

type Options = {
  contact?: Partial<ContactInput>;
  referrals?: ReferralInput[];
  lastDue?: string;
  lastTouch?: { day: string; channel: string };
  newsletters?: NewsletterIssue[];
};

/** The due days of a rule for Ana in [start, end], as `YYYY-MM-DD reason`. */
function due(rule: unknown, start: string, end: string, options: Options = {}): string[] {
  const data = ContactSchema.parse({ name: 'Ana Ruiz', segment: 'past-client', ...options.contact });
  const referrals = (options.referrals ?? []).map((r, i) => ({ id: `r${i}`, file: `r${i}.yaml`, data: ReferralSchema.parse(r) }));
  const ctx = {
    contact: 'ana-ruiz',
    data,
    triggers: triggersByContact([{ id: 'ana-ruiz', file: 'ana-ruiz.yaml', data }], referrals)('ana-ruiz'),
    lastDue: options.lastDue ? parseDay(options.lastDue) : undefined,
    lastTouch: options.lastTouch ? { day: parseDay(options.lastTouch.day), channel: options.lastTouch.channel } : undefined,
    newsletters: options.newsletters ?? [],
  };
  return dueDays(DueRuleSchema.parse(rule), ctx, parseDay(start), parseDay(end)).map(
    (d) => `${formatDay(d.due)} ${d.reason}${d.newsletter ? ` [${d.newsletter}: ${d.subject}]` : ''}`,
  );
}

describe('every N days, weeks or months', () => {
  it('counts from the key date when history has no touch', () => {
    expect(
      due({ rule: 'every', interval: 3, unit: 'months' }, '2026-01-01', '2026-12-31', {
        contact: { dates: { clientSince: '2024-11-30' } },
      }),
    ).toEqual([
      '2026-02-28 every 3 months since becoming a client on 2024-11-30',
      '2026-05-30 every 3 months since becoming a client on 2024-11-30',
      '2026-08-30 every 3 months since becoming a client on 2024-11-30',
      '2026-11-30 every 3 months since becoming a client on 2024-11-30',
    ]);
  });

  it('keeps counting from the key date while history follows it, month ends included', () => {
    expect(
      due({ rule: 'every', interval: 1, unit: 'months' }, '2024-03-01', '2024-04-30', {
        lastDue: '2024-02-29',
        contact: { dates: { clientSince: '2024-01-31' } },
      }),
    ).toEqual([
      '2024-03-31 every month since becoming a client on 2024-01-31',
      '2024-04-30 every month since becoming a client on 2024-01-31',
    ]);
  });

  it('counts from the last touch of the step in history when it is off that count', () => {
    expect(
      due({ rule: 'every', interval: 2, unit: 'weeks' }, '2026-12-01', '2026-12-31', {
        lastDue: '2026-11-20',
        contact: { dates: { clientSince: '2020-01-01' } },
      }),
    ).toEqual([
      '2026-12-04 every 2 weeks since the last one, due 2026-11-20',
      '2026-12-18 every 2 weeks since the last one, due 2026-11-20',
    ]);
  });

  it('counts from another key date when told, and never on the key date itself', () => {
    expect(
      due({ rule: 'every', interval: 10, unit: 'days', from: 'closing' }, '2026-11-01', '2026-11-25', {
        contact: { dates: { closing: '2026-11-05' } },
      }),
    ).toEqual(['2026-11-15 every 10 days since closing on 2026-11-05', '2026-11-25 every 10 days since closing on 2026-11-05']);
    expect(
      due({ rule: 'every', interval: 1, unit: 'months', from: 'birthday' }, '2026-01-01', '2026-03-31', {
        contact: { dates: { birthday: '01-31' } },
      }),
    ).toEqual([
      '2026-01-31 every month since birthday on 01-31',
      '2026-02-28 every month since birthday on 01-31',
      '2026-03-31 every month since birthday on 01-31',
    ]);
  });

  it('spreads contacts with no touch and no key date by their id, the same way every time', () => {
    const once = due({ rule: 'every', interval: 90, unit: 'days' }, '2026-01-01', '2026-12-31');
    expect(once).toHaveLength(4);
    expect(once[0]).toMatch(/^2026-0[1-3]-\d\d every 90 days on a day set by the contact's id \(no clientSince on file\)$/);
    expect(due({ rule: 'every', interval: 90, unit: 'days' }, '2026-01-01', '2026-12-31')).toEqual(once);
  });
});

describe('keep in touch after N quiet days', () => {
  const rule = { rule: 'keep-in-touch', days: 45 };

  it('is due N days after the last touch of any kind, and every N days after while none comes', () => {
    expect(
      due(rule, '2026-11-01', '2027-03-01', {
        lastTouch: { day: '2026-10-12', channel: 'card' },
        contact: { dates: { clientSince: '2020-01-01' } },
      }),
    ).toEqual([
      '2026-11-26 last touch 12 Oct (card), 45 days ago',
      '2027-01-10 last touch 12 Oct 2026 (card), 90 days ago',
      '2027-02-24 last touch 12 Oct 2026 (card), 135 days ago',
    ]);
  });

  it('restarts the count at any touch: a call logged on 1 Dec moves the next day to 15 Jan', () => {
    expect(due(rule, '2026-11-27', '2027-01-31', { lastTouch: { day: '2026-12-01', channel: 'call' } })).toEqual([
      '2027-01-15 last touch 1 Dec 2026 (call), 45 days ago',
    ]);
  });

  it('shows only the days inside the window, never the day of the touch itself', () => {
    expect(
      due({ rule: 'keep-in-touch', days: 1 }, '2026-12-02', '2026-12-03', { lastTouch: { day: '2026-12-02', channel: 'meeting' } }),
    ).toEqual(['2026-12-03 last touch 2 Dec (meeting), 1 day ago']);
    expect(due(rule, '2026-10-12', '2026-11-25', { lastTouch: { day: '2026-10-12', channel: 'email' } })).toEqual([]);
  });

  it('counts from becoming a client when no touch is on record', () => {
    expect(due(rule, '2026-11-01', '2026-12-31', { contact: { dates: { clientSince: '2026-09-01' } } })).toEqual([
      '2026-11-30 no touch on record: every 45 days since becoming a client on 2026-09-01',
    ]);
  });

  it('spreads contacts with no touch and no client date by their id, the same way every time', () => {
    const once = due(rule, '2026-01-01', '2026-12-31');
    expect(once).toHaveLength(8);
    expect(once[0]).toMatch(/^2026-0[12]-\d\d no touch on record: every 45 days from a day set by the contact's id$/);
    expect(due(rule, '2026-01-01', '2026-12-31')).toEqual(once);
  });

  it('needs a whole number of days of at least 1', () => {
    expect(DueRuleSchema.safeParse({ rule: 'keep-in-touch', days: 0 }).success).toBe(false);
    expect(DueRuleSchema.safeParse({ rule: 'keep-in-touch', days: 45, unit: 'days' }).success).toBe(false);
  });
});

describe('calendar rules', () => {
  it('monthly on day 31 falls on the last day of shorter months', () => {
    expect(due({ rule: 'monthly', day: 31 }, '2027-01-15', '2027-04-30')).toEqual([
      '2027-01-31 monthly on day 31',
      '2027-02-28 monthly on day 31',
      '2027-03-31 monthly on day 31',
      '2027-04-30 monthly on day 31',
    ]);
    expect(due({ rule: 'monthly', day: 30 }, '2028-02-01', '2028-02-29')).toEqual(['2028-02-29 monthly on day 30']);
  });

  it('quarterly on a day of the first, second or third month of each quarter', () => {
    const reason = 'quarterly on day 15 of February, May, August and November';
    expect(due({ rule: 'quarterly', month: 2, day: 15 }, '2026-01-01', '2026-12-31')).toEqual([
      `2026-02-15 ${reason}`,
      `2026-05-15 ${reason}`,
      `2026-08-15 ${reason}`,
      `2026-11-15 ${reason}`,
    ]);
    expect(due({ rule: 'quarterly', day: 31 }, '2026-04-01', '2026-10-31')).toEqual([
      '2026-04-30 quarterly on day 31 of January, April, July and October',
      '2026-07-31 quarterly on day 31 of January, April, July and October',
      '2026-10-31 quarterly on day 31 of January, April, July and October',
    ]);
  });

  it('yearly on a date, 29 February on the 28th in other years', () => {
    expect(due({ rule: 'yearly', month: 2, day: 29 }, '2026-01-01', '2028-12-31')).toEqual([
      '2026-02-28 yearly on 29 February',
      '2027-02-28 yearly on 29 February',
      '2028-02-29 yearly on 29 February',
    ]);
  });
});

describe('anniversaries', () => {
  it('of a closing, with the count, and days ahead for a card', () => {
    expect(
      due({ rule: 'anniversary', of: 'closing', daysBefore: 5 }, '2026-12-01', '2027-12-31', {
        contact: { dates: { closing: '2021-12-06' } },
      }),
    ).toEqual([
      '2026-12-01 5th anniversary of closing (2021-12-06) on 2026-12-06, 5 days ahead',
      '2027-12-01 6th anniversary of closing (2021-12-06) on 2027-12-06, 5 days ahead',
    ]);
  });

  it('of becoming a client, never in the year it happened', () => {
    expect(
      due({ rule: 'anniversary', of: 'clientSince' }, '2025-01-01', '2026-12-31', { contact: { dates: { clientSince: '2025-03-10' } } }),
    ).toEqual(['2026-03-10 1st anniversary of becoming a client (2025-03-10) on 2026-03-10']);
  });

  it('of a birthday with or without a year; 29 February on the 28th in other years', () => {
    expect(due({ rule: 'anniversary', of: 'birthday' }, '2026-01-01', '2028-12-31', { contact: { dates: { birthday: '02-29' } } })).toEqual(
      ['2026-02-28 birthday on 2026-02-28', '2027-02-28 birthday on 2027-02-28', '2028-02-29 birthday on 2028-02-29'],
    );
    expect(
      due({ rule: 'anniversary', of: 'birthday', daysBefore: 1 }, '2026-12-01', '2027-01-31', {
        contact: { dates: { birthday: '1976-01-01' } },
      }),
    ).toEqual(['2026-12-31 51st birthday on 2027-01-01, 1 day ahead']);
  });

  it('is never due without the key date', () => {
    expect(due({ rule: 'anniversary', of: 'closing' }, '2026-01-01', '2026-12-31')).toEqual([]);
  });
});

const referral = (date: string, statuses: [string, string][] = []): ReferralInput => ({
  referrer: 'ana-ruiz',
  referred: 'tom-byrne',
  date,
  status: [{ status: 'introduced', date }, ...statuses.map(([status, d]) => ({ status: status as 'met', date: d }))],
});

describe('after a trigger', () => {
  it.each<[string, unknown, Options, string[]]>([
    [
      'becoming a client',
      { rule: 'after', trigger: 'became-client', days: 30 },
      { contact: { dates: { clientSince: '2026-11-01' } } },
      ['2026-12-01 30 days after becoming a client on 2026-11-01'],
    ],
    [
      'closing',
      { rule: 'after', trigger: 'closing', days: 0 },
      { contact: { dates: { closing: '2026-12-10' } } },
      ['2026-12-10 the day of closing on 2026-12-10'],
    ],
    [
      'each referral made',
      { rule: 'after', trigger: 'made-referral', days: 1 },
      { referrals: [referral('2026-12-09'), referral('2026-11-30')] },
      ['2026-12-01 1 day after referring tom-byrne on 2026-11-30', '2026-12-10 1 day after referring tom-byrne on 2026-12-09'],
    ],
    [
      "each change of a referral's status, not its first status",
      { rule: 'after', trigger: 'referral-status-changed', days: 2 },
      {
        referrals: [
          referral('2026-11-20', [
            ['met', '2026-12-01'],
            ['client', '2026-12-20'],
          ]),
        ],
      },
      ['2026-12-03 2 days after tom-byrne met us on 2026-12-01', '2026-12-22 2 days after tom-byrne became a client on 2026-12-20'],
    ],
    [
      'a person referred becoming a client, with the status note',
      { rule: 'after', trigger: 'referral-became-client', days: 1 },
      {
        referrals: [
          {
            ...referral('2026-11-20', [['met', '2026-12-01']]),
            status: [
              { status: 'introduced', date: '2026-11-20' },
              { status: 'client', date: '2026-12-04', note: 'Instructed us to sell.' },
            ],
          },
        ],
      },
      ['2026-12-05 1 day after tom-byrne became a client on 2026-12-04 (Instructed us to sell)'],
    ],
    ['nothing without the trigger', { rule: 'after', trigger: 'became-client', days: 1 }, {}, []],
  ])('%s', (_, rule, options, expected) => {
    expect(due(rule, '2026-12-01', '2026-12-31', options)).toEqual(expected);
  });

  it('a referral made by someone else is not their trigger', () => {
    expect(
      due({ rule: 'after', trigger: 'made-referral', days: 1 }, '2026-12-01', '2026-12-31', {
        referrals: [{ ...referral('2026-12-02'), referrer: 'tom-byrne', referred: 'ana-ruiz' }],
      }),
    ).toEqual([]);
  });
});

describe('sequences', () => {
  const eightWeeks = { rule: 'sequence', trigger: 'became-client', count: 8, spacingDays: 7, startAfter: 7 };

  it('are K touches S days apart from the trigger', () => {
    expect(due(eightWeeks, '2026-01-01', '2026-12-31', { contact: { dates: { clientSince: '2026-11-02' } } })).toEqual(
      ['11-09', '11-16', '11-23', '11-30', '12-07', '12-14', '12-21', '12-28'].map(
        (d, i) => `2026-${d} ${ordinal(i + 1)} of 8 touches after becoming a client on 2026-11-02`,
      ),
    );
  });

  it('show only the touches inside the window', () => {
    expect(due(eightWeeks, '2026-12-01', '2026-12-14', { contact: { dates: { clientSince: '2026-11-02' } } })).toEqual([
      '2026-12-07 5th of 8 touches after becoming a client on 2026-11-02',
      '2026-12-14 6th of 8 touches after becoming a client on 2026-11-02',
    ]);
  });

  it('end early on an until trigger after the start, from its day on', () => {
    const rule = { rule: 'sequence', trigger: 'made-referral', count: 4, spacingDays: 10, until: ['became-client'] };
    expect(
      due(rule, '2026-01-01', '2026-12-31', { referrals: [referral('2026-11-01')], contact: { dates: { clientSince: '2026-11-21' } } }),
    ).toEqual([
      '2026-11-01 1st of 4 touches after referring tom-byrne on 2026-11-01',
      '2026-11-11 2nd of 4 touches after referring tom-byrne on 2026-11-01',
    ]);
    expect(
      due(rule, '2026-01-01', '2026-12-31', { referrals: [referral('2026-11-01')], contact: { dates: { clientSince: '2020-01-01' } } }),
    ).toHaveLength(4);
  });

  it('start again for each time the trigger happens', () => {
    const rule = { rule: 'sequence', trigger: 'made-referral', count: 2, spacingDays: 3 };
    expect(due(rule, '2026-01-01', '2026-12-31', { referrals: [referral('2026-05-01'), referral('2026-06-01')] })).toEqual([
      '2026-05-01 1st of 2 touches after referring tom-byrne on 2026-05-01',
      '2026-05-04 2nd of 2 touches after referring tom-byrne on 2026-05-01',
      '2026-06-01 1st of 2 touches after referring tom-byrne on 2026-06-01',
      '2026-06-04 2nd of 2 touches after referring tom-byrne on 2026-06-01',
    ]);
  });
});

describe('the place of a touch in its sequence', () => {
  it('counts from 1 and starts again with each trigger, so a step can vary its words', () => {
    const data = ContactSchema.parse({ name: 'Ana Ruiz', segment: 'past-client' });
    const referrals = ['2026-05-01', '2026-06-01'].map((date, i) => ({
      id: `r${i}`,
      file: `r${i}.yaml`,
      data: ReferralSchema.parse(referral(date)),
    }));
    const ctx = {
      contact: 'ana-ruiz',
      data,
      triggers: triggersByContact([{ id: 'ana-ruiz', file: 'ana-ruiz.yaml', data }], referrals)('ana-ruiz'),
      newsletters: [],
    };
    const rule = DueRuleSchema.parse({ rule: 'sequence', trigger: 'made-referral', count: 2, spacingDays: 3 });
    expect(dueDays(rule, ctx, parseDay('2026-05-03'), parseDay('2026-12-31')).map((d) => `${formatDay(d.due)} #${d.occurrence}`)).toEqual([
      '2026-05-04 #2',
      '2026-06-01 #1',
      '2026-06-04 #2',
    ]);
  });
});

describe('newsletters', () => {
  const issue = (id: string, sendDate: string): NewsletterIssue => ({
    id,
    sendDate,
    sendDay: parseDay(sendDate),
    subject: `Subject ${id}`,
  });

  it('are due on their send dates', () => {
    expect(
      due({ rule: 'newsletter' }, '2026-12-01', '2026-12-31', { newsletters: [issue('nov', '2026-11-03'), issue('dec', '2026-12-01')] }),
    ).toEqual(['2026-12-01 newsletter "dec" of 2026-12-01 [dec: Subject dec]']);
  });

  it('sharing a send date go a day apart, so each has its own touch id', () => {
    expect(
      due({ rule: 'newsletter' }, '2026-12-01', '2026-12-31', {
        newsletters: [issue('a', '2026-12-01'), issue('b', '2026-12-01'), issue('c', '2026-12-02')],
      }),
    ).toEqual([
      '2026-12-01 newsletter "a" of 2026-12-01 [a: Subject a]',
      '2026-12-02 newsletter "b" of 2026-12-01, a day after "a" [b: Subject b]',
      '2026-12-03 newsletter "c" of 2026-12-02, a day after "b" [c: Subject c]',
    ]);
  });
});

describe('ordinal', () => {
  it('names 1st to 113th', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 113].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '113th',
    ]);
  });
});
