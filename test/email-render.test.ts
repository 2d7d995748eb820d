/**
 * Every layout in emails/, filled with a real contact from the sample content by the path the
 * daily job takes (plan step → personalize → renderEmail → buildMessage), opened in Debian's
 * Chromium at a phone's and a desktop's width.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/adapters/fs/index.ts';
import { compileLayouts } from '../src/adapters/layouts/index.ts';
import { signerFromEnv } from '../src/adapters/signing/index.ts';
import { emailPreparer } from '../src/core/daily/index.ts';
import type { OutgoingEmail } from '../src/core/email/index.ts';
import type { Settings, Content } from '../src/core/model/index.ts';
import { readUnsubscribeToken, type Sign } from '../src/core/signing/index.ts';
import { touchId, type DueTouch } from '../src/core/touches/index.ts';
import { launchBrowser } from './helpers/browser.ts';
import { ROOT } from './helpers/run-script.ts';
import { sampleContent } from './helpers/sample.ts';

const TODAY = Temporal.PlainDate.from('2026-12-01');

/** One realistic email per layout: a plan step of the sample content, for a contact it fits. */
const CASES = [
  {
    layout: 'newsletter',
    contact: 'ana-ruiz',
    plan: 'monthly-newsletter',
    step: 'send',
    newsletter: 'what-a-survey-will-tell-you',
    preheader: 'The three levels of survey',
  },
  { layout: 'note', contact: 'maya-walsh', plan: 'new-client-welcome', step: 'weekly-note', preheader: 'A quick hello from Hannah Wells' },
  {
    layout: 'referral-thanks',
    contact: 'david-okafor',
    plan: 'referral-thanks',
    step: 'thank',
    preheader: 'Thank you for the introduction',
  },
  {
    layout: 'above-and-beyond',
    contact: 'david-okafor',
    plan: 'above-and-beyond',
    step: 'recap',
    preheader: 'What we did for you, beyond the brief',
  },
  {
    layout: 'testimonial-request',
    contact: 'david-okafor',
    plan: 'testimonial-request',
    step: 'ask',
    preheader: 'Would you share a few words',
  },
  {
    layout: 'introduction-ask',
    contact: 'david-okafor',
    plan: 'introduction-ask',
    step: 'ask',
    preheader: 'An offer for the people you know',
  },
] as const;

const WIDTHS = [375, 1200];

let content: Content;
let settings: Settings;
let emails: Map<string, OutgoingEmail>;
let layoutProblems: unknown[];
let browser: Browser;
let shots: string;
let sign: Sign;

/** A due touch made from the plan's own step, as the planner makes it. */
function touchFor(c: (typeof CASES)[number]): DueTouch {
  const plan = content.plans.find((p) => p.id === c.plan);
  const step = plan?.data.steps.find((s) => s.id === c.step);
  if (!step) throw new Error(`no step ${c.plan}/${c.step} in the sample content`);
  return {
    id: touchId(c.contact, c.plan, c.step, TODAY),
    contact: c.contact,
    plan: c.plan,
    step: c.step,
    channel: 'email',
    due: TODAY,
    date: TODAY,
    priority: plan?.data.priority ?? 50,
    reason: 'rendered by a test',
    ...(step.template ? { template: step.template } : {}),
    ...(step.subject ? { subject: step.subject } : {}),
    ...(step.suggestion ? { suggestion: step.suggestion } : {}),
    ...('newsletter' in c ? { newsletter: c.newsletter } : {}),
  };
}

beforeAll(async () => {
  const read = await readContent(sampleContent());
  expect(read.problems).toEqual([]);
  content = read.content;
  settings = content.settings as Settings;
  const compiled = await compileLayouts(settings);
  layoutProblems = compiled.problems;
  // Rendered as real mail is, with REFERABLE_SECRET: the unsubscribe links carry signed tokens.
  const signer = signerFromEnv({ REFERABLE_SECRET: 'the email render test secret, 40 chars!' });
  if (!signer.ok || !signer.sign) throw new Error('no signer');
  sign = signer.sign;
  const prepare = emailPreparer({ content, settings, today: TODAY, layouts: compiled.layouts, now: () => '2026-12-01T09:00:00Z', sign });
  emails = new Map();
  for (const c of CASES) {
    const prepared = prepare(touchFor(c));
    if (!prepared.ok) throw new Error(`${c.layout}: ${prepared.reason}`);
    emails.set(c.layout, prepared.email);
  }
  browser = await launchBrowser();
  // EMAIL_SHOTS=DIR keeps the screenshots and HTML there, to look at; otherwise they are removed.
  shots = process.env.EMAIL_SHOTS ?? (await mkdtemp(path.join(tmpdir(), 'referable-email-shots-')));
  await mkdir(shots, { recursive: true });
  for (const [layout, email] of emails) await writeFile(path.join(shots, `${layout}.html`), email.html);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (!process.env.EMAIL_SHOTS) await rm(shots, { recursive: true, force: true });
});

describe('the layouts in emails/', () => {
  it('are all covered here, and compile with no MJML warnings', async () => {
    const names = (await readdir(path.join(ROOT, 'emails'))).filter((f) => f.endsWith('.mjml')).map((f) => f.slice(0, -5));
    expect(names.sort()).toEqual(CASES.map((c) => c.layout).sort());
    expect(layoutProblems).toEqual([]);
  });
});

async function open(html: string, width: number): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests };
}

describe.each(CASES)('the $layout email for $contact', (c) => {
  it.each(WIDTHS)(
    'reads well at %i px wide',
    async (width) => {
      const email = emails.get(c.layout) as OutgoingEmail;
      const { page, requests } = await open(email.html, width);
      try {
        await page.screenshot({ path: path.join(shots, `${c.layout}-${width}.png`), fullPage: true });
        // No request to any host: no web fonts, no tracking pixel, no remote image.
        expect(requests).toEqual([]);
        // Nothing wider than the screen.
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        // Every image says what it shows.
        expect(await page.evaluate(`[...document.images].filter((i) => !i.alt || !i.alt.trim()).map((i) => i.src)`)).toEqual([]);
        // The preheader is the first text in the body, hidden from view, and padded with invisible
        // filler so the inbox preview shows it alone.
        const preheader = page.locator('body > div').first();
        const preview = (await preheader.textContent()) ?? '';
        const words = preview.replace(/[\u034f\u200c\u00a0\s]+$/u, '');
        expect(words.startsWith(c.preheader)).toBe(true);
        expect(preview.length - words.length).toBeGreaterThan(150);
        await expect.poll(() => preheader.isVisible()).toBe(false);
        expect(await page.title()).toBe(email.subject);

        // The greeting, with the contact's first name.
        const first = email.to[0].name.split(' ')[0];
        expect(await page.getByText(`Hi ${first},`, { exact: true }).isVisible()).toBe(true);
        // The postal address and a working unsubscribe link, visible (anti-spam law).
        const a = settings.business.address;
        expect(await page.getByText(`${settings.business.name}, ${a.street}, ${a.locality}`).isVisible()).toBe(true);
        const unsubscribe = page.getByRole('link', { name: 'Unsubscribe' });
        expect(await unsubscribe.isVisible()).toBe(true);
        // It opens the site's /unsubscribe/ page with the signed token the mailto carries too.
        const link = new URL((await unsubscribe.getAttribute('href')) ?? '');
        expect(`${link.origin}${link.pathname}`).toBe(new URL('unsubscribe/', `${settings.site.url}/`).href);
        const token = link.searchParams.get('t') ?? '';
        expect(readUnsubscribeToken(sign, token)?.contacts).toEqual([c.contact]);
        expect(email.listUnsubscribe).toEqual([`mailto:${settings.unsubscribe.mailto}?subject=Unsubscribe%20${token}`]);
        const box = await unsubscribe.boundingBox();
        expect(box && box.width > 20 && box.height > 8).toBe(true);
        // Body text stays readable: never smaller than 13 px.
        const sizes = (await page.evaluate(
          `[...document.body.querySelectorAll('*')].filter((e) => e.checkVisibility() && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())).map((e) => parseFloat(getComputedStyle(e).fontSize))`,
        )) as number[];
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(13);
      } finally {
        await page.context().close();
      }
    },
    60_000,
  );
});

describe('what each email says', () => {
  it('carries its own content, personal to the contact', () => {
    const html = (layout: string) => emails.get(layout)?.html ?? '';
    expect(html('newsletter')).toContain('A mortgage valuation is not a survey');
    expect(html('newsletter')).toContain('Recent results');
    expect(html('newsletter')).toContain('In their words');
    // The newsletter's body is the owners' letter with its own sign-off: no second one after the results.
    expect(html('newsletter').match(/Hannah and Rob|Best wishes/g)).toEqual(['Hannah and Rob']);
    expect(html('note').match(/Best wishes/g)).toEqual(['Best wishes']);
    expect(html('referral-thanks')).toContain('Maya');
    expect(html('above-and-beyond')).toContain('Beyond the brief');
    expect(html('testimonial-request')).toContain('David O., Kingston near Lewes');
    // Issue 14: Grace is not in David's golf club, so the frame names David alone.
    expect(html('introduction-ask')).toContain('You are part of Mount Caburn Golf Club');
    expect(html('introduction-ask')).not.toContain('Grace');
    for (const email of emails.values()) {
      expect(email.html).not.toContain('{{');
      expect(email.text).not.toContain('{{');
      expect(email.text).toContain('Unsubscribe [https://wellsmercer.example/unsubscribe/?t=');
    }
  });
});
