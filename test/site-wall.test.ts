/**
 * The testimonial wall (issue 19), built for real and opened in Debian's Chromium: the sample's
 * wall at a phone's and a desktop's width (screenshots, axe, no layout shift, no empty space under
 * short quotes, photos only where they may be), and a generated wall of many pages (every
 * testimonial reachable by rel next, no page over 500 kB, rel prev and next in the head).
 */
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { launchBrowser } from './helpers/browser.ts';
import { generateContent, SETTINGS } from './helpers/generate-content.ts';
import { runNode } from './helpers/run-script.ts';
import { sampleContent } from './helpers/sample.ts';
import { serveDir, type StaticServer } from './helpers/static-server.ts';
import { addToTree, removeTree, writeTree } from './helpers/temp-dir.ts';

const SCREENSHOTS = path.join(tmpdir(), 'referable-wall-screenshots');
const SLOW = 300_000;
const WIDTHS = [375, 1280];
const GENERATED = 130;

// Vitest puts import.meta.env into process.env: a child Astro build would take them as its own.
function shellEnv(): NodeJS.ProcessEnv {
  const vitest = /^(VITEST.*|TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitest.test(key)));
}

async function build(content: string, outDir: string): Promise<void> {
  const run = await runNode(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    ...shellEnv(),
    NO_COLOR: '1',
    REFERABLE_CONTENT: content,
    REFERABLE_CACHE_DIR: `${outDir}-cache`,
    BUILD_DATE: '2026-12-01',
    SITE_URL: 'https://wall.example',
    BASE_PATH: '',
  });
  if (run.code !== 0) throw new Error(`astro build failed:\n${run.stdout}\n${run.stderr}`);
}

/** The sum of layout shifts without recent input, as Chrome's CLS counts them, since navigation. */
const OBSERVE_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
`;

let work: string;
let sample: StaticServer;
let generated: StaticServer;
let generatedDist: string;
let browser: Browser;
let tree: Record<string, string>;

beforeAll(async () => {
  work = await writeTree({}, 'referable-wall-');
  const content = path.join(work, 'generated');
  tree = generateContent({ contacts: 40, testimonials: GENERATED, seed: 19 });
  await addToTree(content, tree);
  const topics = [
    { id: 'moving-home', label: 'Moving home', tags: ['relocating'] },
    { id: 'landlords', label: 'Landlords', tags: ['landlord', 'investor'] },
  ];
  await addToTree(content, { 'settings.yaml': stringify({ ...SETTINGS, site: { ...SETTINGS.site, locale: 'en-GB', topics } }) });
  generatedDist = path.join(work, 'generated-dist');
  // One build at a time: Astro keeps its content module map in the project's .astro/ folder.
  await build(sampleContent(), path.join(work, 'sample-dist'));
  await build(content, generatedDist);
  sample = await serveDir(path.join(work, 'sample-dist'));
  generated = await serveDir(generatedDist);
  browser = await launchBrowser();
}, SLOW);

afterAll(async () => {
  await browser?.close();
  await sample?.close();
  await generated?.close();
  if (work) await removeTree(work);
});

async function openWall(width: number, url = `${sample.url}testimonials/`): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE_SHIFTS);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

describe('the sample wall in Chromium', { timeout: SLOW }, () => {
  for (const width of WIDTHS) {
    it(`does not shift at ${width}px, even as lazy photos load on the way down (CLS 0)`, async () => {
      const page = await openWall(width);
      // Down the page a screen at a time, so every lazy photo loads, then back up.
      const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
      for (let y = 0; y <= height; y += 600) await page.evaluate(`window.scrollTo(0, ${y})`);
      await page.waitForLoadState('networkidle');
      await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
      expect(await page.evaluate('window.__shifts')).toEqual([]);
      const photos = page.locator('img.avatar');
      expect(await photos.evaluateAll((imgs) => imgs.map((i) => (i as unknown as { complete: boolean }).complete))).toEqual([
        true,
        true,
        true,
      ]);
      await page.context().close();
    });

    it(`packs the cards with no empty space under short quotes, and has no accessibility violation, at ${width}px (screenshot)`, async () => {
      const page = await openWall(width);
      const boxes = (await page.locator('#wall > li').evaluateAll((items) =>
        items.map((li) => {
          const r = (li as unknown as { getBoundingClientRect(): { left: number; top: number; bottom: number } }).getBoundingClientRect();
          return { left: Math.round(r.left), top: r.top, bottom: r.bottom };
        }),
      )) as { left: number; top: number; bottom: number }[];
      const columns = [...new Set(boxes.map((b) => b.left))];
      expect(columns.length).toBe(width < 640 ? 1 : 3);
      // In each column, each card starts right below the one above it: the gap is the margin, never leftover space.
      const gaps = columns.flatMap((left) => {
        const column = boxes.filter((b) => b.left === left).sort((a, b) => a.top - b.top);
        return column.slice(1).map((b, i) => Math.round(b.top - column[i].bottom));
      });
      expect(new Set(gaps)).toEqual(new Set([20]));
      await page.screenshot({ path: path.join(SCREENSHOTS, `wall-${width}.png`), fullPage: true });
      expect((await stat(path.join(SCREENSHOTS, `wall-${width}.png`))).size).toBeGreaterThan(10_000);
      const violations = (await new AxeBuilder({ page }).analyze()).violations.map(
        (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      expect(violations).toEqual([]);
      await page.context().close();
    });
  }

  it('opens with the overall figure from the rated testimonials, honest about the one four', async () => {
    const page = await openWall(1280);
    const figure = page.getByRole('region', { name: 'Overall rating' });
    expect((await figure.innerText()).replace(/\s+/g, ' ').trim()).toBe(
      '4.8 out of 5 ★★★★★ Rated 4.8 out of 5 5 of 6 rated us five out of five; the other gave four.',
    );
    await page.context().close();
  });

  it('shows a sized, lazy photo only for consenting contacts, and initials for everyone else', async () => {
    const page = await openWall(375);
    const photos = await page
      .locator('img.avatar')
      .evaluateAll((imgs) =>
        imgs.map((i) =>
          ['width', 'height', 'loading', 'alt', 'srcset'].map((a) =>
            a === 'srcset' ? /112w/.test(i.getAttribute(a) ?? '') : i.getAttribute(a),
          ),
        ),
      );
    expect(photos).toEqual(Array(3).fill(['56', '56', 'lazy', '', true]));
    const initials = await page.locator('.avatar.initials').allInnerTexts();
    expect(initials.length).toBe((await page.locator('[data-testimonial]').count()) - 3);
    expect(initials).toContain('KD');
    await page.context().close();
  });

  it('keeps disclosures beside the quote, lighter than it: smaller, muted and without a box', async () => {
    const page = await openWall(1280);
    const card = page
      .locator('[data-testimonial]')
      .filter({ has: page.locator('.disclosures') })
      .first();
    const style = (selector: string) =>
      card
        .locator(selector)
        .first()
        .evaluate((el) => {
          const s = (globalThis as unknown as { getComputedStyle(e: unknown): unknown }).getComputedStyle(el) as {
            fontSize: string;
            color: string;
            backgroundColor: string;
          };
          return { size: Number.parseFloat(s.fontSize), color: s.color, background: s.backgroundColor };
        });
    const quote = await style('blockquote');
    const note = await style('.disclosures');
    expect(note.size).toBeLessThan(quote.size * 0.8);
    expect(note.color).not.toBe(quote.color);
    expect(note.background).toBe('rgba(0, 0, 0, 0)');
    expect(await card.locator('.disclosures').isVisible()).toBe(true);
    await page.context().close();
  });
});

/** The wall's pages from the first, by rel=next, with what each lists and links to. */
async function walk(start: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const visited: {
    url: string;
    ids: string[];
    prev: string | null;
    next: string | null;
    headPrev: string | null;
    headNext: string | null;
  }[] = [];
  let url: string | null = start;
  while (url) {
    await page.goto(url);
    const ids = await page
      .locator('[data-testimonial] a[href*="/testimonials/"]')
      .evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').split('/').filter(Boolean).at(-1) ?? ''));
    const attr = async (selector: string) => ((await page.locator(selector).count()) ? page.locator(selector).getAttribute('href') : null);
    const entry: (typeof visited)[number] = {
      url: new URL(url).pathname,
      ids,
      prev: await attr('.pager a[rel="prev"]'),
      next: await attr('.pager a[rel="next"]'),
      headPrev: await attr('head link[rel="prev"]'),
      headNext: await attr('head link[rel="next"]'),
    };
    visited.push(entry);
    url = entry.next ? new URL(entry.next, url).href : null;
  }
  await context.close();
  return visited;
}

describe(`a generated wall of ${GENERATED} testimonials`, { timeout: SLOW }, () => {
  it('reaches every testimonial exactly once by following rel=next, with rel prev and next in the head', async () => {
    const pages = await walk(`${generated.url}testimonials/`);
    expect(pages.map((p) => p.url)).toEqual([
      '/testimonials/',
      '/testimonials/page/2/',
      '/testimonials/page/3/',
      '/testimonials/page/4/',
      '/testimonials/page/5/',
      '/testimonials/page/6/',
    ]);
    expect(pages.map((p) => p.ids.length)).toEqual([24, 24, 24, 24, 24, 10]);
    const ids = pages.flatMap((p) => p.ids);
    const built = (await readdir(path.join(generatedDist, 'testimonials'))).filter((d) => /^testimonial-\d+$/.test(d));
    expect(built.length).toBe(GENERATED);
    expect(ids.toSorted()).toEqual(built.toSorted());
    expect(pages.map((p) => [p.prev, p.next])).toEqual([
      [null, '/testimonials/page/2/'],
      ['/testimonials/', '/testimonials/page/3/'],
      ['/testimonials/page/2/', '/testimonials/page/4/'],
      ['/testimonials/page/3/', '/testimonials/page/5/'],
      ['/testimonials/page/4/', '/testimonials/page/6/'],
      ['/testimonials/page/5/', null],
    ]);
    for (const p of pages) expect([p.headPrev, p.headNext], p.url).toEqual([p.prev, p.next]);
  });

  it('paginates each topic too, reaching all its testimonials', async () => {
    const pages = await walk(`${generated.url}testimonials/topic/landlords/`);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1].url).toBe('/testimonials/topic/landlords/2/');
    expect(pages[1].prev).toBe('/testimonials/topic/landlords/');
    const ids = pages.flatMap((p) => p.ids);
    expect(new Set(ids).size).toBe(ids.length);
    const landlords = Object.entries(tree).filter(
      ([file, text]) => file.startsWith('testimonials/') && /^ {2}- (landlord|investor)$/m.test(text),
    );
    expect(ids.length).toBe(landlords.length);
  });

  it('builds no page over 500 kB of HTML', async () => {
    const html = (await readdir(generatedDist, { recursive: true })).filter((f) => f.endsWith('.html'));
    const sizes = await Promise.all(html.map(async (f) => ({ f, size: (await stat(path.join(generatedDist, f))).size })));
    expect(sizes.filter((s) => s.size > 500 * 1024)).toEqual([]);
    expect(sizes.length).toBeGreaterThan(GENERATED);
  });
});
