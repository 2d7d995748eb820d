/**
 * The editor at /admin/, built for real and opened in Debian's Chromium. Sveltia CMS works on a
 * local repository through the browser's folder picker (File System Access API); headless Chromium
 * cannot answer the picker, so the test answers it with a folder of the browser's own private
 * file system, filled with a copy of the sample. The only stand-in is GitHub's status feed.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { ContactSchema, ReferralSchema, SettingsSchema } from '../src/core/model/index.ts';
import { launchBrowser } from './helpers/browser.ts';
import { ROOT, runNode, runScript, type ScriptRun } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';
import { buildSite } from './helpers/site-build.ts';
import { serveDir, type StaticServer } from './helpers/static-server.ts';
import { addToTree, removeTree, writeTree } from './helpers/temp-dir.ts';

const SLOW = 300_000;
// How long the editor may take to write a saved entry: over a minute on a loaded 2-core machine.
const SAVE_WAIT = 150_000;

// Vitest puts import.meta.env into process.env: a child Astro build would take it as its own.
function shellEnv(): NodeJS.ProcessEnv {
  const vitest = /^(VITEST.*|TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitest.test(key)));
}

let work: string;
let dist: string;
let content: string;
let build: ScriptRun;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  work = await writeTree({}, 'referable-admin-');
  dist = path.join(work, 'dist');
  content = await copySample(path.join(work, 'repo', 'content'));
  // The small site fixture builds fastest; the editor's page and configuration hold no content.
  build = await runNode(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], {
    ...shellEnv(),
    NO_COLOR: '1',
    REFERABLE_CONTENT: path.join(ROOT, 'test/fixtures/site-sample'),
    REFERABLE_CACHE_DIR: `${dist}-cache`,
    SITE_URL: '',
    BASE_PATH: '',
    CMS_REPO: 'agency/referable',
  });
  if (build.code !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  server = await serveDir(dist);
  browser = await launchBrowser();
}, SLOW);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) await removeTree(work);
});

/**
 * Every file under `dir`, relative path to its bytes in base64 (the photos are not text), with
 * `.git/HEAD` so the editor takes it for a repository.
 */
async function repositoryFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = { '.git/HEAD': Buffer.from('ref: refs/heads/main\n').toString('base64') };
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile())
      files[path.relative(dir, path.join(e.parentPath, e.name))] = (await readFile(path.join(e.parentPath, e.name))).toString('base64');
  }
  return files;
}

/** A real PNG of `width` by `height` pixels in one colour, made here so the test needs no image file. */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2], 8); // 8 bits a channel, RGB
  // Each row starts with filter type 0 (none).
  const row = Buffer.from([0, ...Array.from({ length: width }, () => [r, g, b]).flat()]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** The few File System Access types the page code uses (the tests compile without the DOM library). */
type Dir = {
  getDirectoryHandle(name: string, options?: { create: boolean }): Promise<Dir>;
  getFileHandle(
    name: string,
    options?: { create: boolean },
  ): Promise<{ createWritable(): Promise<{ write(bytes: Uint8Array): Promise<void>; close(): Promise<void> }>; getFile(): Promise<Blob> }>;
};
type PageGlobals = { navigator: { storage: { getDirectory(): Promise<Dir> } }; showDirectoryPicker?: () => Promise<Dir> };

type Opened = { page: Page; trouble: string[]; otherHosts: string[] };

/** Opens /admin/ with the folder picker answered by a private folder holding `files`. */
async function openEditor(files: Record<string, string>): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 4000 } /* fields render as they scroll into view */ });
  const trouble: string[] = [];
  const otherHosts: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') trouble.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => trouble.push(`page error: ${e.message}`));
  await page.route(
    (url) => url.origin !== server.origin && url.protocol.startsWith('http'),
    (route) => {
      const url = new URL(route.request().url());
      otherHosts.push(url.host);
      // The GitHub backend shows GitHub's status; the machine has no network.
      if (url.host === 'www.githubstatus.com') return route.fulfill({ json: { status: { indicator: 'none' } } });
      return route.abort();
    },
  );
  await page.addInitScript((tree: Record<string, string>) => {
    const page = globalThis as unknown as PageGlobals;
    page.showDirectoryPicker = async () => {
      const root = await page.navigator.storage.getDirectory();
      const repo = await root.getDirectoryHandle('repo', { create: true });
      for (const [rel, base64] of Object.entries(tree)) {
        const parts = rel.split('/');
        let dir = repo;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(Uint8Array.fromBase64(base64));
        await writable.close();
      }
      return repo;
    };
  }, files);
  await page.goto(`${server.url}admin/`);
  return { page, trouble, otherHosts };
}

/** A file of the private folder, or undefined. */
function readPrivateFile(page: Page, rel: string): Promise<string | undefined> {
  return page.evaluate(async (parts: string[]) => {
    try {
      const { navigator } = globalThis as unknown as PageGlobals;
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      return await (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).text();
    } catch {
      return undefined;
    }
  }, rel.split('/'));
}

/** The bytes of a file of the private folder, or undefined. */
async function readPrivateBytes(page: Page, rel: string): Promise<Buffer | undefined> {
  const base64 = await page.evaluate(async (parts: string[]) => {
    try {
      const { navigator } = globalThis as unknown as PageGlobals;
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      return new Uint8Array(await (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).arrayBuffer()).toBase64();
    } catch {
      return undefined;
    }
  }, rel.split('/'));
  return base64 === undefined ? undefined : Buffer.from(base64, 'base64');
}

/** The width and height of an image in the private folder, as the browser decodes it. */
function imageSize(page: Page, rel: string): Promise<[number, number]> {
  return page.evaluate(async (parts: string[]) => {
    const { navigator, createImageBitmap } = globalThis as unknown as PageGlobals & {
      createImageBitmap(image: Blob): Promise<{ width: number; height: number }>;
    };
    let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
    const bitmap = await createImageBitmap(await (await dir.getFileHandle(parts.at(-1)!)).getFile());
    return [bitmap.width, bitmap.height] as [number, number];
  }, rel.split('/'));
}

/** True for the bytes of a WebP file: a RIFF container of WEBP. */
const isWebp = (bytes: Buffer | undefined) =>
  bytes?.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';

/**
 * Checks a checkbox, and sees that it stays checked. A click that lands while a field is still
 * opening can be lost, so the check is tried again until it holds.
 */
async function choose(box: Locator): Promise<void> {
  await vi.waitFor(() => box.check({ timeout: 5_000 }), { timeout: 60_000, interval: 500 });
}

const field = (page: Page, keyPath: string) => page.locator(`section.field[data-key-path="${keyPath}"]`);

/** The preview pane's text for one field, or null: what the entry holds, as it will be saved. */
const shown = (page: Page, keyPath: string) =>
  page
    .getByRole('document', { name: 'Content Preview' })
    .locator(`section[data-key-path="${keyPath}"] p`)
    .textContent({ timeout: 1_000 })
    .catch(() => null);

/**
 * Adds item `index` to the list at `keyPath`, and waits until the editor has moved the focus to the
 * new item's Collapse button, which it does a moment after the item shows: keys typed before then
 * land on that button, and a space folds the item away (a referral's note once stopped at "Kofi
 * put Rajesh i" and its box vanished). A click on Add lost while the form is busy is made again.
 */
async function addItem(page: Page, keyPath: string, index: number): Promise<void> {
  const item = page.locator(`section.field[data-key-path^="${keyPath}.${index}."]`).first();
  await vi.waitFor(
    async () => {
      if ((await item.count()) === 0) await field(page, keyPath).getByRole('button', { name: /Add/ }).click({ timeout: 5_000 });
      await item.waitFor({ timeout: 5_000 });
    },
    { timeout: 60_000, interval: 500 },
  );
  await field(page, keyPath).locator(`button[aria-controls$="-item-${index}-body"]:focus`).waitFor({ timeout: 30_000 });
}

/** Types `text` into the text field at `keyPath`, key by key, and waits until the preview shows it. */
async function type(page: Page, keyPath: string, text: string): Promise<void> {
  await field(page, keyPath).getByRole('textbox').pressSequentially(text);
  await expect.poll(() => shown(page, keyPath), { timeout: 10_000 }).toBe(text);
}

/**
 * Picks the option `name` of the radio buttons at `keyPath` and waits until the preview shows it.
 * A click can check the button without reaching the entry (a referral's status was then saved as
 * missing, "This field is required", in CI), so until the preview shows the option, it is picked
 * again by way of another one.
 */
async function pick(page: Page, keyPath: string, name: string): Promise<void> {
  const option = field(page, keyPath).getByRole('radio', { name, exact: true });
  const other = field(page, keyPath).getByRole('radio', { checked: false }).first();
  await vi.waitFor(
    async () => {
      if (await option.isChecked({ timeout: 5_000 })) await other.click({ timeout: 5_000 });
      await option.check({ timeout: 5_000 });
      await expect.poll(() => shown(page, keyPath), { timeout: 3_000 }).toBe(name);
    },
    { timeout: 60_000, interval: 500 },
  );
}

/**
 * Uploads `file` to the image field at `keyPath` as the owner does (Browse or Replace, then Upload
 * in the dialog, then Insert), and waits until the field shows the path it will write.
 */
async function upload(page: Page, keyPath: string, file: string, written: string): Promise<void> {
  const box = field(page, keyPath);
  await box.getByRole('button', { name: /^(Browse|Replace Image)$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Select Image' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await (await chooser).setFiles(file);
  await dialog.getByRole('button', { name: 'Insert' }).click();
  await expect.poll(() => box.innerText(), { timeout: 10_000 }).toContain(written);
}

/**
 * Waits for the editor to write `rel` (with other text than `before`, when given). When it does not,
 * fails with what the page shows, so a run that fails says whether a message or a dialog held the
 * save back.
 */
async function savedFile(page: Page, rel: string, before?: string): Promise<void> {
  try {
    await expect.poll(() => readPrivateFile(page, rel), { timeout: SAVE_WAIT }).not.toBe(before);
  } catch (error) {
    const shown = await page.locator('body').innerText();
    throw new Error(`the editor did not write ${rel}; the page shows:\n${shown.slice(0, 2000)}`, { cause: error });
  }
}

/** Opens the copy of the repository in the browser, and the collection labelled `label`. */
async function openCollection(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: /Work with Local Repository/ }).click();
  await page
    .getByRole('link', { name: label })
    .or(page.getByText(label, { exact: true }))
    .first()
    .click();
}

/** A photo the owner picks from their phone or computer: `name` in a folder the file dialog opens. */
async function photoToPick(name: string, photo: Buffer): Promise<string> {
  const picked = path.join(work, 'uploads', name);
  await mkdir(path.dirname(picked), { recursive: true });
  await writeFile(picked, photo);
  return picked;
}

/** `npm run check` finds nothing wrong with the content folder, the editor's files now in it. */
async function expectCheckPasses(): Promise<void> {
  const check = await runScript('check', ['--content', content]);
  expect(check.stderr).toBe('');
  expect(check.code).toBe(0);
}

/**
 * With REFERABLE_SCREENSHOTS=DIR, saves what a phone (390 pixels wide) shows as DIR/NAME.png: the
 * top of the page, or `part` of it. The README's pictures of the editor are made this way.
 */
async function phoneShot(page: Page, name: string, part?: (page: Page) => Locator): Promise<void> {
  const dir = process.env.REFERABLE_SCREENSHOTS;
  if (!dir) return;
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: part ? size.height : 844 });
  // Two frames: the editor lays itself out again for a narrow screen.
  for (let i = 0; i < 2; i++)
    await page.evaluate(
      () =>
        new Promise((done) =>
          (globalThis as unknown as { requestAnimationFrame(run: () => void): void }).requestAnimationFrame(() => done(0)),
        ),
    );
  const file = path.join(dir, `${name}.png`);
  await (part ? part(page).screenshot({ path: file }) : page.screenshot({ path: file }));
  await page.setViewportSize(size);
}

describe('the editor at /admin/', { timeout: SLOW }, () => {
  it('serves the configuration made from the schema, for the repository, with no content in it', async () => {
    const config = parse(await readFile(path.join(dist, 'admin/config.yml'), 'utf8'));
    expect(config.backend).toEqual({ name: 'github', repo: 'agency/referable', branch: 'main' });
    expect(config.publish_mode).toBe('editorial_workflow');
    const sitemap = await readFile(path.join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).not.toContain('/admin');
  });

  it("serves Sveltia CMS's prebuilt script as the package ships it, with nothing bundled (issue 19)", async () => {
    const cms = path.join(ROOT, 'node_modules/@sveltia/cms/dist');
    expect(await readFile(path.join(dist, 'admin/sveltia-cms.js'))).toEqual(await readFile(path.join(cms, 'sveltia-cms.js')));
    expect(await readFile(path.join(dist, 'admin/chunks/react-dom.js'))).toEqual(await readFile(path.join(cms, 'chunks/react-dom.js')));
    const page = await readFile(path.join(dist, 'admin/index.html'), 'utf8');
    expect(page).toContain('<script src="/admin/sveltia-cms.js"></script>');
    expect((await readdir(path.join(dist, '_astro'))).filter((name) => name.endsWith('.js'))).toEqual([]);
  });

  it('creates a contact through the form that matches the schema and passes check', async () => {
    const { page, trouble, otherHosts } = await openEditor(await repositoryFiles(path.dirname(content)));
    await phoneShot(page, 'sign-in');
    await page.getByRole('button', { name: /Work with Local Repository/ }).click();
    await page.getByRole('button', { name: 'New' }).click();
    await pick(page, 'segment', 'sphere');
    // Typed key by key: the form takes a filled value only once it has settled.
    await field(page, 'name').getByRole('textbox').pressSequentially('Rosa Lind');
    await field(page, 'emails').getByRole('textbox').first().pressSequentially('Rosa.Lind@Example.org');
    await choose(field(page, 'consent').getByRole('checkbox', { name: /Add/ }));
    await choose(field(page, 'consent.email').getByRole('checkbox', { name: /Add/ }));
    await field(page, 'consent.email.source').getByRole('textbox').pressSequentially('Asked for the newsletter at the market stall');
    await phoneShot(page, 'new-contact');
    await phoneShot(page, 'new-contact-consent', (p) => p.locator('section.field[data-key-path="consent"]'));
    await page.getByRole('button', { name: 'Save' }).click();
    await savedFile(page, 'content/contacts/rosa-lind.yaml');
    const text = (await readPrivateFile(page, 'content/contacts/rosa-lind.yaml'))!;
    await page.close();

    await addToTree(content, { 'contacts/rosa-lind.yaml': text });
    const contact = ContactSchema.parse(parse(text));
    expect(contact).toMatchObject({ name: 'Rosa Lind', emails: ['rosa.lind@example.org'], segment: 'sphere', tier: 'standard' });
    expect(contact.consent.email).toEqual({
      basis: 'consent',
      source: 'Asked for the newsletter at the market stall',
      date: Temporal.Now.plainDateISO().toString(),
    });
    await expectCheckPasses();
    expect(trouble).toEqual([]);
    expect([...new Set(otherHosts)]).toEqual(['www.githubstatus.com']);
  });

  it('creates a referral through the form, picking both people from the contacts (issue 17)', async () => {
    const { page, trouble, otherHosts } = await openEditor(await repositoryFiles(path.dirname(content)));
    await openCollection(page, 'Referrals');
    await page.getByRole('button', { name: 'New' }).click();
    for (const [keyPath, name] of [
      ['referrer', 'Kofi Mensah'],
      ['referred', 'Rajesh Nair'],
    ]) {
      const box = field(page, keyPath).getByRole('combobox');
      await box.click();
      await box.pressSequentially(name.split(' ')[0]);
      await page.getByRole('option', { name }).click();
    }
    await type(page, 'need', 'A surveyor for a listed cottage');
    await addItem(page, 'status', 0);
    await pick(page, 'status.0.status', 'introduced');
    await type(page, 'status.0.note', 'Kofi put Rajesh in touch by email');
    await phoneShot(page, 'new-referral');
    await page.getByRole('button', { name: 'Save' }).click();
    const file = 'content/referrals/kofi-mensah-rajesh-nair.yaml';
    await savedFile(page, file);
    const text = (await readPrivateFile(page, file))!;
    await page.close();

    const today = Temporal.Now.plainDateISO().toString();
    expect(ReferralSchema.parse(parse(text))).toEqual({
      referrer: 'kofi-mensah',
      referred: 'rajesh-nair',
      date: today,
      need: 'A surveyor for a listed cottage',
      status: [{ status: 'introduced', date: today, note: 'Kofi put Rajesh in touch by email' }],
      updates: [],
    });
    await addToTree(content, { 'referrals/kofi-mensah-rajesh-nair.yaml': text });
    await expectCheckPasses();
    expect(trouble).toEqual([]);
    expect([...new Set(otherHosts)]).toEqual(['www.githubstatus.com']);
  });

  it('publishes a testimonial once its consent is recorded', async () => {
    // Ellen Boyd's words are a draft until she agrees. Her agreement is recorded in her contact file
    // too (Contacts → Ellen Boyd → Consent → Add Publish), or check refuses the published quote.
    const contact = await readFile(path.join(content, 'contacts/ellen-boyd.yaml'), 'utf8');
    const consent = [
      '  publish:',
      '    basis: consent',
      '    source: Replied to our testimonial request',
      '    date: 2026-12-02',
      '    evidence: \'Her email of 2 December: "yes, use it on your website"\'',
    ].join('\n');
    await addToTree(content, { 'contacts/ellen-boyd.yaml': contact.replace(/^gifts:/m, `${consent}\ngifts:`) });
    const { page, trouble } = await openEditor(await repositoryFiles(path.dirname(content)));
    await openCollection(page, 'Testimonials');
    await page
      .getByText(/^Ellen B\./)
      .first()
      .click();
    await pick(page, 'status', 'published');
    await choose(field(page, 'consent').getByRole('checkbox', { name: /Add/ }));
    await choose(field(page, 'consent').getByRole('checkbox', { name: 'website' }));
    await field(page, 'consent.evidence').getByRole('textbox').pressSequentially('Her email of 2 December: "yes, use it on your website"');
    await phoneShot(page, 'publish-testimonial', (p) => p.locator('section.field[data-key-path="consent"]'));
    await page.getByRole('button', { name: 'Save' }).click();
    const file = 'content/testimonials/ellen-first-flat-draft.mdx';
    const before = await readFile(path.join(content, 'testimonials/ellen-first-flat-draft.mdx'), 'utf8');
    await savedFile(page, file, before);
    const text = (await readPrivateFile(page, file))!;
    await page.close();
    expect(text).toMatch(/^status: published$/m);
    expect(text).toMatch(/^consent:\n {2}scope:\n {4}- website\n {2}date: \d{4}-\d{2}-\d{2}\n {2}evidence: .*yes, use it on your website/m);
    await addToTree(content, { 'testimonials/ellen-first-flat-draft.mdx': text });
    await expectCheckPasses();
    expect(trouble).toEqual([]);
  });

  it("uploads a testimonial's photo beside it, as the path from the testimonial (issue 19)", async () => {
    const photo = png(48, 48, [200, 120, 60]);
    const picked = await photoToPick('ana-r.png', photo);
    const { page, trouble, otherHosts } = await openEditor(await repositoryFiles(path.dirname(content)));
    await openCollection(page, 'Testimonials');
    await page
      .getByText(/^Ana R\./)
      .first()
      .click();
    // Every photo uploaded to a photo field is saved as WebP (see PHOTO_UPLOADS), a small one at its own size.
    await upload(page, 'photo', picked, 'photos/ana-r.webp');
    await page.getByRole('button', { name: 'Save' }).click();
    const file = 'content/testimonials/ana-first-home-cliffe.mdx';
    await savedFile(page, file, await readFile(path.join(content, 'testimonials/ana-first-home-cliffe.mdx'), 'utf8'));
    const text = (await readPrivateFile(page, file))!;
    const saved = await readPrivateBytes(page, 'content/testimonials/photos/ana-r.webp');
    const size = await imageSize(page, 'content/testimonials/photos/ana-r.webp');
    await page.close();

    expect(text).toMatch(/^photo: photos\/ana-r\.webp$/m);
    expect([isWebp(saved), size]).toEqual([true, [48, 48]]);
    await addToTree(content, { 'testimonials/ana-first-home-cliffe.mdx': text });
    await writeFile(path.join(content, 'testimonials/photos/ana-r.webp'), saved!);
    await expectCheckPasses();
    expect(trouble).toEqual([]);
    expect([...new Set(otherHosts)]).toEqual(['www.githubstatus.com']);
  });

  it("picks a testimonial's photo from Global Assets: check passes and the site shows it (issue 19)", async () => {
    // A photo the owner put in the editor's global folder earlier (Assets → Upload): the picker
    // offers it under Global Assets, and picking it there writes its address on the site.
    const photo = png(40, 40, [90, 160, 70]);
    const repo = path.dirname(content);
    await mkdir(path.join(repo, 'public/images'), { recursive: true });
    await writeFile(path.join(repo, 'public/images/ana-ruiz-garden.png'), photo);
    const { page, trouble, otherHosts } = await openEditor(await repositoryFiles(repo));
    await openCollection(page, 'Testimonials');
    await page
      .getByText(/^Ana R\./)
      .first()
      .click();
    const box = field(page, 'photo');
    await box.getByRole('button', { name: /^(Browse|Replace Image)$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Select Image' });
    await dialog.getByRole('option', { name: 'Global Assets' }).click();
    await dialog.getByRole('option', { name: 'ana-ruiz-garden.png' }).click();
    await dialog.getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => box.innerText(), { timeout: 10_000 }).toContain('/images/ana-ruiz-garden.png');
    await page.getByRole('button', { name: 'Save' }).click();
    const file = 'content/testimonials/ana-first-home-cliffe.mdx';
    await savedFile(page, file, await readFile(path.join(content, 'testimonials/ana-first-home-cliffe.mdx'), 'utf8'));
    const text = (await readPrivateFile(page, file))!;
    await page.close();

    expect(text).toMatch(/^photo: \/images\/ana-ruiz-garden\.png$/m);
    await addToTree(content, { 'testimonials/ana-first-home-cliffe.mdx': text });
    await expectCheckPasses();
    expect(trouble).toEqual([]);
    expect([...new Set(otherHosts)]).toEqual(['www.githubstatus.com']);

    // The site built from the repository shows Ana's card with the photo, resized.
    const site = path.join(work, 'site-picked');
    const built = await buildSite(content, site, { BUILD_DATE: '2026-12-03' });
    expect(built.stderr).not.toContain('ana-ruiz-garden');
    const wall = await readFile(path.join(site, 'testimonials/index.html'), 'utf8');
    const card = wall.split('<article').find((a) => a.includes('Ana R.'));
    expect(card).toMatch(/<img [^>]*src="\/_astro\/ana-ruiz-garden\.[^"]+"/);
  });

  it("uploads a person's photo to images/ beside settings.yaml, as the path from settings (issue 19)", async () => {
    const photo = png(64, 64, [40, 90, 160]);
    const picked = await photoToPick('rob-mercer-2026.png', photo);
    const before = await readFile(path.join(content, 'settings.yaml'), 'utf8');
    const { page, trouble, otherHosts } = await openEditor(await repositoryFiles(path.dirname(content)));
    await openCollection(page, 'Settings');
    // Settings is one file: the collection lists it as its one row.
    await page.getByRole('main').getByRole('row', { name: 'Settings' }).click();
    // The people are far down the form, which draws its fields as they scroll into view.
    await field(page, 'business.people').scrollIntoViewIfNeeded();
    await upload(page, 'business.people.1.photo', picked, 'images/rob-mercer-2026.webp');
    await page.getByRole('button', { name: 'Save' }).click();
    await savedFile(page, 'content/settings.yaml', before);
    const text = (await readPrivateFile(page, 'content/settings.yaml'))!;
    const saved = await readPrivateBytes(page, 'content/images/rob-mercer-2026.webp');
    const size = await imageSize(page, 'content/images/rob-mercer-2026.webp');
    await page.close();

    const settings = SettingsSchema.parse(parse(text));
    expect(settings.business.people.map((p) => p.photo)).toEqual(['images/hannah-wells.jpg', 'images/rob-mercer-2026.webp']);
    expect(settings.business.office?.photo).toBe('images/office.jpg');
    expect([isWebp(saved), size]).toEqual([true, [64, 64]]);
    await addToTree(content, { 'settings.yaml': text });
    await writeFile(path.join(content, 'images/rob-mercer-2026.webp'), saved!);
    await expectCheckPasses();
    expect(trouble).toEqual([]);
    expect([...new Set(otherHosts)]).toEqual(['www.githubstatus.com']);
  });

  it('names a photo uploaded as it came from a phone by the slug, at 2048 pixels at most, and check passes (issue 19)', async () => {
    // A photo named as a computer names a copy, larger than the site ever shows.
    const photo = png(3000, 2000, [180, 140, 100]);
    const picked = await photoToPick('Hannah portrait (1).png', photo);
    const before = await readFile(path.join(content, 'settings.yaml'), 'utf8');
    const { page, trouble, otherHosts } = await openEditor(await repositoryFiles(path.dirname(content)));
    await openCollection(page, 'Settings');
    await page.getByRole('main').getByRole('row', { name: 'Settings' }).click();
    await field(page, 'business.people').scrollIntoViewIfNeeded();
    await upload(page, 'business.people.0.photo', picked, 'images/hannah-portrait-1.webp');
    await page.getByRole('button', { name: 'Save' }).click();
    await savedFile(page, 'content/settings.yaml', before);
    const text = (await readPrivateFile(page, 'content/settings.yaml'))!;
    const saved = await readPrivateBytes(page, 'content/images/hannah-portrait-1.webp');
    const size = await imageSize(page, 'content/images/hannah-portrait-1.webp');
    const asItCame = await readPrivateBytes(page, 'content/images/Hannah portrait (1).png');
    await page.close();

    expect(text).toMatch(/^ {6}photo: images\/hannah-portrait-1\.webp$/m);
    expect(SettingsSchema.parse(parse(text)).business.people[0].photo).toBe('images/hannah-portrait-1.webp');
    expect([isWebp(saved), size, asItCame]).toEqual([true, [2048, 1365], undefined]);
    await addToTree(content, { 'settings.yaml': text });
    await writeFile(path.join(content, 'images/hannah-portrait-1.webp'), saved!);
    await expectCheckPasses();
    expect(trouble).toEqual([]);
    expect([...new Set(otherHosts)]).toEqual(['www.githubstatus.com']);
  });

  it('is covered by the privacy check', async () => {
    const copy = path.join(work, 'dist-copy');
    await cp(dist, copy, { recursive: true });
    await mkdir(path.join(copy, 'admin'), { recursive: true });
    const config = await readFile(path.join(copy, 'admin/config.yml'), 'utf8');
    await writeFile(path.join(copy, 'admin/config.yml'), `${config}# ana@example.com\n`);
    const run = await runScript('check-site', ['--content', path.join(ROOT, 'test/fixtures/site-sample'), '--dist', copy]);
    expect(run.stderr).toContain(`${copy}/admin/config.yml:`);
    expect(run.code).toBe(1);
  });
});
