import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../src/adapters/clock.ts';
import type { PlannedRow } from '../src/core/change-summary.ts';
import { FIXTURE } from './helpers/email-fixture.ts';
import { runScript } from './helpers/run-script.ts';
import { addToTree, removeTree, writeTree } from './helpers/temp-dir.ts';

const plan = (args: string[], env: NodeJS.ProcessEnv = {}) => runScript('plan', args, env);
const parse = (stdout: string) => JSON.parse(stdout) as PlannedRow[];
const key = (r: PlannedRow) => [r.date, r.contact, r.plan, r.step].join(' ');
const find = (rows: PlannedRow[], contact: string, plan: string) => rows.filter((r) => r.contact === contact && r.plan === plan);

describe('npm run plan on the sample content, December 2026', () => {
  let json: { stdout: string; stderr: string; code: number | null };
  let rows: PlannedRow[];
  beforeAll(async () => {
    json = await plan(['--date', '2026-12-01', '--days', '30', '--json']);
    rows = parse(json.stdout);
  });

  it('prints a stable JSON array sorted by date, contact, plan, step, with only the promised keys', async () => {
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const again = await plan(['--date', '2026-12-01', '--days', '30', '--json']);
    expect(again.stdout).toBe(json.stdout);
    const keys = rows.map(key);
    expect(keys).toEqual(keys.toSorted());
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(r.channel === 'email' ? ['date', 'contact', 'plan', 'step', 'channel', 'subject'] : ['date', 'contact', 'plan', 'step', 'channel']);
      expect(r.date >= '2026-12-01' && r.date <= '2026-12-30').toBe(true);
    }
  });

  it('sends the December newsletter on its send date to everyone who may have it', () => {
    // content/newsletters/what-a-survey-will-tell-you.mdx: sendDate 2026-12-01.
    expect(find(rows, 'ana-ruiz', 'monthly-newsletter')).toEqual([
      { date: '2026-12-01', contact: 'ana-ruiz', plan: 'monthly-newsletter', step: 'send', channel: 'email', subject: "What a survey will and won't tell you" },
    ]);
    // Maya's last new-client note was held up by the missed days: it goes first, the newsletter a day later.
    expect(find(rows, 'maya-walsh', 'new-client-welcome')).toEqual([
      { date: '2026-12-01', contact: 'maya-walsh', plan: 'new-client-welcome', step: 'weekly-note', channel: 'email', subject: 'Your move this week, Maya' },
    ]);
    expect(find(rows, 'maya-walsh', 'monthly-newsletter').map((r) => r.date)).toEqual(['2026-12-02']);
    // No address, no consent, or unsubscribed: no email.
    for (const contact of ['carys-hughes', 'marcus-bell', 'nina-lindqvist']) expect(rows.filter((r) => r.contact === contact && r.channel === 'email')).toEqual([]);
  });

  it('plans the home-anniversary card, the event invitations and the birthday email', () => {
    // David Okafor completed on 2025-12-05: the card is due a week ahead, on 28 November, which the
    // sample history (last run 19 November) never planned, so it comes on the first day, inside the grace window.
    expect(find(rows, 'david-okafor', 'closing-anniversary')).toEqual([
      { date: '2026-12-01', contact: 'david-okafor', plan: 'closing-anniversary', step: 'card', channel: 'card' },
    ]);
    // Grace shares David's household and is excluded from the card plan.
    expect(find(rows, 'grace-okafor', 'closing-anniversary')).toEqual([]);
    // content/events/christmas-evening.yaml: invitation cards were to go out on 26 November, inside
    // the grace window, to the top tier and the Cliffe traders, but not to the household partners.
    expect(find(rows, 'tom-harris', 'events')).toEqual([{ date: '2026-12-01', contact: 'tom-harris', plan: 'events', step: 'christmas-evening', channel: 'card' }]);
    expect(find(rows, 'sarah-harris', 'events')).toEqual([]);
    // Elif Demir, born 1991-12-02, standard tier: the birthday email on the day.
    expect(find(rows, 'elif-demir', 'birthday-email')).toEqual([
      { date: '2026-12-02', contact: 'elif-demir', plan: 'birthday-email', step: 'email', channel: 'email', subject: 'Happy birthday, Elif' },
    ]);
  });

  it('prints a readable table by day, with skipped and missed touches and their reasons', async () => {
    const run = await plan(['--date', '2026-12-01', '--days', '30']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Wells & Mercer: touches due from Tue, 1 Dec 2026 to Wed, 30 Dec 2026 (30 days)');
    expect(out).toMatch(/^Tue, 1 Dec 2026 \(\d+ touches\)$/m);
    expect(out).toMatch(/^ {2}david-okafor +closing-anniversary +card +card +Write and post a home-anniversary card to David {2}\(due 2026-11-28\)$/m);
    expect(out).toMatch(/^ {2}elif-demir +birthday-email +email +email +Happy birthday, Elif$/m);
    expect(out).toMatch(/^ +2 {2}unsubscribed on 2026-09-14: nina-lindqvist monthly-newsletter\/send due 2026-12-01; nina-lindqvist birthday-email\/email due 2026-12-14$/m);
    expect(out).toMatch(/^ +1 {2}not planned within the 5-day grace window after its due day: omar-haddad birthday-card\/card due 2026-11-25$/m);
    expect(out).not.toContain('{{');
  });

  it('plans today in the business time zone when no date is given', async () => {
    const before = todayIn('Europe/London').toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    const run = await plan([]);
    expect(run.code).toBe(0);
    const after = todayIn('Europe/London').toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    expect([`Wells & Mercer: touches due on ${before}`, `Wells & Mercer: touches due on ${after}`]).toContain(run.stdout.split('\n')[0]);
  });
});

describe('npm run plan on a copy of a fixture', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await writeTree({});
    await cp(FIXTURE, dir, { recursive: true });
  });
  afterAll(() => removeTree(dir));

  it('personalizes subjects and plans the valid rest when a file has problems', async () => {
    await addToTree(dir, { 'contacts/broken.yaml': 'name: Bro Ken\nsegmnt: sphere\n' });
    const run = await plan(['--content', dir, '--date', '2026-11-03', '--json'], { GITHUB_ACTIONS: 'true' });
    expect(run.stderr.replaceAll(dir, 'DIR')).toContain('DIR/contacts/broken.yaml:2:1 segmnt: "segmnt" is not a known field');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(1);
    // Under Actions too, stdout is the JSON alone.
    expect(parse(run.stdout)).toEqual([
      { date: '2026-11-03', contact: 'ana-ruiz', plan: 'catch-up-call', step: 'call', channel: 'call' },
      { date: '2026-11-03', contact: 'ana-ruiz', plan: 'monthly-newsletter', step: 'send', channel: 'email', subject: 'Ana, five ways to cut your winter energy bill' },
      { date: '2026-11-03', contact: 'priya-patel', plan: 'monthly-newsletter', step: 'send', channel: 'email', subject: 'Priya, five ways to cut your winter energy bill' },
      { date: '2026-11-03', contact: 'tom-harris', plan: 'monthly-newsletter', step: 'send', channel: 'email', subject: 'Tom, five ways to cut your winter energy bill' },
    ]);
    const table = await plan(['--content', dir, '--date', '2026-11-03']);
    expect(table.stdout).toContain('1 skipped, and why:\n     1  unsubscribed on 2026-09-01: leo-novak monthly-newsletter/send due 2026-11-03');
  });

  it('says so when the content folder does not exist', async () => {
    const run = await plan(['--content', path.join(dir, 'nope'), '--date', '2026-11-03']);
    expect(run.stderr.replaceAll(dir, 'DIR')).toContain('DIR/nope is not a folder');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(1);
  });
});

describe('npm run plan with a bad command line', () => {
  it.each([
    [['--date', '2026-02-30'], '--date 2026-02-30 is not a real date (write YYYY-MM-DD)'],
    [['--date', 'tomorrow'], '--date tomorrow is not a real date (write YYYY-MM-DD)'],
    [['--days', '0'], '--days 0 is not a whole number of days from 1 to 3660'],
    [['--days', 'ten'], '--days ten is not a whole number of days from 1 to 3660'],
    [['--days', '2.5'], '--days 2.5 is not a whole number of days from 1 to 3660'],
    [['--dayz', '3'], "Unknown option '--dayz'"],
    [['next-week'], 'unexpected argument "next-week"'],
  ])('%j: a usage message, exit 2, no stack', async (args, message) => {
    const run = await plan(args);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage: npm run plan -- [--date YYYY-MM-DD] [--days N] [--json] [--content DIR]');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });
});
