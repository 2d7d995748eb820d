import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildReport, type ReportInput } from './report.ts';
import { reportHtml } from './html.ts';
import { reportMarkdown } from './markdown.ts';
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
      { source: 'news', label: 'Newsletter', referrals: 1, touches: 1 },
      { source: 'newsletter:bills', label: 'Newsletter: Cut your bills', referrals: 1, touches: 1 },
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
});
