import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildReport, type ReportInput } from './report.ts';
import { reportHtml } from './html.ts';
import { reportMarkdown } from './markdown.ts';
import { contactTimeline, formatTimeline } from './timeline.ts';
import { ContactSchema, HistoryEntrySchema, NewsletterSchema, PlanSchema, ReferralSchema } from '../model/index.ts';

// Issue 7, point 5: the report's pure parts on literal data (the hand-counted fixture is in
// test/report.test.ts).

const entries = <S extends z.ZodType>(schema: S, records: Record<string, z.input<S>>) =>
  Object.entries(records).map(([id, data]) => ({ id, file: `${id}.yaml`, data: schema.parse(data) as z.output<S> }));

const settings = {
  timeZone: 'Europe/London',
  overdueAfterDays: { 'past-client': 120, sphere: 90, partner: 60, prospect: 30 },
  business: { name: 'Harbour & <Hill>' },
};

const empty: ReportInput = { settings, contacts: [], plans: [], referrals: [], history: [] };
const day = Temporal.PlainDate.from('2026-06-30');

describe('buildReport', () => {
  it('names the newsletter issue that came before a referral, not only its plan', () => {
    const sent = (due: string) =>
      HistoryEntrySchema.parse({
        event: 'sent',
        at: `${due}T08:00:00Z`,
        touch: `ana.news.send.${due}`,
        contact: 'ana',
        plan: 'news',
        step: 'send',
        due,
        channel: 'email',
      });
    const report = buildReport(
      {
        ...empty,
        contacts: entries(ContactSchema, {
          ana: { name: 'Ana <Ruiz>', segment: 'past-client' },
          sam: { name: 'Sam', segment: 'prospect' },
        }),
        plans: entries(PlanSchema, {
          news: { name: 'Newsletter', steps: [{ id: 'send', channel: 'email', template: 'newsletter', due: { rule: 'newsletter' } }] },
        }),
        newsletters: entries(NewsletterSchema, { bills: { subject: 'Cut your bills', preheader: 'p', sendDate: '2026-05-01' } }),
        referrals: entries(ReferralSchema, {
          r: { referrer: 'ana', referred: 'sam', date: '2026-05-20', status: [{ status: 'introduced', date: '2026-05-20' }] },
        }),
        history: [sent('2026-05-01'), sent('2026-04-02')],
      },
      day,
    );
    expect(report.whatWorks).toEqual([
      // The April send had no newsletter issue on its day: it counts for its plan.
      { source: 'news', label: 'Newsletter', reached: 1, referrals: 1, touches: 1, notReached: 1, referralsNotReached: 0, tooFew: true },
      {
        source: 'newsletter:bills',
        label: 'Newsletter: Cut your bills',
        reached: 1,
        referrals: 1,
        touches: 1,
        notReached: 1,
        referralsNotReached: 0,
        tooFew: true,
      },
    ]);
    expect(reportHtml(report)).toContain('Ana &lt;Ruiz&gt;');
  });

  it('reads well with nothing to report yet', () => {
    const report = buildReport(empty, day);
    expect(report.referrals.conversion).toBe(0);
    expect(reportMarkdown(report).split('\n').slice(0, 5)).toEqual([
      '# Harbour & <Hill>: referral report, 2026-06-30',
      '',
      'Private: for the owner only. No history yet.',
      '',
      '**0 referrals**, 0 became clients (0%); **0 contacts overdue** for a touch.',
    ]);
    const html = reportHtml(report);
    expect(html).toContain('<h1>Harbour &amp; &lt;Hill&gt;</h1>');
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).toContain('Nothing yet');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  // Issue 14, point 5: a personal touch counts once it is done, never when only handed over.
  it('counts a personal touch once done, not when it was only handed over as a task', () => {
    const entry = (
      event: 'claimed' | 'sent' | 'done',
      touch: string,
      channel: 'card' | 'gift' | 'call' | 'email',
      at: string,
      note?: string,
    ) =>
      HistoryEntrySchema.parse({
        ...(note ? { note } : {}),
        event,
        at,
        touch,
        contact: 'ana',
        plan: touch.split('.')[1],
        step: touch.split('.')[2],
        due: touch.split('.')[3],
        channel,
      });
    const input: ReportInput = {
      ...empty,
      contacts: entries(ContactSchema, {
        ana: { name: 'Ana', segment: 'past-client' },
        sam: { name: 'Sam', segment: 'prospect' },
      }),
      plans: entries(PlanSchema, {
        thanks: {
          name: 'Referral thanks',
          steps: [
            { id: 'card', channel: 'card', due: { rule: 'after', trigger: 'made-referral', days: 1 }, task: 'Card' },
            { id: 'gift', channel: 'gift', due: { rule: 'after', trigger: 'made-referral', days: 2 }, task: 'Gift' },
          ],
        },
      }),
      referrals: entries(ReferralSchema, {
        r: { referrer: 'ana', referred: 'sam', date: '2026-06-20', status: [{ status: 'introduced', date: '2026-06-20' }] },
      }),
      history: [
        entry('claimed', 'ana.thanks.card.2026-06-21', 'card', '2026-06-21T08:00:00Z'),
        entry('sent', 'ana.thanks.card.2026-06-21', 'card', '2026-06-21T08:00:01Z'),
        entry('claimed', 'ana.thanks.gift.2026-06-22', 'gift', '2026-06-22T08:00:00Z'),
        entry('sent', 'ana.thanks.gift.2026-06-22', 'gift', '2026-06-22T08:00:01Z'),
        entry('done', 'ana.thanks.gift.2026-06-22', 'gift', '2026-06-24T17:00:00Z'),
        // Logged by hand: a call, and a reply intake took in.
        entry('done', 'ana.manual.call.2026-06-25', 'call', '2026-06-25T12:00:00Z', 'Coffee at the club'),
        entry('done', 'ana.manual.reply.2026-06-26', 'email', '2026-06-26T10:00:00Z'),
      ],
    };
    const report = buildReport(input, day);
    expect(report.referrals.lines[0].loop).toEqual([{ kind: 'gift', date: '2026-06-24' }]);
    expect(reportMarkdown(report)).toContain('| 2026-06-20 | Ana | Sam | Introduced | gift 24 Jun |');
    expect(report.channels).toEqual([
      { channel: 'call', count: 1 },
      { channel: 'email', count: 1 },
      { channel: 'gift', count: 1 },
    ]);
    // Sam, a prospect never touched, is overdue; Ana was touched on the 26th.
    expect(report.overdue.map((o) => o.id)).toEqual(['sam']);
    expect(formatTimeline(contactTimeline(input, 'ana', day)!)).toEqual([
      'Ana (ana): past-client, standard tier. Everything up to 2026-06-30, newest first.',
      '',
      '2026-06-26  touch    replied',
      '2026-06-25  touch    call (logged by hand) (“Coffee at the club”)',
      '2026-06-24  touch    Referral thanks: gift done',
      '2026-06-21  touch    Referral thanks: card handed over as a task, not done yet',
      '2026-06-20  referral referred Sam',
    ]);
    expect(contactTimeline(input, 'nobody', day)).toBeUndefined();
  });

  // Issue 14, point 5: each plan's referrals per 100 contacts it reached, beside the rest.
  it('sets the contacts a plan reached beside those it did not, and says when there are enough', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    const sent = (contact: string) =>
      HistoryEntrySchema.parse({
        event: 'sent',
        at: '2026-05-01T08:00:00Z',
        touch: `${contact}.news.send.2026-05-01`,
        contact,
        plan: 'news',
        step: 'send',
        due: '2026-05-01',
        channel: 'email',
      });
    // The newsletter reaches the first 40; 8 of them refer someone in June, and 4 of the other 20.
    const referrers = [...ids.slice(0, 8), ...ids.slice(40, 44)];
    const report = buildReport(
      {
        ...empty,
        contacts: entries(ContactSchema, Object.fromEntries(ids.map((id) => [id, { name: id.toUpperCase(), segment: 'sphere' as const }]))),
        plans: entries(PlanSchema, {
          news: { name: 'Monthly news', steps: [{ id: 'send', channel: 'email', template: 'newsletter', due: { rule: 'newsletter' } }] },
        }),
        referrals: entries(
          ReferralSchema,
          Object.fromEntries(
            referrers.map((r) => [
              r,
              { referrer: r, referred: 'c59', date: '2026-06-10', status: [{ status: 'introduced' as const, date: '2026-06-10' }] },
            ]),
          ),
        ),
        history: ids.slice(0, 40).map(sent),
      },
      day,
    );
    expect(report.whatWorks).toEqual([
      {
        source: 'news',
        label: 'Monthly news',
        reached: 40,
        referrals: 8,
        touches: 8,
        notReached: 20,
        referralsNotReached: 4,
        tooFew: false,
      },
    ]);
    expect(reportMarkdown(report)).toContain('| Monthly news | 40 | 8 | 20 | 4 | 20 per 100 reached, 20 per 100 not reached |');
  });
});

describe('emails that came back (issue 16, point 2)', () => {
  it('lists the last 30 days’ flagged addresses and noted bounces, newest first, in both reports', () => {
    const noted = (at: string, code: 'MailboxFull' | 'TemporaryFailure', reason: string) =>
      HistoryEntrySchema.parse({
        event: 'noted',
        at,
        touch: 'ana.news.send.2026-06-20',
        contact: 'ana',
        plan: 'news',
        step: 'send',
        due: '2026-06-20',
        channel: 'email',
        reason,
        code,
        evidence: 'email <b@mx.example> of 2026-06-21',
      });
    const input: ReportInput = {
      ...empty,
      contacts: entries(ContactSchema, {
        ana: { name: 'Ana Ruiz', segment: 'past-client' },
        leo: {
          name: 'Leo Novak',
          segment: 'partner',
          bounced: [
            { email: 'leo@old.example', date: '2026-06-25', reason: '550 5.1.1 user unknown', code: 'BadAddress' },
            { email: 'leo@older.example', date: '2026-04-01', reason: '550 5.1.1 user unknown', code: 'BadAddress' },
          ],
        },
      }),
      plans: entries(PlanSchema, {
        news: { name: 'Newsletter', steps: [{ id: 'send', channel: 'email', template: 'newsletter', due: { rule: 'newsletter' } }] },
      }),
      history: [
        noted('2026-06-21T09:00:00Z', 'MailboxFull', "the recipient's mailbox was full: 552 5.2.2 Mailbox full"),
        noted('2026-05-01T09:00:00Z', 'TemporaryFailure', 'too old to show'),
      ],
    };
    const report = buildReport(input, day);
    expect(report.cameBack).toEqual([
      { date: '2026-06-25', contact: 'leo', name: 'Leo Novak', what: 'leo@old.example flagged, never used again: 550 5.1.1 user unknown' },
      {
        date: '2026-06-21',
        contact: 'ana',
        name: 'Ana Ruiz',
        what: "Newsletter: the recipient's mailbox was full: 552 5.2.2 Mailbox full",
      },
    ]);
    expect(reportMarkdown(report)).toContain(
      "| 2026-06-21 | Ana Ruiz | Newsletter: the recipient's mailbox was full: 552 5.2.2 Mailbox full |",
    );
    expect(reportHtml(report)).toContain('<h2 id="came-back">Emails that came back</h2>');
    expect(reportMarkdown(buildReport(empty, day))).not.toContain('Emails that came back');
  });
});
