import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../src/adapters/cli/index.ts';
import type { PlannedRow } from '../src/core/preview/index.ts';
import { FIXTURE } from './helpers/email-fixture.ts';
import { runScript } from './helpers/run-script.ts';
import { copySample, sampleContent } from './helpers/sample.ts';
import { addToTree, removeTree, writeTree } from './helpers/temp-dir.ts';

const plan = (args: string[], env: NodeJS.ProcessEnv = {}) => runScript('plan', args, env);
const parse = (stdout: string) => JSON.parse(stdout) as PlannedRow[];
const key = (r: PlannedRow) => [r.date, r.contact, r.plan, r.step].join(' ');
const find = (rows: PlannedRow[], contact: string, plan: string) => rows.filter((r) => r.contact === contact && r.plan === plan);

describe('npm run plan on the sample content, December 2026', () => {
  const sample = (args: string[]) => plan(['--content', sampleContent(), ...args]);
  let json: { stdout: string; stderr: string; code: number | null };
  let rows: PlannedRow[];
  beforeAll(async () => {
    json = await sample(['--date', '2026-12-01', '--days', '30', '--json']);
    rows = parse(json.stdout);
  });

  it('prints a stable JSON array sorted by date, contact, plan, step, with only the promised keys', async () => {
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const again = await sample(['--date', '2026-12-01', '--days', '30', '--json']);
    expect(again.stdout).toBe(json.stdout);
    const keys = rows.map(key);
    expect(keys).toEqual(keys.toSorted());
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(
        r.channel === 'email' ? ['date', 'contact', 'plan', 'step', 'channel', 'subject'] : ['date', 'contact', 'plan', 'step', 'channel'],
      );
      expect(r.date >= '2026-12-01' && r.date <= '2026-12-30').toBe(true);
    }
  });

  it('sends the December newsletter on its send date to everyone who may have it', () => {
    // content/newsletters/what-a-survey-will-tell-you.mdx: sendDate 2026-12-01.
    for (const contact of ['ana-ruiz', 'maya-walsh']) {
      expect(find(rows, contact, 'monthly-newsletter')).toEqual([
        {
          date: '2026-12-01',
          contact,
          plan: 'monthly-newsletter',
          step: 'send',
          channel: 'email',
          subject: "What a survey will and won't tell you",
        },
      ]);
    }
    // Maya's eight new-client notes ended with the one the sample history sent on 26 November.
    expect(find(rows, 'maya-walsh', 'new-client-welcome')).toEqual([]);
    // No address, no consent, or unsubscribed: no email.
    for (const contact of ['carys-hughes', 'marcus-bell', 'nina-lindqvist'])
      expect(rows.filter((r) => r.contact === contact && r.channel === 'email')).toEqual([]);
  });

  it('closes the loop on Tom’s referral, calls Ana with news, and sends Elif’s birthday email', () => {
    // content/referrals: Tom Harris (top tier) introduced Peter Lang on 30 November: a handwritten
    // card the next day, a gift the day after, and someone to introduce to him three weeks on.
    // His call (top-client-calls, keep-in-touch after 21 quiet days) counts from the call done on
    // 10 November, and comes round again three weeks on if nothing is recorded meanwhile.
    expect(rows.filter((r) => r.contact === 'tom-harris' && r.plan !== 'monthly-newsletter')).toEqual([
      { date: '2026-12-01', contact: 'tom-harris', plan: 'referral-thanks', step: 'thank-card', channel: 'card' },
      { date: '2026-12-01', contact: 'tom-harris', plan: 'top-client-calls', step: 'call', channel: 'call' },
      { date: '2026-12-02', contact: 'tom-harris', plan: 'referral-thanks', step: 'gift', channel: 'gift' },
      { date: '2026-12-21', contact: 'tom-harris', plan: 'refer-back', step: 'after-referral', channel: 'call' },
      { date: '2026-12-22', contact: 'tom-harris', plan: 'top-client-calls', step: 'call', channel: 'call' },
    ]);
    // Sam Adeyemi, whom Ana introduced, met us on 30 November: Ana hears how it went.
    expect(find(rows, 'ana-ruiz', 'referral-thanks')).toEqual([
      { date: '2026-12-02', contact: 'ana-ruiz', plan: 'referral-thanks', step: 'update-call', channel: 'call' },
    ]);
    // Elif Demir, born 1991-12-02, standard tier: the birthday email on the day.
    expect(find(rows, 'elif-demir', 'birthday-email')).toEqual([
      {
        date: '2026-12-02',
        contact: 'elif-demir',
        plan: 'birthday-email',
        step: 'email',
        channel: 'email',
        subject: 'Happy birthday, Elif',
      },
    ]);
  });

  it('plans nothing again that the sample history already did', () => {
    // David Okafor's home-anniversary card (due 28 November) and the Christmas invitation cards
    // (26 November) were handed over by the daily runs the sample history records.
    expect(find(rows, 'david-okafor', 'closing-anniversary')).toEqual([]);
    expect(rows.filter((r) => r.plan === 'events')).toEqual([]);
  });

  it('prints a readable table by day, with the skipped touches and their reasons', async () => {
    const run = await sample(['--date', '2026-12-01', '--days', '30']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Wells & Mercer: touches due from Tue, 1 Dec 2026 to Wed, 30 Dec 2026 (30 days)');
    expect(out).toMatch(/^Tue, 1 Dec 2026 \(\d+ touches\)$/m);
    expect(out).toMatch(/^ {2}tom-harris +referral-thanks +thank-card +card +Write and post a handwritten thank-you card to Tom$/m);
    expect(out).toMatch(/^ {2}elif-demir +birthday-email +email +email +Happy birthday, Elif$/m);
    expect(out).toMatch(/^Fri, 4 Dec 2026 to Thu, 17 Dec 2026: nothing due$/m);
    expect(out).toMatch(
      /^ +2 {2}unsubscribed on 2026-09-14: nina-lindqvist monthly-newsletter\/send due 2026-12-01; nina-lindqvist birthday-email\/email due 2026-12-14$/m,
    );
    // Ben Novak's last touch is the call he had on 12 November: his keep-in-touch call comes due
    // three quiet weeks later, and nothing was missed.
    expect(out).toMatch(/^ {2}ben-novak +top-client-calls +call +call +Call Ben for a catch-up$/m);
    expect(out).toContain('No touches missed.');
    expect(out).not.toContain('{{');
  });

  it('plans today in the business time zone when no date is given', async () => {
    const before = todayIn('Europe/London').toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    const run = await sample([]);
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
      {
        date: '2026-11-03',
        contact: 'ana-ruiz',
        plan: 'monthly-newsletter',
        step: 'send',
        channel: 'email',
        subject: 'Ana, five ways to cut your winter energy bill',
      },
      {
        date: '2026-11-03',
        contact: 'priya-patel',
        plan: 'monthly-newsletter',
        step: 'send',
        channel: 'email',
        subject: 'Priya, five ways to cut your winter energy bill',
      },
      {
        date: '2026-11-03',
        contact: 'tom-harris',
        plan: 'monthly-newsletter',
        step: 'send',
        channel: 'email',
        subject: 'Tom, five ways to cut your winter energy bill',
      },
    ]);
    const table = await plan(['--content', dir, '--date', '2026-11-03']);
    expect(table.stdout).toContain(
      '1 skipped, and why:\n     1  unsubscribed on 2026-09-01: leo-novak monthly-newsletter/send due 2026-11-03',
    );
  });

  it('says so when the content folder does not exist', async () => {
    const run = await plan(['--content', path.join(dir, 'nope'), '--date', '2026-11-03']);
    expect(run.stderr.replaceAll(dir, 'DIR')).toContain('DIR/nope is not a folder');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(1);
  });
});

describe('npm run plan -- --contact on the sample content (issue 13)', () => {
  it("explains Hana's day plan by plan, step by step, with reason codes", async () => {
    const run = await plan(['--content', sampleContent(), '--contact', 'hana-grant', '--date', '2026-12-01']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Hana Grant (hana-grant) on Tue, 1 Dec 2026');
    expect(lines).toContain(`  send (email): due today: "What a survey will and won't tell you"`);
    expect(lines).toContain('  email (email): not due today; next due 2027-07-22 (birthday on 2027-07-22) [NotDueToday]');
    expect(lines).toContain(
      "  top-client-calls: not in the plan's audience: their tier is standard; the audience is top [OutsideAudience]",
    );
    const json = await plan(['--content', sampleContent(), '--contact', 'hana-grant', '--date', '2026-12-01', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'explained', contact: 'hana-grant', date: '2026-12-01' });
  });

  it('names an unknown contact with the usage line, exit 2, no stack', async () => {
    const run = await plan(['--content', sampleContent(), '--contact', 'hana-grnat', '--date', '2026-12-01']);
    expect(run.stderr.replace(sampleContent(), 'DIR')).toContain(
      `no contact "hana-grnat" in DIR/contacts/: give a contact's file name without .yaml\nusage: npm run plan`,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });

  it('says that an invalid contact file leaves them out, with its problem, and exits 1', async () => {
    const dir = await copySample(await writeTree({}));
    try {
      await addToTree(dir, { 'contacts/hana-grant.yaml': 'name: Hana Grant\nsegment: past-client\nemails: [hana.grant-at-example.com]\n' });
      const run = await plan(['--content', dir, '--contact', 'hana-grant', '--date', '2026-12-01']);
      expect(run.stdout.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
        "hana-grant on Tue, 1 Dec 2026: DIR/contacts/hana-grant.yaml has problems, so no plan reaches this contact until they are fixed [InvalidContactFile]
            DIR/contacts/hana-grant.yaml:3:10 emails[0]: "hana.grant-at-example.com" is not an email address
          Fix the problems listed (npm run check shows them all), then plan again.

        1 other problem in the content: npm run check lists them.
        "
      `);
      expect(run.code).toBe(1);
    } finally {
      await removeTree(dir);
    }
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
    [['--contact', 'ana-ruiz', '--days', '3'], '--contact explains one day: leave out --days'],
  ])('%j: a usage message, exit 2, no stack', async (args, message) => {
    const run = await plan(args);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage: npm run plan -- [--date YYYY-MM-DD] [--days N] [--json] [--content DIR]');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });
});
