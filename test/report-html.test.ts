import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser.ts';
import { runScript, ROOT } from './helpers/run-script.ts';
import { serveDir, type StaticServer } from './helpers/static-server.ts';

// Issue 7, point 5: the HTML report is one self-contained page with every chart drawn.
let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'referable-report-html-'));
  const run = await runScript('report', ['--content', path.join(ROOT, 'test/fixtures/report'), '--date', '2026-06-30', '--out', dir]);
  expect(run.code).toBe(0);
  server = await serveDir(dir);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the HTML report in Chromium', () => {
  it('loads nothing from another host and draws every chart with a title', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return new URL(route.request().url()).origin === server.origin ? route.continue() : route.abort();
    });
    await page.goto(`${server.origin}/report.html`, { waitUntil: 'load' });
    expect(requests.filter((url) => new URL(url).origin !== server.origin)).toEqual([]);
    const charts = await page
      .locator('svg.chart')
      .evaluateAll((svgs) =>
        svgs.map((svg) => ({ title: svg.querySelector(':scope > title')?.textContent, marks: svg.querySelectorAll('rect').length })),
      );
    expect(charts.map((c) => c.title)).toEqual([
      'Referrals by month',
      'Referrals by referrer',
      'How referrals turned out',
      'Referrals per 100 contacts: reached by each plan, newsletter or event, and not reached',
      'Touches by channel',
    ]);
    for (const chart of charts) expect(chart.marks).toBeGreaterThan(0);
    // Each bar tells its number when hovered or read aloud.
    expect(await page.locator('svg.chart rect > title').first().textContent()).toBe('Jul ’25: 0');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Harbour & Hill');
    expect(await page.locator('.card .v').allTextContents()).toEqual(['3', '33%', '2', '13']);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')} ${v.nodes.map((n) => n.failureSummary).join(' ')}`),
    ).toEqual([]);
    await page.screenshot({ path: path.join(dir, 'report.png'), fullPage: true });
    await context.close();
  });

  // Issue 14, point 5: the owner reads the report on a phone, with no sideways scrolling.
  it('fits a 375 px phone screen, each table row as labelled lines', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${server.origin}/report.html`, { waitUntil: 'load' });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    // Table headings stay for screen readers, clipped to nothing on a phone: each cell names its column.
    const wider = await page.evaluate(
      `[...document.querySelectorAll('main *')].filter((e) => !e.closest('thead') && e.getBoundingClientRect().right > 375).map((e) => e.outerHTML.slice(0, 80))`,
    );
    expect(wider).toEqual([]);
    // The overdue table's rows read "Last touch: never" on a line of their own.
    const cell = `document.querySelector('#overdue ~ table td[data-label="Last touch"]')`;
    expect(await page.evaluate(`[getComputedStyle(${cell}, '::before').content, getComputedStyle(${cell}).display]`)).toEqual([
      '"Last touch: "',
      'block',
    ]);
    await page.screenshot({ path: path.join(dir, 'report-375.png'), fullPage: true });
    await context.close();
  });
});
