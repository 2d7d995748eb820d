import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedRow } from '../src/core/preview/index.ts';
import { launchBrowser } from './helpers/browser.ts';
import { FIXTURE } from './helpers/email-fixture.ts';
import { runScript } from './helpers/run-script.ts';
import { sampleContent } from './helpers/sample.ts';
import { serveDir } from './helpers/static-server.ts';
import { addToTree, removeTree, writeTree } from './helpers/temp-dir.ts';

const preview = (args: string[]) => runScript('preview', args);
const USAGE = 'usage: npm run preview -- [--date YYYY-MM-DD] [--days N] [--out DIR] [--content DIR]';

let dir: string;
beforeAll(async () => {
  dir = await writeTree({});
});
afterAll(() => removeTree(dir));

describe('npm run preview on the sample content, December 2026', () => {
  let out: string;
  let browser: Browser;
  beforeAll(async () => {
    out = path.join(dir, 'sample-preview');
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('renders every email the plan has due, HTML and text, with no field left unfilled', async () => {
    const run = await preview(['--content', sampleContent(), '--date', '2026-12-01', '--days', '30', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const plan = await runScript('plan', ['--content', sampleContent(), '--date', '2026-12-01', '--days', '30', '--json']);
    const emails = (JSON.parse(plan.stdout) as PlannedRow[]).filter((r) => r.channel === 'email');
    expect(run.stdout).toContain(`${emails.length} emails due from 2026-12-01 to 2026-12-30 rendered into ${out}/ (nothing sent).`);

    const files = await readdir(out);
    const html = files.filter((f) => f.endsWith('.html') && f !== 'index.html').map((f) => f.slice(0, -5));
    const text = files.filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));
    expect(text.sort()).toEqual(html.sort());
    // Touch ids are contact.plan.step.due: the same touches as the plan. A household's one email
    // is filed under its first member ("hana-grant + oliver-grant").
    expect(html.map((id) => id.split('.').slice(0, 3).join(' ')).sort()).toEqual(
      emails.map((r) => `${r.contact.split(' + ')[0]} ${r.plan} ${r.step}`).sort(),
    );
    expect(emails.map((r) => r.contact)).toContain('hana-grant + oliver-grant');
    expect(await readFile(path.join(out, 'hana-grant.monthly-newsletter.send.2026-12-01.txt'), 'utf8')).toMatch(/\nHi Hana and Oliver,\n/);
    expect(html).toContain('elif-demir.birthday-email.email.2026-12-02');
    for (const id of text) expect(await readFile(path.join(out, `${id}.txt`), 'utf8')).not.toContain('{{');
    expect(await readFile(path.join(out, 'elif-demir.birthday-email.email.2026-12-02.txt'), 'utf8')).toMatch(
      /^Hi Elif,\n\nJust a quick note to wish you a very happy birthday/,
    );
  });

  it('gives an index page whose every link opens in a browser', async () => {
    const server = await serveDir(out);
    const context = await browser.newContext();
    // Emails may link to the business's site; the preview itself must not need another host.
    const elsewhere: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.origin)) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}index.html`);
      expect(await page.title()).toBe('Wells & Mercer: emails due from 2026-12-01 to 2026-12-30');
      const links = await page
        .locator('tbody a')
        .evaluateAll((as) => as.map((a) => ({ href: (a as unknown as { href: string }).href, text: a.textContent ?? '' })));
      const rows = await page.locator('tbody tr').count();
      expect(links).toHaveLength(rows * 2);
      expect(links).toContainEqual({ href: `${server.url}elif-demir.birthday-email.email.2026-12-02.html`, text: 'Happy birthday, Elif' });
      for (const link of links) {
        const response = await page.goto(link.href);
        expect(response?.status(), link.href).toBe(200);
        const body = await page.locator('body').innerText();
        expect(body, link.href).not.toContain('{{');
        if (link.href.endsWith('.html')) expect(body, link.href).toContain('Unsubscribe');
      }
      expect(elsewhere).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('npm run preview on a copy of a fixture', () => {
  let content: string;
  beforeAll(async () => {
    content = path.join(dir, 'content');
    await cp(FIXTURE, content, { recursive: true });
  });

  it('sends nothing, writes no history, and replaces an earlier preview', async () => {
    const out = path.join(dir, 'fixture-preview');
    const before = (await readdir(content, { recursive: true })).sort();
    const first = await preview(['--content', content, '--date', '2026-11-03', '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`3 emails due on 2026-11-03 rendered into ${out}/ (nothing sent).`);
    expect((await readdir(out)).sort()).toEqual([
      'ana-ruiz.monthly-newsletter.send.2026-11-03.html',
      'ana-ruiz.monthly-newsletter.send.2026-11-03.txt',
      'index.html',
      'priya-patel.monthly-newsletter.send.2026-11-03.html',
      'priya-patel.monthly-newsletter.send.2026-11-03.txt',
      'tom-harris.monthly-newsletter.send.2026-11-03.html',
      'tom-harris.monthly-newsletter.send.2026-11-03.txt',
    ]);
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('>Tom, five ways to cut your winter energy bill</a>');
    expect(index).toContain('1 skipped and 0 missed by the plan are not shown');
    expect((await readdir(content, { recursive: true })).sort()).toEqual(before);
    await expect(readdir(path.join(dir, 'outbox'))).rejects.toThrow();

    // Nothing is due weeks later: the earlier day's files go, the index says so.
    const second = await preview(['--content', content, '--date', '2026-11-20', '--out', out]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 emails due on 2026-11-20');
    expect(await readdir(out)).toEqual(['index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('<p>No emails are due.</p>');
  });

  it('agrees with npm run pr-summary, which counts the rendered emails', async () => {
    const out = path.join(dir, 'pr-preview');
    const plan = await runScript('plan', ['--content', content, '--date', '2026-11-03', '--days', '14', '--json']);
    await writeFile(path.join(dir, 'plan.json'), plan.stdout);
    expect((await preview(['--content', content, '--date', '2026-11-03', '--days', '14', '--out', out])).code).toBe(0);
    const summary = await runScript('pr-summary', ['--plan', path.join(dir, 'plan.json'), '--preview', out], {
      GITHUB_TOKEN: '',
      GITHUB_STEP_SUMMARY: '',
    });
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('**3** emails and **1** personal touch.');
    expect(summary.stdout).toContain('3 rendered emails are in the **email-previews** artifact of this run.');
  });

  it('shows a broken file as a problem, previews the valid rest, and exits 1', async () => {
    const broken = path.join(dir, 'broken');
    await cp(content, broken, { recursive: true });
    await addToTree(broken, { 'contacts/bad.yaml': 'name: Bad\nsegment: sphere\nemails: [not-an-address]\n' });
    const out = path.join(dir, 'broken-preview');
    const run = await preview(['--content', broken, '--date', '2026-11-03', '--out', out]);
    expect(run.stderr.replaceAll(broken, 'DIR')).toMatch(/^DIR\/contacts\/bad\.yaml:3:\d+ emails\[0\]: /m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(1);
    expect((await readdir(out)).filter((f) => f.endsWith('.html'))).toHaveLength(4);
  });

  it('refuses to write into a folder that holds anything but a preview', async () => {
    const run = await preview(['--content', content, '--date', '2026-11-03', '--out', content]);
    expect(run.stderr).toContain(`--out ${content} holds files that are not an email preview: give an empty or new folder`);
    expect(run.code).toBe(2);
  });
});

describe('npm run preview with a bad command line', () => {
  it.each([
    [['--date', '2026-13-01'], '--date 2026-13-01 is not a real date (write YYYY-MM-DD)'],
    [['--days=-3'], '--days -3 is not a whole number of days from 1 to 3660'],
    [['--outt', 'x'], "Unknown option '--outt'"],
  ])('%j: a usage message, exit 2, no stack', async (args, message) => {
    const run = await preview(args);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain(USAGE);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(2);
  });
});
