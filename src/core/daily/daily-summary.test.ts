import { describe, expect, it } from 'vitest';
import type { DailyReport } from './daily-run.ts';
import { exitStatus, formatDailyMarkdown, formatDailySummary, formatStoppedMarkdown } from './daily-summary.ts';
import { EXIT, type Problem } from '../problems/index.ts';
import type { Task } from '../tasks/index.ts';
import type { DueTouch } from '../touches/index.ts';

const DAY = Temporal.PlainDate.from('2026-11-03');
const touch = (contact: string, plan = 'monthly-newsletter', step = 'send', channel: DueTouch['channel'] = 'email'): DueTouch => ({
  id: `${contact}.${plan}.${step}.2026-11-03`,
  contact,
  plan,
  step,
  channel,
  due: DAY,
  date: DAY,
  priority: 20,
  reason: 'newsletter',
});
const task: Task = {
  touch: 'ana-ruiz.catch-up-call.call.2026-11-03',
  contact: 'ana-ruiz',
  channel: 'call',
  date: '2026-11-03',
  title: 'Call Ana to catch up (2026-11-03)',
  body: '…',
  labels: ['referable', 'call'],
};
const empty: DailyReport = {
  byChannel: {},
  recovered: [],
  unknowns: [],
  results: [],
  unsent: [],
  held: [],
  skipped: [],
  missed: [],
  deferred: [],
  tasks: [],
  opened: [],
  unopened: [],
  closed: [],
  reopened: [],
  openIssues: [],
  stillOpen: [],
  deferredBecause: 'over the daily limit of 400 emails: sent on a later run',
};
const busy: DailyReport = {
  ...empty,
  byChannel: { email: 5, call: 1 },
  results: [
    { touch: touch('tom-harris'), outcome: { status: 'sent', messageId: '<1@x>', response: '250 ok' } },
    { touch: touch('priya-patel'), outcome: { status: 'failed', temporary: true, reason: '451 Mailbox busy' } },
    { touch: touch('leo-novak'), outcome: { status: 'failed', temporary: false, reason: '550 No such user' } },
    { touch: touch('ana-ruiz'), outcome: { status: 'unknown', reason: 'the connection closed after the message was sent' } },
  ],
  skipped: [{ ...touch('nina-lindqvist'), code: 'Unsubscribed', reason: 'unsubscribed on 2026-09-14' }],
  tasks: [task],
  issuesIn: 'agency/referable',
  opened: [{ task, issue: { number: 12, url: 'https://github.com/agency/referable/issues/12', touch: task.touch, state: 'open' } }],
  openIssues: [{ number: 12, url: 'https://github.com/agency/referable/issues/12', touch: task.touch, state: 'open' }],
  closed: [
    {
      event: 'done',
      at: '2026-11-02T16:00:00Z',
      touch: 'tom-harris.catch-up-call.call.2026-10-30',
      contact: 'tom-harris',
      plan: 'catch-up-call',
      step: 'call',
      due: '2026-10-30',
      channel: 'call',
      issue: 9,
    },
  ],
};
const ctx = { date: '2026-11-03', delivery: 'smtp://smtp.example:587', transport: 'smtp' as const, dryRun: false };
const problem: Problem = {
  code: 'InvalidDate',
  file: 'content/contacts/sam.yaml',
  line: 7,
  column: 9,
  field: 'consent.email.date',
  message: '"2025-02-30" is not a real date',
  hint: 'Write the date as YYYY-MM-DD.',
};

describe('the daily summary', () => {
  it('says plainly when nothing needs the owner', () => {
    expect(formatDailySummary(empty, ctx).join('\n')).toMatchInlineSnapshot(`
      "Daily run for 2026-11-03 (Tuesday): emails to smtp://smtp.example:587
      No touches due today that are not already recorded
        sent         0
        failed       0
        unknown      0
        skipped      0
        held         0
        missed       0
        deferred     0
        tasks        0

      Nothing needs you today."
    `);
    expect(exitStatus(empty, [])).toBe(0);
  });

  it('puts unknown outcomes, permanent failures and open issues first', () => {
    expect(formatDailySummary(busy, ctx).join('\n')).toMatchInlineSnapshot(`
      "Daily run for 2026-11-03 (Tuesday): emails to smtp://smtp.example:587
      6 touches due today: email 5, call 1
        sent         1
        failed       2  1 tried again on the next run
        unknown      1  check by hand: never resent automatically
        skipped      1
        held         0
        missed       0
        deferred     0
        tasks        1  1 issue opened in agency/referable
        done         1  issues closed by hand since the last run

      Needs you:
        ana-ruiz.monthly-newsletter.send.2026-11-03: the connection closed after the message was sent (unknown outcome: settle it with npm run settle -- ana-ruiz.monthly-newsletter.send.2026-11-03 --sent or --not-sent)
        leo-novak.monthly-newsletter.send.2026-11-03: 550 No such user (permanent)
        1 personal touch waiting in the issues of agency/referable: close each issue when it is done

      Failed:
        priya-patel.monthly-newsletter.send.2026-11-03: 451 Mailbox busy (temporary)

      Skipped:
        nina-lindqvist.monthly-newsletter.send.2026-11-03: unsubscribed on 2026-09-14

      Tasks:
        Call Ana to catch up (2026-11-03): issue #12 https://github.com/agency/referable/issues/12

      Done by hand since the last run:
        tom-harris.catch-up-call.call.2026-10-30: done (issue #9)"
    `);
    expect(exitStatus(busy, [])).toBe(3);
    expect(exitStatus(busy, [problem])).toBe(1);
    expect(exitStatus({ ...busy, results: busy.results.slice(0, 2) }, [])).toBe(0);
  });

  it('writes the same as Markdown for the job summary, with the problems', () => {
    expect(formatDailyMarkdown(busy, { ...ctx, problems: [problem] })).toMatchInlineSnapshot(`
      "## Daily run for 2026-11-03 (Tuesday): emails to smtp://smtp.example:587

      6 touches due today: email 5, call 1.

      | outcome | touches | |
      | --- | ---: | --- |
      | sent | 1 |  |
      | failed | 2 | 1 tried again on the next run |
      | unknown | 1 | check by hand: never resent automatically |
      | skipped | 1 |  |
      | held | 0 |  |
      | missed | 0 |  |
      | deferred | 0 |  |
      | tasks | 1 | 1 issue opened in agency/referable |
      | done | 1 | issues closed by hand since the last run |

      ### Needs you

      - ana-ruiz.monthly-newsletter.send.2026-11-03: the connection closed after the message was sent (unknown outcome: settle it with npm run settle -- ana-ruiz.monthly-newsletter.send.2026-11-03 --sent or --not-sent)
      - leo-novak.monthly-newsletter.send.2026-11-03: 550 No such user (permanent)
      - 1 problem in the content, each shown with its file and line: fix it, and what it held back goes out on the next run
      - 1 personal touch waiting in the issues of agency/referable: close each issue when it is done

      ### Problems in the content

      - \`content/contacts/sam.yaml:7:9\` consent.email.date: "2025-02-30" is not a real date. Write the date as YYYY-MM-DD.

      <details><summary>Failed (1)</summary>

      - priya-patel.monthly-newsletter.send.2026-11-03: 451 Mailbox busy (temporary)

      </details>

      <details><summary>Skipped (1)</summary>

      - nina-lindqvist.monthly-newsletter.send.2026-11-03: unsubscribed on 2026-09-14

      </details>

      <details><summary>Tasks (1)</summary>

      - Call Ana to catch up (2026-11-03): issue #12 https://github.com/agency/referable/issues/12

      </details>

      <details><summary>Done by hand since the last run (1)</summary>

      - tom-harris.catch-up-call.call.2026-10-30: done (issue #9)

      </details>
      "
    `);
  });

  // Issue 14, point 6: "Nothing needs you" only when no personal touch handed over earlier is open.
  it('counts the personal touches handed over by earlier runs and not yet done', () => {
    const open = (touch: string, since: string) => ({ touch, contact: touch.split('.')[0], channel: 'card' as const, since });
    const rerun: DailyReport = {
      ...empty,
      stillOpen: [
        open('omar-haddad.birthday-card.card.2026-11-25', '2026-11-25'),
        open('tom-harris.referral-thanks.thank-card.2026-12-01', '2026-12-01'),
      ],
    };
    const lines = formatDailySummary(rerun, { ...ctx, date: '2026-12-01', delivery: 'outbox/' });
    expect(lines.slice(lines.indexOf(''))).toEqual([
      '',
      'Needs you:',
      '  2 personal touches from earlier runs are not done yet (the oldest handed over on 2026-11-25): see Still open below; when one is done, close its issue or record it with npm run log -- CONTACT --channel CHANNEL',
      '',
      'Still open:',
      '  omar-haddad.birthday-card.card.2026-11-25: card, handed over 2026-11-25',
      '  tom-harris.referral-thanks.thank-card.2026-12-01: card, handed over 2026-12-01',
    ]);
    // Nothing more than the day's personal touches: the exit status stays 0.
    expect(exitStatus(rerun, [])).toBe(0);
    const sameDay = formatDailySummary({ ...rerun, stillOpen: rerun.stillOpen.slice(1) }, { ...ctx, date: '2026-12-01' });
    expect(sameDay).toContain(
      '  1 personal touch from earlier runs is not done yet (handed over earlier today): see Still open below; when one is done, close its issue or record it with npm run log -- CONTACT --channel CHANNEL',
    );
    // With GitHub, the open issues are the list; the line says since when.
    const github = formatDailySummary(
      { ...busy, stillOpen: [{ touch: task.touch, contact: 'ana-ruiz', channel: 'call', since: '2026-10-28' }] },
      ctx,
    );
    expect(github).toContain(
      '  1 personal touch waiting in the issues of agency/referable, the oldest since 2026-10-28: close each issue when it is done',
    );
    expect(github.join('\n')).not.toContain('Still open');
  });
});

describe('a run in which no email got through', () => {
  const failed: DailyReport = {
    ...empty,
    byChannel: { email: 2 },
    results: [
      { touch: touch('tom-harris'), outcome: { status: 'failed', temporary: true, reason: '454 Throttling' } },
      { touch: touch('priya-patel'), outcome: { status: 'failed', temporary: true, reason: '454 Throttling' } },
    ],
  };
  const line = (transport: 'smtp' | 'ses' | 'outbox', delivery: string) =>
    formatDailySummary(failed, { ...ctx, transport, delivery }).find((l) => l.includes('No email could be delivered'));

  it('says what to check for the transport in use, not always SMTP_URL', () => {
    expect(line('smtp', 'smtp://smtp.example:587')).toBe(
      '  No email could be delivered: all 2 failed (the first: 454 Throttling). Check the mail server and SMTP_URL.',
    );
    expect(line('ses', 'Amazon SES (eu-west-1)')).toBe(
      '  No email could be delivered: all 2 failed (the first: 454 Throttling). Check Amazon SES in AWS_REGION: that the sender is verified and the account may send.',
    );
    expect(line('outbox', 'outbox/')).toBe(
      '  No email could be delivered: all 2 failed (the first: 454 Throttling). Check that the outbox folder can be written.',
    );
    expect(exitStatus(failed, [])).toBe(EXIT.attention);
  });
});

describe('formatStoppedMarkdown', () => {
  it('says why nothing was sent, with each problem as the run summary lists them, written so no text becomes Markdown', () => {
    const history: Problem = {
      code: 'Invalid',
      file: 'content/history/2026-11.jsonl',
      line: 4,
      column: 1,
      field: 'event',
      message: 'must be one of claimed | sent | failed, not `<b>sent</b>`',
      hint: 'Correct the value.',
    };
    expect(formatStoppedMarkdown('Nothing was sent: history has problems.', [history])).toBe(
      [
        '## Daily run stopped',
        '',
        'Nothing was sent: history has problems.',
        '',
        '- `content/history/2026-11.jsonl:4:1` event: must be one of claimed \\| sent \\| failed, not \\`\\<b\\>sent\\</b\\>\\`. Correct the value.',
        '',
      ].join('\n'),
    );
  });

  it('gives the line alone when no content problem is behind it (an account the server refuses)', () => {
    expect(formatStoppedMarkdown('SMTP_URL: the server refused the user name or password.')).toBe(
      '## Daily run stopped\n\nSMTP\\_URL: the server refused the user name or password.\n',
    );
  });
});
