/**
 * The Astro build on bad content (issue 15 points 8 and 9): it stops with one clear line and its
 * hint, never a stack trace, when settings.yaml is missing, when an MDX body holds code (which the
 * build would otherwise run), and when a link in content/ points out of it.
 */
import { cp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runNode, type ScriptRun } from './helpers/run-script.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

// Vitest puts import.meta.env into process.env: a child Astro build would take them as its own.
function shellEnv(): NodeJS.ProcessEnv {
  const vitest = /^(VITEST.*|TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitest.test(key)));
}

let work = '';
afterEach(() => removeTree(work));

/** A copy of the site-sample fixture, changed by `change`, built into its own folder. */
async function build(change: (content: string) => Promise<void>): Promise<ScriptRun & { content: string; dist: string }> {
  work = await writeTree({}, 'referable-site-bad-');
  const content = path.join(work, 'content');
  const dist = path.join(work, 'dist');
  await cp(path.join(ROOT, 'test/fixtures/site-sample'), content, { recursive: true });
  await change(content);
  const run = await runNode(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], {
    ...shellEnv(),
    NO_COLOR: '1',
    REFERABLE_CONTENT: content,
    REFERABLE_CACHE_DIR: `${dist}-cache`,
    BUILD_DATE: '2026-12-01',
    SITE_URL: '',
    BASE_PATH: '',
  });
  return { ...run, content, dist };
}

/** The build's output from its first error on, with the content folder as DIR. */
const failure = (run: ScriptRun & { content: string }) => {
  const out = `${run.stdout}${run.stderr}`;
  const shown = path.relative(ROOT, run.content).split(path.sep).join('/');
  return out.slice(out.indexOf('[AstroUserError]')).replaceAll(shown, 'DIR').trim();
};

const SLOW = 180_000;

describe('astro build on bad content', () => {
  it(
    'without settings.yaml, says so in one line',
    async () => {
      const run = await build((content) => rm(path.join(content, 'settings.yaml')));
      expect(run.code).toBe(1);
      expect(failure(run)).toBe(
        '[AstroUserError] DIR/settings.yaml is missing\n  Hint:\n    Create settings.yaml in the content folder; the sample content has one to copy.',
      );
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/Stack trace|^\s+at /m);
    },
    SLOW,
  );

  it(
    'refuses a result whose MDX body holds code, before running any of it',
    async () => {
      const run = await build(async (content) => {
        const file = path.join(content, 'results/lettings-year.mdx');
        const text = await readFile(file, 'utf8');
        await writeFile(file, `${text}\nimport fs from 'node:fs'\n\n{fs.writeFileSync('${path.join(work, 'ran')}', 'yes')}\n`);
      });
      expect(run.code).toBe(1);
      expect(failure(run)).toMatch(/^\[AstroUserError\] DIR\/results\/lettings-year\.mdx:\d+:1 has an import or export, which is code/);
      await expect(readFile(path.join(work, 'ran'), 'utf8')).rejects.toThrow();
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/Stack trace|^\s+at /m);
    },
    SLOW,
  );

  it(
    'follows no link out of content/ onto the site',
    async () => {
      const run = await build(async (content) => {
        await writeFile(path.join(work, 'outside.mdx'), await readFile(path.join(content, 'testimonials/grace-b.mdx'), 'utf8'));
        await symlink(path.join(work, 'outside.mdx'), path.join(content, 'testimonials/outside.mdx'));
      });
      expect(run.code).toBe(1);
      expect(failure(run)).toMatch(/^\[AstroUserError\] DIR\/testimonials\/outside\.mdx is a symbolic link, which is not followed/);
    },
    SLOW,
  );

  it(
    'names a photo that settings give but content/images/ lacks, in one line (issue 19)',
    async () => {
      const run = await build(async (content) => {
        const file = path.join(content, 'settings.yaml');
        const text = await readFile(file, 'utf8');
        await writeFile(
          file,
          text.replace(/^business:\n/m, 'business:\n  office:\n    photo: images/office.jpg\n    description: Our office\n'),
        );
      });
      expect(run.code).toBe(1);
      expect(failure(run)).toBe(
        '[AstroUserError] DIR/settings.yaml:3:12 business.office.photo: names images/office.jpg, which is not an image in images/\n  Hint:\n    Put the photo in the images/ folder beside settings.yaml, or correct the path (it is written from settings.yaml, like images/hannah.jpg).',
      );
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/Stack trace|^\s+at /m);
    },
    SLOW,
  );
});
