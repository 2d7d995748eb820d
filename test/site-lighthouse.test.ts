/**
 * Lighthouse (issue 19, point 5), on a phone as its mobile defaults emulate it (a mid-range
 * phone, simulated slow 4G and a slower CPU), for every kind of page of the built sample:
 * at least 95 in Performance, Accessibility, Best Practices and SEO. Performance is the median
 * of three runs, to absorb a loaded machine's noise: a page passes once two runs reach 95 and
 * fails once two fall short, so a third run is made only when the first two disagree. One
 * Chromium, pages in sequence, with no other test running (vitest.config.ts runs this file in a
 * group of its own). The scores are printed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from './helpers/browser.ts';
import { sampleContent } from './helpers/sample.ts';
import { buildSite } from './helpers/site-build.ts';
import { serveDir, type StaticServer } from './helpers/static-server.ts';
import { removeTree } from './helpers/temp-dir.ts';

const PAGES = {
  home: '',
  wall: 'testimonials/',
  'one testimonial': 'testimonials/okafor-family-southover/',
  results: 'results/',
  'one result': 'results/okafor-southover-over-asking/',
  advice: 'advice/',
  'one article': 'advice/cut-your-energy-bill-before-winter/',
  about: 'about/',
  privacy: 'privacy/',
  'leave-a-review': 'leave-a-review/',
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const PASS = 95;
// A build and some 25 Lighthouse runs of 10 to 30 seconds each on a loaded machine.
const SLOW = 1_200_000;
// Lighthouse's mobile preset slows the CPU 4×, which turns a high-end desktop (benchmark index
// 1500–2000) into a mid-tier phone (about 400). On a slower machine 4× would emulate a far
// slower phone than that, so, as Lighthouse's throttling guide advises, the slowdown is
// calibrated from this machine's own benchmark index toward the same phone: never above 4×.
const PHONE_INDEX = 400;
const MAX_SLOWDOWN = 4;
let cpuSlowdownMultiplier = MAX_SLOWDOWN;

let work: string;
let server: StaticServer;
let chromium: ChildProcess;
let port: number;

/** Headless Chromium with a DevTools port for Lighthouse, its profile in the temp folder. */
async function launchChromium(profile: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const found = await new Promise<number>((resolve, reject) => {
    let said = '';
    child.stderr?.on('data', (chunk) => {
      said += chunk;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(said);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened:\n${said}`)));
  });
  return { child, port: found };
}

async function scores(
  url: string,
  categories: readonly Category[],
): Promise<{ scores: Partial<Record<Category, number>>; failing: string[] }> {
  const run = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...categories],
    throttling: { cpuSlowdownMultiplier },
  });
  if (!run) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = run;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  const out: Partial<Record<Category, number>> = {};
  const failing: string[] = [];
  for (const category of categories) {
    const c = lhr.categories[category];
    out[category] = Math.round((c.score ?? 0) * 100);
    for (const ref of c.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) {
        failing.push(`${category}: ${audit.id} ${audit.displayValue ?? ''} (${Math.round(audit.score * 100)})`.trim());
      }
    }
  }
  return { scores: out, failing };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'referable-lighthouse-'));
  const dist = path.join(work, 'dist');
  await buildSite(sampleContent(), dist, { BUILD_DATE: '2026-12-01' });
  server = await serveDir(dist);
  ({ child: chromium, port } = await launchChromium(path.join(work, 'profile')));
  const calibration = await lighthouse(server.url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const index = calibration?.lhr.environment.benchmarkIndex ?? PHONE_INDEX * MAX_SLOWDOWN;
  cpuSlowdownMultiplier = Math.min(MAX_SLOWDOWN, Math.max(1, index / PHONE_INDEX));
  console.log(
    `Lighthouse: this machine's benchmark index is ${Math.round(index)}, so the CPU is slowed ${cpuSlowdownMultiplier.toFixed(1)}×`,
  );
}, SLOW);

afterAll(async () => {
  // Chromium writes its profile until it has exited: wait for that before removing the folder.
  if (chromium && chromium.exitCode === null) {
    const exited = new Promise((resolve) => chromium.once('exit', resolve));
    chromium.kill();
    await exited;
  }
  await server?.close();
  if (work) await removeTree(work);
});

describe('Lighthouse on a phone, on the built sample', { timeout: SLOW }, () => {
  it('scores at least 95 in every category on every kind of page (Performance: median of 3 runs)', async () => {
    const report: string[] = [];
    const below: string[] = [];
    for (const [name, at] of Object.entries(PAGES)) {
      const url = `${server.url}${at}`;
      const first = await scores(url, CATEGORIES);
      const performance = [first.scores.performance ?? 0];
      const notes = [...first.failing];
      while (performance.filter((p) => p >= PASS).length < 2 && performance.filter((p) => p < PASS).length < 2) {
        const again = await scores(url, ['performance']);
        performance.push(again.scores.performance ?? 0);
        notes.push(...again.failing);
      }
      const median = performance.length === 2 ? Math.min(...performance) : performance.toSorted((a, b) => a - b)[1];
      const shown = { ...first.scores, performance: median };
      report.push(
        `${name.padEnd(16)} performance ${median} (runs ${performance.join(', ')}), accessibility ${shown.accessibility}, best practices ${shown['best-practices']}, SEO ${shown.seo}`,
      );
      for (const category of CATEGORIES) {
        if ((shown[category] ?? 0) < PASS) below.push(`${name} ${category} ${shown[category]}: ${[...new Set(notes)].join('; ')}`);
      }
    }
    console.log(`Lighthouse, mobile:\n${report.join('\n')}`);
    expect(below).toEqual([]);
  });
});
