import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/adapters/fs/index.ts';
import { buildReport } from '../src/core/report/index.ts';
import { runScript, ROOT } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';

// Issue 7, point 5: the report's numbers, counted by hand from test/fixtures/report/ on 2026-06-30.
const FIXTURE = path.join(ROOT, 'test/fixtures/report');
const DATE = '2026-06-30';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'referable-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the report on the hand-counted fixture', () => {
  it('counts referrals, outcomes, what came before, who is overdue and the channels', async () => {
    const { content, problems } = await readContent(FIXTURE);
    expect(problems).toEqual([]);
    const report = buildReport({ ...content, settings: content.settings! }, Temporal.PlainDate.from(DATE));
    // Three referrals by 30 June; Ben's of 5 July is after the report's day.
    expect(report.referrals.total).toBe(3);
    expect(report.referrals.byMonth.filter((m) => m.count)).toEqual([
      { month: '2026-03', count: 1 },
      { month: '2026-05', count: 1 },
      { month: '2026-06', count: 1 },
    ]);
    expect(report.referrals.byMonth.map((m) => m.month).slice(0, 1)).toEqual(['2025-07']);
    expect(report.referrals.byReferrer).toEqual([
      { id: 'ana-ruiz', name: 'Ana Ruiz', count: 1, clients: 1 },
      { id: 'ben-cole', name: 'Ben Cole', count: 1, clients: 0 },
      { id: 'cara-diaz', name: 'Cara Diaz', count: 1, clients: 0 },
    ]);
    expect(report.referrals.byStatus).toEqual([
      { status: 'introduced', count: 1 },
      { status: 'met', count: 0 },
      { status: 'client', count: 1 },
      { status: 'not-a-fit', count: 1 },
    ]);
    expect(report.referrals.conversion).toBeCloseTo(1 / 3);
    // Ana: three newsletters before 15 March. Ben: the April newsletter and the supper he came to
    // (his February newsletter is 93 days before 5 May). Cara: the June newsletter.
    // Issue 14, point 5, beside each the contacts it did not reach, from 1 January (history's first
    // day): the news reached Ana, Ben, Cara and Eve, not Dan or Fay (no referrals); the supper Ana
    // (invited, done) and Ben (came), not Cara, who referred once; the thanks plan reached Ana and
    // Ben (Cara's thank-you failed), and came before no referral.
    const row = (
      source: string,
      label: string,
      reached: number,
      referrals: number,
      touches: number,
      notReached: number,
      theirs: number,
    ) => ({
      source,
      label,
      reached,
      referrals,
      touches,
      notReached,
      referralsNotReached: theirs,
      tooFew: true,
    });
    expect(report.window).toEqual({ from: '2026-01-01', until: DATE });
    expect(report.whatWorks).toEqual([
      row('news', 'Monthly news', 4, 3, 5, 2, 0),
      row('event:spring-supper', 'Spring supper', 2, 1, 1, 4, 1),
      row('thanks', 'Referral thanks', 2, 0, 0, 4, 1),
    ]);
    // Ana: thanked, a gift done, two updates done. Ben: thanked, his update skipped. Cara: her
    // thank-you failed and is not counted.
    expect(report.referrals.lines.map((l) => [l.id, l.status, l.thanks, l.gifts, l.updates, l.preceded.join(' ')])).toEqual([
      ['ana-dan', 'client', 1, 1, 2, 'news'],
      ['ben-eve', 'not-a-fit', 1, 0, 0, 'event:spring-supper news'],
      ['cara-fay', 'introduced', 0, 0, 0, 'news'],
    ]);
    expect(report.referrals.lines[0].loop).toEqual([
      { kind: 'thanks', date: '2026-03-16', how: 'email' },
      { kind: 'gift', date: '2026-03-18' },
      { kind: 'update', date: '2026-03-22', how: 'call, met' },
      { kind: 'update', date: '2026-04-03', how: 'call, client' },
    ]);
    // Dan and Fay were never touched. Eve's last touch was 180 days ago, past her 120, but Ben
    // referred her and she was not a fit: issue 14, point 5, she is not listed.
    expect(report.overdue).toEqual([
      { id: 'dan-evans', name: 'Dan Evans', segment: 'prospect', tier: 'standard', maxGap: 30 },
      { id: 'fay-grant', name: 'Fay Grant', segment: 'prospect', tier: 'standard', maxGap: 30 },
    ]);
    expect(report.overdueLeftOut).toBe(1);
    // Seven newsletters and two thank-yous sent (Ana's unknown April one is not counted); two
    // update calls and an invitation call done; one gift done.
    expect(report.channels).toEqual([
      { channel: 'email', count: 9 },
      { channel: 'call', count: 3 },
      { channel: 'gift', count: 1 },
    ]);
    expect(report.since).toBe('2026-01-01');
  });
});

describe('npm run report', () => {
  it('prints the Markdown, writes it and the HTML page, and appends it to the job summary', async () => {
    const out = path.join(dir, 'out');
    const summary = path.join(dir, 'summary.md');
    await writeFile(summary, '# Earlier step\n');
    const run = await runScript('report', ['--content', FIXTURE, '--date', DATE, '--out', out], { GITHUB_STEP_SUMMARY: summary });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const markdown = await readFile(path.join(out, 'report.md'), 'utf8');
    expect(run.stdout).toContain(markdown);
    expect(await readFile(summary, 'utf8')).toBe(`# Earlier step\n${markdown}\n`);
    expect(markdown).toContain('**3 referrals**, 1 became client (33%); **2 contacts overdue** for a touch.');
    expect(markdown).toContain('| Fay Grant | prospect | standard | never | – | 30 |');
    expect(markdown).toContain('Leaves out 1 contact: unsubscribed, or referred and not a fit.');
    expect(markdown).toContain('| Monthly news | 4 | 3 | 2 | 0 | 75 per 100 reached, 0 per 100 not reached: too few to tell yet |');
    expect(markdown).toContain('Came before no referral: Referral thanks (reached 2).');
    expect(markdown).toContain(
      '| 2026-03-15 | Ana Ruiz | Dan Evans | Became a client | thanked 16 Mar (email) · gift 18 Mar · updated 22 Mar (call, met), 3 Apr (call, client) | Monthly news |',
    );
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
  });

  it('refuses an impossible date with the usage line, and no stack', async () => {
    const run = await runScript('report', ['--content', FIXTURE, '--date', '2026-02-30', '--out', path.join(dir, 'bad')]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '--date 2026-02-30 is not a real date (write YYYY-MM-DD)\nusage: npm run report -- [--date YYYY-MM-DD] [--content DIR] [--out DIR]\n' +
        '       npm run report -- --contact ID [--date YYYY-MM-DD] [--content DIR]\n',
    });
  });

  it('names a missing content folder', async () => {
    const run = await runScript('report', ['--content', path.join(dir, 'nowhere'), '--out', path.join(dir, 'none')]);
    expect(run.code).toBe(1);
    expect(run.stderr + run.stdout).toContain('is not a folder');
  });
});

// Issue 14, point 5: after `npm start` has only written the tasks, the report claims no thank-you.
describe('the report after npm start on the sample', () => {
  let content: string;
  beforeAll(async () => {
    content = await copySample(path.join(dir, 'sample'));
    const run = await runScript('daily', ['--showcase', '--content', content, '--outbox', path.join(dir, 'sample-outbox')]);
    expect(run.stdout).toContain('Write and post a handwritten thank-you card to Tom (Tom Harris, 2026-12-01)');
  }, 60_000);

  it('shows no thank-you that was only handed over as a task', async () => {
    const run = await runScript('report', ['--content', content, '--date', '2026-12-02', '--out', path.join(dir, 'sample-report')]);
    expect(run.code).toBe(0);
    const row = run.stdout.split('\n').find((l) => l.startsWith('| 2026-11-30 | Tom Harris | Peter Lang |'));
    expect(row).toContain('| Introduced | nothing yet |');
    // Nobody who unsubscribed (Nina) or was not a fit (Carys) is listed as overdue.
    const overdue = run.stdout.slice(run.stdout.indexOf('## Overdue contacts'), run.stdout.indexOf('## Touches that reached'));
    expect(overdue).toContain('Leaves out 2 contacts: unsubscribed, or referred and not a fit.');
    expect(overdue).not.toMatch(/Nina Lindqvist|Carys Hughes/);
  });

  it("prints one contact's timeline, newest first, with the task not yet done", async () => {
    const run = await runScript('report', ['--content', content, '--date', '2026-12-02', '--contact', 'tom-harris']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 6)).toEqual([
      'Tom Harris (tom-harris): past-client, top tier. Everything up to 2026-12-02, newest first.',
      '',
      '2026-12-01  touch    Monthly newsletter: email sent',
      '2026-12-01  touch    Referral thanks: card handed over as a task, not done yet',
      '2026-12-01  touch    Call top clients after three quiet weeks: call handed over as a task, not done yet',
      '2026-11-30  referral referred Peter Lang (A valuation of his house in Offham before downsizing to a flat in town)',
    ]);
    expect(run.stdout).toContain(
      "2026-11-26  touch    Invitation to Mince pies at Novak's on the Cliffe's late-night shopping evening: card handed over as a task, not done yet",
    );
    expect(run.stdout).toContain(
      '2026-11-10  touch    Call top clients after three quiet weeks: call done (“Spoke to Tom and Sarah together”)',
    );
    expect(run.stdout).toContain('2019-06-28  consent  consented to email (existing-client: Bought Downs View, Kingston, through us;');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('2019-03-04  event    became a client');
  });

  it('refuses an unknown contact with the usage line, exit 2 and no stack', async () => {
    const run = await runScript('report', ['--content', content, '--contact', 'tom-harriss']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(`no contact "tom-harriss" in ${content}/contacts/: give a contact's file name without .yaml`);
  });
});
