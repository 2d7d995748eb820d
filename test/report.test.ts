import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/adapters/fs/index.ts';
import { buildReport } from '../src/core/report/index.ts';
import { runScript, ROOT } from './helpers/run-script.ts';

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
    expect(report.whatWorks).toEqual([
      { source: 'news', label: 'Monthly news', referrals: 3, touches: 5 },
      { source: 'event:spring-supper', label: 'Spring supper', referrals: 1, touches: 1 },
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
    // Dan and Fay were never touched; Eve's last touch was 180 days ago, past her 120.
    expect(report.overdue).toEqual([
      { id: 'dan-evans', name: 'Dan Evans', segment: 'prospect', tier: 'standard', maxGap: 30 },
      { id: 'fay-grant', name: 'Fay Grant', segment: 'prospect', tier: 'standard', maxGap: 30 },
      { id: 'eve-ford', name: 'Eve Ford', segment: 'past-client', tier: 'standard', maxGap: 120, last: '2026-01-01', days: 180 },
    ]);
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
    expect(markdown).toContain('**3 referrals**, 1 became client (33%); **3 contacts overdue** for a touch.');
    expect(markdown).toContain('| Eve Ford | past-client | standard | 2026-01-01 | 180 | 120 |');
    expect(markdown).toContain('| Monthly news | 3 | 5 |');
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
        '--date 2026-02-30 is not a real date (write YYYY-MM-DD)\nusage: npm run report -- [--date YYYY-MM-DD] [--content DIR] [--out DIR]\n',
    });
  });

  it('names a missing content folder', async () => {
    const run = await runScript('report', ['--content', path.join(dir, 'nowhere'), '--out', path.join(dir, 'none')]);
    expect(run.code).toBe(1);
    expect(run.stderr + run.stdout).toContain('is not a folder');
  });
});
