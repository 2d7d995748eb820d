/**
 * The pages that make the site convert and earn trust (issue 19, points 2 to 4), built from a
 * copy of the sample and opened in Debian's Chromium: about with photos, the call to action,
 * results and testimonials linked by client, the privacy notice, memberships in the footer,
 * /leave-a-review/ (whose email intake takes in as a draft testimonial), the locale and the
 * structured data. Screenshots of every page kind at 375 and 1280 px go to the temp folder.
 * The copy carries one canary: a photo named after a contact who never agreed to be named.
 */
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchBrowser } from './helpers/browser.ts';
import { buildMail } from './helpers/intake-mail.ts';
import { runScript } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';
import { buildSite } from './helpers/site-build.ts';
import { serveDir, type StaticServer } from './helpers/static-server.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

const SITE_URL = 'https://owner.github.io';
const BASE = '/referable/';
const SCREENSHOTS = path.join(tmpdir(), 'referable-site-pages-screenshots');
const SLOW = 300_000;

const PAGES = {
  home: '',
  wall: 'testimonials/',
  testimonial: 'testimonials/okafor-family-southover/',
  results: 'results/',
  result: 'results/okafor-southover-over-asking/',
  advice: 'advice/',
  article: 'advice/cut-your-energy-bill-before-winter/',
  about: 'about/',
  privacy: 'privacy/',
  review: 'leave-a-review/',
};

let work: string;
let content: string;
let dist: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  work = await writeTree({}, 'referable-site-pages-');
  content = await copySample(path.join(work, 'content'));
  dist = path.join(work, 'dist');
  // The canary: Rob's photo saved under the name of a client who never agreed to be named.
  await copyFile(path.join(content, 'images/rob-mercer.jpg'), path.join(content, 'images/chris-hall-viewing.jpg'));
  const settings = await readFile(path.join(content, 'settings.yaml'), 'utf8');
  await writeFile(
    path.join(content, 'settings.yaml'),
    `${settings.replace('photo: images/rob-mercer.jpg', 'photo: images/chris-hall-viewing.jpg')}\nintake:\n  trustedAuthServId: mx.wellsmercer.example\n`,
  );
  // An article body with a link and a picture from the site's root, as the editor's buttons write them.
  const article = path.join(content, 'newsletters/cut-your-energy-bill-before-winter.mdx');
  await writeFile(
    article,
    `${await readFile(article, 'utf8')}\nSee [what our sellers got](/results/).\n\n![The boiler we fitted](/images/boiler.jpg)\n`,
  );
  await buildSite(content, dist, { SITE_URL, BASE_PATH: BASE, BUILD_DATE: '2026-12-01' });
  server = await serveDir(dist, { base: BASE });
  browser = await launchBrowser();
  context = await browser.newContext();
}, SLOW);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (work) await removeTree(work);
});

const html = (page: string) => readFile(path.join(dist, page, 'index.html'), 'utf8');

describe('the pages that convert, in Chromium', { timeout: SLOW }, () => {
  it('fits a phone and a desktop screen on every page kind (screenshots in the temp folder)', async () => {
    for (const width of [375, 1280]) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 800 });
      for (const [name, at] of Object.entries(PAGES)) {
        const response = await page.goto(`${server.url}${at}`);
        expect(response?.status(), name).toBe(200);
        await page.waitForLoadState('networkidle');
        const sideways = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
        expect(sideways, `${name} at ${width}px scrolls sideways`).toBe(0);
        const file = path.join(SCREENSHOTS, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect((await stat(file)).size).toBeGreaterThan(10_000);
      }
      await page.close();
    }
  });

  it('has no accessibility violation on the about, privacy and review pages (axe-core)', async () => {
    for (const at of [PAGES.about, PAGES.privacy, PAGES.review]) {
      const page = await context.newPage();
      await page.goto(`${server.url}${at}`);
      const violations = (await new AxeBuilder({ page }).analyze()).violations.map(
        (v) => `${at} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      expect(violations).toEqual([]);
      await page.close();
    }
  });

  it('shows the people and the office with lazy, responsive photos of fixed size, which load', async () => {
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
    await page.goto(`${server.url}${PAGES.about}`);
    const images = await page.$$eval('main img', (imgs) =>
      imgs.map((i) => ({
        alt: i.getAttribute('alt'),
        width: i.getAttribute('width'),
        height: i.getAttribute('height'),
        loading: i.getAttribute('loading'),
        widths: (i.getAttribute('srcset') ?? '').split(',').length,
      })),
    );
    expect(images).toEqual([
      { alt: 'Hannah Wells, Director and valuer', width: '136', height: '170', loading: 'lazy', widths: 4 },
      { alt: 'Rob Mercer, Sales and viewings', width: '136', height: '170', loading: 'lazy', widths: 4 },
      {
        alt: "Our office in Brewer's Yard, off Lewes High Street (a sample illustration)",
        width: '800',
        height: '500',
        loading: 'lazy',
        widths: 3,
      },
    ]);
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await page.waitForFunction("[...document.querySelectorAll('main img')].every((i) => i.complete && i.naturalWidth > 0)");
    expect(failed).toEqual([]);
    await page.close();
  });

  it('offers the call to action from settings as a real link on home, about, wall, results and articles', async () => {
    for (const at of [PAGES.home, PAGES.about, PAGES.wall, PAGES.results, PAGES.result, PAGES.article, PAGES.testimonial]) {
      const links = [...(await html(at)).matchAll(/<a [^>]*href="([^"]+)"[^>]*data-cta[^>]*>([^<]+)</g)].map(
        (m) => `${m[2].trim()} ${m[1]}`,
      );
      expect(links.length, at || 'home').toBeGreaterThan(0);
      expect([...new Set(links)], at || 'home').toEqual([
        'Book a valuation mailto:hello@wellsmercer.example?subject=Booking%20a%20valuation',
      ]);
    }
  });

  it('links a result and the testimonial about the same client to each other', async () => {
    expect(await html(PAGES.result)).toContain(`href="${BASE}testimonials/okafor-family-southover/"`);
    expect(await html(PAGES.testimonial)).toContain(`href="${BASE}results/okafor-southover-over-asking/"`);
    // James Whitlock's result keeps him anonymous: it links to no testimonial.
    expect(await html('results/whitlock-offham-off-market/')).not.toMatch(/href="[^"]*testimonials\/[^"]+\/"/);
  });

  it("puts an article's links and pictures from the site's root under the base path, where they lead", async () => {
    const article = await html(PAGES.article);
    expect(article).toContain(`src="${BASE}images/boiler.jpg"`);
    expect(article).not.toContain('src="/images/');
    const page = await context.newPage();
    await page.goto(`${server.url}${PAGES.article}`);
    const response = page.waitForResponse((r) => new URL(r.url()).pathname === `${BASE}results/`);
    await page.getByRole('link', { name: 'what our sellers got' }).click();
    expect((await response).status()).toBe(200);
    await page.close();
  });

  it('writes the privacy notice from settings, and shows memberships in every footer but no feeds for people', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}${PAGES.privacy}`);
    const text = (await page.innerText('main')).replace(/\s+/g, ' ');
    for (const said of [
      "Wells & Mercer, 2 Brewer's Yard, High Street, Lewes, East Sussex, BN7 2AA, United Kingdom, decides what happens",
      'registered with the data protection authority under number SAMPLE-ZA000000. For any question about your details, write to hello@wellsmercer.example.',
      'We keep your details for as long as we stay in touch, and for six years after our last piece of work for you',
      'You can also write to unsubscribe@wellsmercer.example with the subject "Unsubscribe".',
      "you can complain to the Information Commissioner's Office (ICO).",
    ]) {
      expect(text).toContain(said);
    }
    const footer = (await page.innerText('footer')).replace(/\s+/g, ' ');
    expect(footer).toContain('Redress scheme: The Property Ombudsman (no. SAMPLE-D0000)');
    expect(footer).toContain('Client money protection: Propertymark Client Money Protection (no. SAMPLE-C0000)');
    const footerLinks = await page.$$eval('footer a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(footerLinks.filter((h) => /rss\.xml|\.json|sitemap/.test(h))).toEqual([]);
    const alternates = await page.$$eval('head link[rel="alternate"]', (ls) => ls.map((l) => l.getAttribute('type')));
    expect(alternates).toEqual(['application/rss+xml', 'application/feed+json']);
    await page.close();
  });

  it('speaks the business’s locale: lang, the feeds’ language, dates', async () => {
    expect(await html(PAGES.home)).toMatch(/<html lang="en-GB"/);
    expect(await html(PAGES.result)).toContain('<time datetime="2025-12-05">5 December 2025</time>');
    expect(await readFile(path.join(dist, 'rss.xml'), 'utf8')).toContain('<language>en-gb</language>');
    expect(JSON.parse(await readFile(path.join(dist, 'testimonials.json'), 'utf8')).language).toBe('en-GB');
  });

  it('tells search engines the business type, logo, photo, place, hours and pages elsewhere, and marks up no reviews', async () => {
    const ld = [...(await html(PAGES.about)).matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1]),
    );
    const business = ld.find((d) => d['@id']?.endsWith('#business'));
    expect(business).toMatchObject({
      '@type': 'RealEstateAgent',
      logo: `${SITE_URL}${BASE}favicon.svg`,
      image: expect.stringMatching(new RegExp(`^${SITE_URL}${BASE}_astro/.+\\.jpg$`)),
      geo: { '@type': 'GeoCoordinates', latitude: 50.8731, longitude: 0.0089 },
      openingHoursSpecification: [
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
          opens: '09:00:00',
          closes: '17:30:00',
        },
        { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Saturday'], opens: '09:30:00', closes: '13:00:00' },
      ],
      sameAs: ['https://www.linkedin.com/company/SAMPLE-wells-mercer'],
    });
    const image = new URL(business.image).pathname.slice(BASE.length);
    expect((await stat(path.join(dist, image))).size).toBeGreaterThan(1000);
    for (const at of Object.values(PAGES)) expect(await html(at), at).not.toMatch(/"@type":"(?:Review|AggregateRating)"/);
  });
});

describe('leave a review', { timeout: SLOW }, () => {
  it('explains the consent and offers Google’s review page from settings', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}${PAGES.review}`);
    const choices = await page.$$eval('a[data-choice]', (as) => as.map((a) => a.textContent?.trim()));
    expect(choices).toEqual(['Publish it with my name', 'Publish it with my first name only', 'Keep it private']);
    expect(await page.getAttribute('a[href^="https://g.page/"]', 'href')).toBe('https://g.page/r/SAMPLE-wells-mercer/review');
    await page.close();
  });

  it('writes an email that npm run intake takes in as a draft testimonial with consent evidence', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}${PAGES.review}`);
    const mailto = new URL((await page.getAttribute('a[data-choice="first"]', 'href'))!);
    await page.close();
    const subject = mailto.searchParams.get('subject')!;
    const body = mailto.searchParams.get('body')!;
    expect([mailto.pathname, subject, body]).toEqual([
      'hello@wellsmercer.example',
      'My review of Wells & Mercer',
      'Hello Wells & Mercer,\n\nMy review:\n\n\nYou may publish my review, with my first name only, on your website and in your emails.\n\nThanks,\n',
    ]);
    // Chris writes under "My review:", signs, and sends it; his provider's verdict comes with it.
    const written = body
      .replace('My review:\n\n', 'My review:\nHannah valued the flat honestly and Rob found a buyer in a fortnight.\n')
      .replace(/Thanks,\n$/, 'Thanks,\nChris\n');
    const eml = path.join(work, 'review.eml');
    await writeFile(
      eml,
      await buildMail({
        from: 'Chris Hall <chris.hall@example.net>',
        to: mailto.pathname,
        subject,
        text: written,
        messageId: '<review-chris@mail.example.net>',
        date: '2026-12-02T10:00:00Z',
        headers: {
          'Authentication-Results': 'mx.wellsmercer.example; dkim=pass header.d=example.net; dmarc=pass (p=REJECT) header.from=example.net',
        },
      }),
    );
    const run = await runScript('intake', [eml, '--content', content, '--date', '2026-12-02']);
    expect(run.stdout.replaceAll(`${work}/`, '')).toContain(
      'chris-hall sent a review from the site: draft content/testimonials/chris-hall-review-2026-12-02.mdx',
    );
    expect(run.code).toBe(0);
    const draft = await readFile(path.join(content, 'testimonials/chris-hall-review-2026-12-02.mdx'), 'utf8');
    expect(parse(draft.split(/^---$/m)[1])).toEqual({
      kind: 'consumer',
      status: 'draft',
      author: { name: 'Chris', contact: 'chris-hall' },
      quote: 'Hannah valued the flat honestly and Rob found a buyer in a fortnight.',
      date: '2026-12-02',
      source: { name: "Email from our website's review page" },
      consent: {
        scope: ['website', 'email'],
        date: '2026-12-02',
        evidence:
          'email <review-chris@mail.example.net> of 2026-12-02, sender verified by your mailbox provider for example.net: "You may publish my review, with my first name only, on your website and in your emails."',
      },
    });
  });
});

describe('the privacy check on these pages', () => {
  it('fails on a photo named after a contact who never agreed to be named', async () => {
    const run = await runScript('check-site', ['--content', content, '--dist', dist]);
    expect(
      run.stderr
        .split('\n')
        .filter((l) => l.startsWith(dist))
        .map((l) => l.slice(dist.length)),
    ).toEqual([expect.stringMatching(/^\/about\/index\.html:\d+ name of contact chris-hall$/)]);
    expect(run.code).toBe(1);
  });
});
