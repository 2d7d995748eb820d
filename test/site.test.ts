/**
 * The public site, built for real and opened in Debian's Chromium: every page, the filter, links,
 * accessibility, the widget on another origin, the feeds, screenshots, and the privacy check.
 * Two builds, made once: the sample content under a GitHub Pages base path, and a copy of the
 * site-sample fixture with leaks added.
 */
import { cp, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser.ts';
import { ROOT, runNode, runScript, type ScriptRun } from './helpers/run-script.ts';
import { sampleContent } from './helpers/sample.ts';
import { serveDir, type StaticServer } from './helpers/static-server.ts';
import { addToTree, removeTree, writeTree } from './helpers/temp-dir.ts';

const BUILD_DATE = '2026-12-01';
const SITE_URL = 'https://owner.github.io';
const BASE = '/referable/';
const SCREENSHOTS = path.join(tmpdir(), 'referable-site-screenshots');
// Two builds and a crawl of every page take about a minute alone, several when the whole suite
// shares two cores.
const SLOW = 300_000;

// Vitest puts import.meta.env into process.env (BASE_URL=/, MODE=test, NODE_ENV=test): a child
// Astro build would take them as its own and ignore the base path.
function shellEnv(): NodeJS.ProcessEnv {
  const vitest = /^(VITEST.*|TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitest.test(key)));
}

/** `astro build` as `npm run build` runs it, into its own outDir and cache so builds never share files. */
function astroBuild(content: string, outDir: string, env: NodeJS.ProcessEnv = {}): Promise<ScriptRun> {
  return runNode(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    ...shellEnv(),
    NO_COLOR: '1',
    REFERABLE_CONTENT: content,
    REFERABLE_CACHE_DIR: `${outDir}-cache`,
    BUILD_DATE,
    SITE_URL: '',
    BASE_PATH: '',
    ...env,
  });
}

async function builtFiles(dir: string): Promise<{ rel: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const rels = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  return Promise.all(rels.map(async (rel) => ({ rel, text: await readFile(path.join(dir, rel), 'utf8') })));
}

/** How far a page scrolls sideways, evaluated in the page. */
const SIDEWAYS = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';

/** What a page lacks for search engines and social cards, evaluated in the page. */
const SEO_GAPS = `(() => {
  const gaps = [];
  const meta = (key) => document.querySelector('meta[property="' + key + '"], meta[name="' + key + '"]')?.content;
  for (const key of ['description', 'og:title', 'og:description', 'og:url', 'og:type', 'twitter:card', 'twitter:title']) {
    if (!meta(key)) gaps.push('no ' + key + ' meta');
  }
  const canonical = document.querySelector('link[rel="canonical"]')?.href ?? '';
  if (!canonical.startsWith(${JSON.stringify(`${SITE_URL}${BASE}`)})) gaps.push('canonical is ' + canonical);
  const ld = [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent));
  if (!ld.some((d) => d['@type'] && d.name && d.address?.postalCode)) gaps.push('no structured data for the business');
  return gaps;
})()`;

type JsonFeed = {
  version: string;
  items: {
    id: string;
    url: string;
    tags: string[];
    _referable: {
      kind: string;
      endorsement: string;
      detail?: string;
      quote: string;
      featured: boolean;
      disclosures: { label: string; text: string }[];
    };
  }[];
};

/** Everything a page did that a clean page must not: console errors, failed or foreign requests, error statuses. */
type PageTrouble = string[];

function watch(page: Page, allowedOrigins: string[]): PageTrouble {
  const trouble: PageTrouble = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') trouble.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => trouble.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => trouble.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && !allowedOrigins.includes(url.origin)) trouble.push(`request to another host: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) trouble.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return trouble;
}

type Visit = { path: string; trouble: PageTrouble; links: string[]; violations?: string[] };
let crawled: Promise<Visit[]> | undefined;

/** `/referable/testimonials/some-id/` as `testimonials/*`: pages of one template share a shape. */
const template = (pathname: string) =>
  pathname
    .slice(BASE.length)
    .replace(/^testimonials\/(topic|kind|page)\/[^/]+\/(?:\d+\/)?$/, 'testimonials/$1/*')
    .replace(/^([^/]+)\/[^/]+\/$/, '$1/*');

/**
 * Opens every page of the sitemap once on a phone-sized screen, recording what went wrong and its
 * internal links, and runs axe on the first page of each template (seconds a page on a slow machine).
 */
function crawl(): Promise<Visit[]> {
  crawled ??= (async () => {
    const audited = new Set<string>();
    const visit = async (loc: string): Promise<Visit> => {
      const page = await phone.newPage();
      const trouble = watch(page, [server.origin]);
      const response = await page.goto(loc, { waitUntil: 'load' });
      if (response?.status() !== 200 && !loc.endsWith('/404.html')) trouble.push(`status ${response?.status()}`);
      // The embed page's preview fetches the testimonials feed after load.
      await page.waitForFunction("!document.querySelector('.referable-testimonials:not([data-state])')");
      const sideways = Number(await page.evaluate(SIDEWAYS));
      if (sideways > 0) trouble.push(`scrolls sideways by ${sideways}px on a 375px phone`);
      trouble.push(...((await page.evaluate(SEO_GAPS)) as string[]));
      const links = (await page.$$eval('a[href]', (as) => as.map((a) => (a as unknown as { href: string }).href)))
        .map((href) => new URL(href))
        .filter((url) => url.origin === server.origin)
        .map((url) => url.origin + url.pathname);
      const path = new URL(loc).pathname;
      let violations: string[] | undefined;
      if (!audited.has(template(path))) {
        audited.add(template(path));
        violations = (await new AxeBuilder({ page }).analyze()).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      await page.close();
      return { path, trouble, links, violations };
    };
    const visits: Visit[] = [];
    for (const loc of [...(await sitemapPages()).map(local), `${server.url}404.html`]) visits.push(await visit(loc));
    return visits;
  })();
  return crawled;
}

let work: string;
let sampleDist: string;
let leakContent: string;
let leakDist: string;
let sampleBuild: ScriptRun;
let leakBuild: ScriptRun;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let phone: BrowserContext;
let feed: JsonFeed;

beforeAll(async () => {
  work = await writeTree({}, 'referable-site-');
  sampleDist = path.join(work, 'sample-dist');
  leakDist = path.join(work, 'leak-dist');
  leakContent = path.join(work, 'leak-content');
  await cp(path.join(ROOT, 'test/fixtures/site-sample'), leakContent, { recursive: true });
  const grace = await readFile(path.join(leakContent, 'testimonials/grace-b.mdx'), 'utf8');
  await addToTree(leakContent, {
    // A contact's address pasted into a testimonial's story.
    'testimonials/grace-b.mdx': `${grace}\nGrace said Ana could tell you more: write to her at ana@example.com.\n`,
    // A testimonial with a mistake in its front matter.
    'testimonials/broken.mdx': '---\nkind: customer\nauthor:\n  name: BROKEN-MARKER\n---\n',
    // A testimonial left published after its author withdrew consent to publish.
    'contacts/lena-fox.yaml': [
      'name: Lena Fox',
      'emails: [lena.fox@example.net]',
      'segment: past-client',
      'consent:',
      '  publish:',
      '    basis: consent',
      '    source: Testimonial request',
      '    date: 2025-03-01',
      '    withdrawn: 2026-02-01',
      '',
    ].join('\n'),
    'testimonials/lena-f.mdx': [
      '---',
      'kind: consumer',
      'author:',
      '  name: Lena F.',
      '  contact: lena-fox',
      'quote: WITHDRAWN-MARKER they were wonderful.',
      'date: 2025-03-01',
      'source:',
      '  name: Email',
      'consent:',
      '  scope: [website]',
      '  date: 2025-03-01',
      '  evidence: Email of 1 March 2025',
      '---',
      '',
    ].join('\n'),
  });
  // A photo of a contact who never agreed to be published (the canary for the photo check).
  await addToTree(leakContent, {
    'contacts/tom-vale.yaml': 'name: Tom Vale\nemails: [tom.vale@example.net]\nsegment: past-client\n',
    'testimonials/tom-v.mdx': [
      '---',
      'kind: consumer',
      'author:',
      '  name: Tom V.',
      '  contact: tom-vale',
      'quote: They found us a home.',
      'date: 2025-04-01',
      'source:',
      '  name: Email',
      'consent:',
      '  scope: [website]',
      '  date: 2025-04-01',
      '  evidence: Email of 1 April 2025',
      'photo: photos/tom-v.jpg',
      '---',
      '',
    ].join('\n'),
  });
  await mkdir(path.join(leakContent, 'testimonials/photos'), { recursive: true });
  await cp(path.join(sampleContent(), 'testimonials/photos/nina-l.jpg'), path.join(leakContent, 'testimonials/photos/tom-v.jpg'));
  // One build at a time: Astro keeps its content module map in the project's .astro/ folder.
  sampleBuild = await astroBuild(sampleContent(), sampleDist, { SITE_URL, BASE_PATH: BASE });
  leakBuild = await astroBuild(leakContent, leakDist);
  if (sampleBuild.code !== 0) throw new Error(`astro build failed:\n${sampleBuild.stdout}\n${sampleBuild.stderr}`);
  server = await serveDir(sampleDist, { base: BASE });
  browser = await launchBrowser();
  context = await browser.newContext();
  phone = await browser.newContext({ viewport: { width: 375, height: 800 } });
  feed = JSON.parse(await readFile(path.join(sampleDist, 'testimonials.json'), 'utf8')) as JsonFeed;
}, SLOW);

afterAll(async () => {
  await context?.close();
  await phone?.close();
  await browser?.close();
  await server?.close();
  if (work) await removeTree(work);
});

/** The loopback address of a page the sitemap lists under the real site URL. */
const local = (loc: string) => `${server.origin}${new URL(loc).pathname}`;

async function sitemapPages(): Promise<string[]> {
  const xml = await readFile(path.join(sampleDist, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replaceAll('&amp;', '&'));
}

describe('the built sample site in Chromium', { timeout: SLOW }, () => {
  it('lists every page in the sitemap under the site URL and base path', async () => {
    const pages = await sitemapPages();
    expect(pages).toContain(`${SITE_URL}${BASE}`);
    for (const section of ['testimonials/', 'results/', 'advice/', 'about/', 'embed/'])
      expect(pages).toContain(`${SITE_URL}${BASE}${section}`);
    const testimonialPages = pages.filter((p) => p.includes('/testimonials/') && !/\/testimonials\/((topic|kind|page)\/.*)?$/.test(p));
    expect(testimonialPages).toHaveLength(feed.items.length);
    expect(pages.some((p) => p.includes('404'))).toBe(false);
  });

  it('loads every page with no console error, failed request, request to another host or sideways scrolling, with its meta', async () => {
    const visits = await crawl();
    expect(visits.length).toBeGreaterThan(20);
    expect(visits.flatMap((v) => v.trouble.map((t) => `${v.path}: ${t}`))).toEqual([]);
  });

  it('resolves every internal link (no 404)', async () => {
    const links = new Set((await crawl()).flatMap((v) => v.links));
    expect(links.size).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const link of links) {
      const response = await fetch(link);
      if (response.status !== 200) broken.push(`${link}: ${response.status}`);
    }
    expect(broken).toEqual([]);
  });

  it('has no serious or critical accessibility violation on a page of each kind (axe-core)', async () => {
    const audited = (await crawl()).filter((v) => v.violations);
    expect(audited.map((v) => template(v.path)).sort()).toEqual([
      '',
      '404.html',
      'about/',
      'advice/',
      'advice/*',
      'embed/',
      'leave-a-review/',
      'privacy/',
      'results/',
      'results/*',
      'testimonials/',
      'testimonials/*',
      'testimonials/kind/*',
      'testimonials/topic/*',
    ]);
    expect(audited.flatMap((v) => v.violations!.map((x) => `${v.path} ${x}`))).toEqual([]);
  });

  it('filters the testimonial wall by endorsement kind and by curated topic, with links that work without a script', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}testimonials/`);
    const cards = page.locator('[data-testimonial]');
    expect(await cards.count()).toBe(feed.items.length);
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    const filter = page.getByRole('navigation', { name: 'Filter testimonials' });
    expect(await filter.getByRole('link', { name: /^Everyone/ }).getAttribute('aria-current')).toBe('page');

    await filter.getByRole('link', { name: /^Experts/ }).click();
    await page.waitForURL(/\/testimonials\/kind\/expert\/$/);
    const experts = feed.items.filter((i) => i._referable.kind === 'expert').length;
    expect(experts).toBeGreaterThan(0);
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(Array(experts).fill('expert'));
    expect(await filter.getByRole('link', { name: /^Experts/ }).getAttribute('aria-current')).toBe('page');
    expect(await filter.getByRole('link', { name: /^Organisations/ }).count()).toBe(1);

    // Topics come from settings, under their labels: near-duplicate tags are one topic, place names none.
    const topics = await filter.locator('#filter-topic + ul a').evaluateAll((as) => as.map((a) => a.firstChild?.textContent?.trim()));
    expect(topics).toEqual([
      'Buying a home',
      'Selling a home',
      'Moving to Lewes',
      'Landlords',
      'Mortgages and surveys',
      'Affordable housing',
    ]);
    await filter.getByRole('link', { name: /^Moving to Lewes/ }).click();
    await page.waitForURL(/\/testimonials\/topic\/moving-to-lewes\/$/);
    const moving = feed.items.filter((i) => i.tags.some((t) => t === 'relocating' || t === 'relocation'));
    expect(moving.length).toBe(2);
    expect(await cards.count()).toBe(moving.length);
    await page.close();
  });

  it('shows each testimonial with its endorsement kind and disclosures beside the quote', async () => {
    const page = await context.newPage();
    // The wall is static HTML, whole once `goto` resolves: nothing to wait for. A poll's 1 s would
    // fail on a busy machine while Chromium answers the first count, not because a card is missing.
    await page.goto(`${server.url}testimonials/`);
    for (const item of feed.items) {
      const id = new URL(item.url).pathname.split('/').filter(Boolean).at(-1)!;
      const card = page.locator('[data-testimonial]').filter({ has: page.locator(`a[href$="/testimonials/${id}/"]`) });
      expect(await card.count(), id).toBe(1);
      const text = (await card.innerText()).replace(/\s+/g, ' ');
      const t = item._referable;
      expect(text, id).toContain(t.quote.replace(/\s+/g, ' '));
      expect(await card.locator('.badge').innerText(), id).toMatch(new RegExp(t.endorsement, 'i'));
      if (t.detail) expect(text, id).toContain(t.detail);
      for (const d of t.disclosures) expect(text, id).toContain(d.text.replace(/\s+/g, ' '));
    }
    const withDisclosures = feed.items.filter((i) => i._referable.disclosures.length > 0);
    expect(withDisclosures.length).toBeGreaterThan(0);
    await page.goto(local(withDisclosures[0].url));
    expect(await page.locator('.disclosures dd').count()).toBe(withDisclosures[0]._referable.disclosures.length);
    await page.close();
  });

  it('renders featured testimonials in the widget on another origin, from one snippet', async () => {
    const host = await writeTree({
      'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A partner's page</title><link rel="icon" href="data:,"></head>
<body><h1>Our partners</h1>
<script src="${server.url}widget.js" data-count="2" async></script>
</body></html>`,
    });
    const other = await serveDir(host);
    try {
      expect(new URL(other.url).origin).not.toBe(server.origin);
      const page = await context.newPage();
      const trouble = watch(page, [other.origin, server.origin]);
      const fromSite: string[] = [];
      page.on('request', (r) => r.url().startsWith(server.origin) && fromSite.push(r.url().slice(server.url.length)));
      await page.goto(other.url);
      const widget = page.locator('.referable-testimonials[data-state="ready"]');
      await widget.waitFor();
      const cards = widget.locator('li.card');
      expect(await cards.count()).toBe(2);
      const featured = feed.items.filter((i) => i._referable.featured);
      expect(featured.length).toBeGreaterThanOrEqual(2);
      for (const [n, item] of featured.slice(0, 2).entries()) {
        const text = (await cards.nth(n).innerText()).replace(/\s+/g, ' ');
        expect(text).toContain(item._referable.quote.replace(/\s+/g, ' '));
        expect(text.toLowerCase()).toContain(item._referable.endorsement.toLowerCase());
        for (const d of item._referable.disclosures) expect(text).toContain(d.text.replace(/\s+/g, ' '));
      }
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      expect(trouble).toEqual([]);
      // The small widget feed, never the whole wall's.
      expect(fromSite).toEqual(['widget.js', 'widget.json']);
      await page.close();
    } finally {
      await other.close();
      await removeTree(host);
    }
  });

  it('gives the widget at most 12 testimonials, featured first', async () => {
    const widget = JSON.parse(await readFile(path.join(sampleDist, 'widget.json'), 'utf8')) as JsonFeed;
    const featured = feed.items.filter((i) => i._referable.featured).map((i) => i.url);
    expect(widget.items.length).toBe(Math.min(12, feed.items.length));
    expect(widget.items.slice(0, featured.length).map((i) => i.url)).toEqual(featured);
  });

  it('publishes an RSS feed and a JSON feed that parse', async () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) expect(item.url.startsWith(`${SITE_URL}${BASE}testimonials/`)).toBe(true);
    const page = await context.newPage();
    await page.goto(server.url);
    const rss = await readFile(path.join(sampleDist, 'rss.xml'), 'utf8');
    const parsed = await page.evaluate((text) => {
      // Runs in the page, where DOMParser exists; the test's own types have no DOM.
      type Node = { textContent: string | null; querySelector(s: string): Node | null; querySelectorAll(s: string): Iterable<Node> };
      const { DOMParser } = globalThis as unknown as { DOMParser: new () => { parseFromString(t: string, type: string): Node } };
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        items: [...doc.querySelectorAll('item')].map((i) => ({
          link: i.querySelector('link')?.textContent,
          category: i.querySelector('category')?.textContent,
        })),
      };
    }, rss);
    expect(parsed.error).toBeNull();
    expect(new Set(parsed.items.map((i) => i.category))).toEqual(new Set(['Result', 'Advice']));
    for (const item of parsed.items) expect(item.link?.startsWith(`${SITE_URL}${BASE}`)).toBe(true);
    await page.close();
  });

  it('keeps a space between words and the links beside them (compressHTML drops line breaks)', async () => {
    const glued = /.{0,30}(?:[\p{L}\p{N}?!.,:;]<(?:a|strong|em|code|time)\b[^>]*>\p{L}|<\/(?:a|strong|em|code|time)>\p{L}).{0,10}/gu;
    const found = (await builtFiles(sampleDist))
      .filter((f) => f.rel.endsWith('.html'))
      .flatMap((f) => [...f.text.matchAll(glued)].map((m) => `${f.rel}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('has an /unsubscribe/ page, kept out of the sitemap and search, that puts the link’s token into the email it writes', async () => {
    const page = await phone.newPage();
    const trouble = watch(page, [server.origin]);
    const token = 'YW5hLXJ1aXo.abcdefghijkl.abcdefghijklmnopqrstuv';
    await page.goto(`${server.url}unsubscribe/?t=${token}`, { waitUntil: 'load' });
    expect(await page.locator('h1').textContent()).toBe('Stop our emails');
    expect(await page.locator('[data-mailto]').getAttribute('href')).toBe(
      `mailto:unsubscribe@wellsmercer.example?subject=Unsubscribe%20${token}`,
    );
    // The sample names no one-click endpoint, so the page offers none.
    expect(await page.locator('[data-one-click]').count()).toBe(0);
    expect(await page.locator('[data-household]').isVisible()).toBe(false);
    // A household's email: its link names two people ("ana-ruiz sam-ruiz"), and the page says how to stop one.
    await page.goto(`${server.url}unsubscribe/?t=YW5hLXJ1aXogc2FtLXJ1aXo.abcdefghijkl.abcdefghijklmnopqrstuv`, { waitUntil: 'load' });
    expect(await page.locator('[data-household]').textContent()).toMatch(
      /^\s*The email you came from went to more than one person in your household\. To stop only your own emails, use "Send the\s+email that unsubscribes you" and send it from your own address\.\s*$/,
    );
    expect(await page.locator('[data-household]').isVisible()).toBe(true);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect((await sitemapPages()).filter((loc) => loc.includes('unsubscribe'))).toEqual([]);
    const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(violations.map((v) => v.id)).toEqual([]);
    expect(trouble).toEqual([]);
    await page.close();
  });

  it('never publishes a draft testimonial', async () => {
    const draft = await readFile(path.join(sampleContent(), 'testimonials/ellen-first-flat-draft.mdx'), 'utf8');
    const quote = /^quote: (?:>-?\s*)?(.{20})/m.exec(draft)![1].trim();
    const files = await builtFiles(sampleDist);
    expect(files.filter((f) => f.text.includes(quote) || f.rel.includes('ellen-first-flat-draft')).map((f) => f.rel)).toEqual([]);
  });

  it('fits a phone and a desktop screen (screenshots in the temp folder)', async () => {
    for (const width of [375, 1280]) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 800 });
      for (const [name, at] of [
        ['home', ''],
        ['testimonials', 'testimonials/'],
      ]) {
        await page.goto(`${server.url}${at}`);
        await page.waitForLoadState('networkidle');
        const overflow = Number(await page.evaluate(SIDEWAYS));
        expect(overflow, `${name} at ${width}px scrolls sideways`).toBe(0);
        const file = path.join(SCREENSHOTS, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect((await stat(file)).size).toBeGreaterThan(10_000);
      }
      await page.close();
    }
  });
});

describe('the privacy check after the build', () => {
  it('passes on the sample', async () => {
    const run = await runScript('check-site', ['--content', sampleContent(), '--dist', sampleDist]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^Privacy check passed: \d+ files in .+ hold none of the emails, phone numbers or unconsented names of \d+ contacts\.\n$/,
    );
    expect(run.code).toBe(0);
  });

  it('keeps drafts, email-only testimonials, unsent newsletters and unconsented clients off the site', async () => {
    expect(leakBuild.code).toBe(0);
    const files = await builtFiles(leakDist);
    for (const marker of ['DRAFT-MARKER', 'EMAIL-ONLY-MARKER', 'CLIENT-DISPLAY-MARKER']) {
      expect(files.filter((f) => f.text.includes(marker)).map((f) => `${marker} in ${f.rel}`)).toEqual([]);
    }
    const rels = files.map((f) => f.rel.split(path.sep).join('/'));
    expect(rels.filter((r) => /draft|future|email-only/.test(r))).toEqual([]);
  });

  it('leaves a testimonial with a broken front matter off the site, naming file, line, column and field', async () => {
    expect(leakBuild.code).toBe(0);
    expect(leakBuild.stdout + leakBuild.stderr).toContain(
      'leak-content/testimonials/broken.mdx:2:7 kind: should name the endorsement kind: consumer, expert or organization\n  Use one of the values listed.\n  This entry is left off the site',
    );
    expect((await builtFiles(leakDist)).filter((f) => f.text.includes('BROKEN-MARKER')).map((f) => f.rel)).toEqual([]);
  });

  it('fails naming each leak: a contact email in a page, a testimonial whose author withdrew consent, an unconsented photo', async () => {
    const run = await runScript('check-site', ['--content', leakContent, '--dist', leakDist]);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith(leakDist));
    // The photo's copies are named by Astro with content hashes: tom-v.<hash>_<hash>.webp.
    expect(lines.map((l) => l.slice(leakDist.length).replace(/tom-v\.[\w-]+\.webp/, 'tom-v.HASH.webp'))).toEqual([
      '/testimonials/grace-b/index.html:1 email of contact ana-ruiz (a…@example.com)',
      '/testimonials/lena-f/index.html testimonial lena-f is published, but "lena-fox" withdrew consent to publish on 2026-02-01',
      '/testimonials/tom-v/index.html testimonial tom-v is published, but "tom-vale" has no consent.publish in their contact file',
      '/_astro/tom-v.HASH.webp photo of contact tom-vale (testimonial tom-v), who has not agreed to be published',
      '/_astro/tom-v.HASH.webp photo of contact tom-vale (testimonial tom-v), who has not agreed to be published',
    ]);
    expect(run.stderr).not.toContain('ana@example.com');
    expect(run.code).toBe(1);
  });

  it('fails when it cannot read a contact, rather than pass without looking for them', async () => {
    const content = path.join(work, 'bad-contact');
    await cp(path.join(ROOT, 'test/fixtures/site-sample'), content, { recursive: true });
    await addToTree(content, { 'contacts/zoe-quinn.yaml': 'name: Zoe Quinn\nemails: [zoe@example.org]\nsegment: friend\n' });
    const run = await runScript('check-site', ['--content', content, '--dist', leakDist]);
    expect(run.stderr).toMatch(/bad-contact\/contacts\/zoe-quinn\.yaml:3:10 segment: .*\n/);
    expect(run.stderr).toContain(
      `The privacy check cannot vouch for ${leakDist}/ until ${content}/ reads cleanly: fix the problems above.`,
    );
    expect(run.code).toBe(1);
  });

  it('runs through REFERABLE_CONTENT, as npm run build does, and says so when there is no build', async () => {
    const run = await runScript('check-site', ['--dist', leakDist], { REFERABLE_CONTENT: leakContent });
    expect(run.code).toBe(1);
    const missing = await runScript('check-site', ['--dist', path.join(work, 'nothing')]);
    expect(missing.stderr).toBe(
      `${path.join(work, 'nothing')}/ is not a folder: there is no built site to check.\n  Run \`npx astro build\` first, or pass --dist DIR.\n`,
    );
    expect(missing.code).toBe(1);
  });
});
