/**
 * Only public fields become public (issue 15 point 7). A reply to a testimonial request is taken
 * in by the real intake command, the owner publishes the draft as the README says (status:
 * published), and the real Astro build makes the site: the quote is there, and nothing else
 * intake knew about the contact or the message is, in any file of dist/. Built once: it is slow.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMail, touchMessageId } from './helpers/intake-mail.ts';
import { ROOT, runNode, runScript, type ScriptRun } from './helpers/run-script.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

const QUOTE = 'Working with Harbour & Hill felt like having a friend in the trade.';
const REPLY = `Hi Maya,

${QUOTE} They answered every question before we had to ask it.

Happy for you to use this on your website, as Ana R.
Please don't put my surname on your website.

Best wishes,
Ana

--
Ana Ruiz
Sent from my phone

On Mon, 2 Nov 2026 at 09:00, Maya Okafor <maya@harbourhill.example> wrote:
> Would you reply with a sentence or two about what it was like to work with us?
`;

/** What intake knows that the site must never show. */
const PRIVATE = {
  area: 'Cotham Brow',
  notes: 'Keys under the blue pot',
  email: 'ana.ruiz@example.com',
  phone: '0117 496 0123',
  'surname in the name': 'Ana Ruiz',
  'the reply’s Message-ID': 'CAF-private-77',
  'the refusal': 'surname on your website',
  'the signature': 'Sent from my phone',
  'the quoted request': 'what it was like to work with us',
};

// Vitest puts import.meta.env into process.env: a child Astro build would take them as its own.
function shellEnv(): NodeJS.ProcessEnv {
  const vitest = /^(VITEST.*|TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitest.test(key)));
}

let work = '';
let content = '';
let dist = '';
let draft = '';
let build: ScriptRun;
let siteCheck: ScriptRun;
let files: { rel: string; text: string }[] = [];

beforeAll(async () => {
  work = await writeTree({}, 'referable-draft-site-');
  content = path.join(work, 'content');
  dist = path.join(work, 'dist');
  await cp(path.join(ROOT, 'test/fixtures/intake'), content, { recursive: true });
  const ana = path.join(content, 'contacts/ana-ruiz.yaml');
  const contact = (await readFile(ana, 'utf8'))
    .replace('area: Redland', `area: ${PRIVATE.area}\nphone: "${PRIVATE.phone}"`)
    .replace("notes: Owner's notes stay.", `notes: ${PRIVATE.notes}`)
    .replace(
      'consent:\n',
      'consent:\n  publish:\n    basis: consent\n    source: Reply to our testimonial request\n    date: 2026-11-04\n',
    );
  await writeFile(ana, contact);
  const reply = path.join(work, 'reply.eml');
  await writeFile(
    reply,
    await buildMail({
      from: `Ana Ruiz <${PRIVATE.email}>`,
      to: 'Harbour & Hill <hello@harbourhill.example>',
      subject: 'Re: A small favour, Ana?',
      text: REPLY,
      messageId: `<${PRIVATE['the reply’s Message-ID']}@mail.example.com>`,
      inReplyTo: touchMessageId('ana-ruiz.testimonial-request.ask.2026-11-02'),
      // Verified on arrival by the mailbox the fixture trusts, so her consent is recorded.
      headers: { 'Authentication-Results': 'mx.harbourhill.example; dkim=pass header.d=example.com; dmarc=pass header.from=example.com' },
    }),
  );
  const intake = await runScript('intake', [reply, '--content', content, '--date', '2026-11-04']);
  expect(intake.stderr).toBe('');

  // The owner reads the draft and publishes it, changing nothing else.
  const file = path.join(content, 'testimonials/ana-ruiz-reply-2026-11-04.mdx');
  draft = await readFile(file, 'utf8');
  await writeFile(file, draft.replace('status: draft', 'status: published'));

  build = await runNode(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], {
    ...shellEnv(),
    NO_COLOR: '1',
    REFERABLE_CONTENT: content,
    REFERABLE_CACHE_DIR: `${dist}-cache`,
    BUILD_DATE: '2026-12-01',
    SITE_URL: '',
    BASE_PATH: '',
  });
  siteCheck = await runScript('check-site', ['--content', content, '--dist', dist]);
  const entries = await readdir(dist, { recursive: true, withFileTypes: true }).catch(() => []);
  files = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => ({
        rel: path.relative(dist, path.join(e.parentPath, e.name)),
        text: await readFile(path.join(e.parentPath, e.name), 'latin1'),
      })),
  );
}, 300_000);

afterAll(() => removeTree(work));

describe('a testimonial taken in by intake, then published', () => {
  it('was drafted with the quote, the short name and the consent, and its notes only as comments', () => {
    expect(draft).toContain(QUOTE);
    expect(draft).toContain('name: Ana R.');
    expect(draft).not.toContain(PRIVATE.area);
    expect(draft).not.toContain(PRIVATE.notes);
    // Below the front matter there is nothing: the body is the owner's to write.
    expect(draft.split(/^---$/m)[2].trim()).toBe('');
  });

  it('builds, passes the privacy check, and shows the quote', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(siteCheck.code, siteCheck.stderr).toBe(0);
    const page = files.find((f) => f.rel === path.join('testimonials', 'ana-ruiz-reply-2026-11-04', 'index.html'));
    expect(page?.text).toContain('Working with Harbour &amp; Hill felt like having a friend in the trade.');
    expect(page?.text).toContain('Ana R.');
  });

  it('puts nothing else intake knew into any file of the site', () => {
    expect(files.length).toBeGreaterThan(5);
    const found = Object.entries(PRIVATE).flatMap(([what, text]) =>
      files.filter((f) => f.text.includes(text) || f.text.includes(text.replaceAll(' ', '&nbsp;'))).map((f) => `${what} in ${f.rel}`),
    );
    expect(found).toEqual([]);
  });
});
