/**
 * `node scripts/check-site.js [--content DIR] [--dist DIR]`: the site's privacy check, run by
 * `npm run build` after `astro build`. Exit 1 when a contact's email, phone or unconsented name is
 * in a built file, naming each leak as `dist/page/index.html:12 email of contact ana-ruiz (a…@…)`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseCommandArgs, printProblems, runCommand } from '../../src/adapters/cli/index.ts';
import { readContent } from '../../src/adapters/fs/index.ts';
import { parseFile } from '../../src/core/content/index.ts';
import { CONTENT_PARSERS } from '../../src/core/parsers/index.ts';
import { countOf } from '../../src/core/problems/index.ts';
import { TestimonialSchema, type Testimonial } from '../../src/core/model/index.ts';
import { findLeaks, findPhotoLeaks, formatLeak, leakTargets, photoLeakTargets } from '../../src/core/publishing/index.ts';
import { buildDate } from '../../src/site/env.ts';

// Everything a browser, a feed reader or the editor at /admin/ (config.yml) can read; images and
// fonts hold no contact's text.
const TEXT = /\.(html?|xml|json|ya?ml|txt|js|mjs|css|svg|webmanifest|map)$/i;

runCommand(async () => {
  const { values } = parseCommandArgs(process.argv.slice(2), {
    content: { type: 'string', default: process.env.REFERABLE_CONTENT || 'content' },
    dist: { type: 'string', default: 'dist' },
  });
  const dist = values.dist.replace(/\/+$/, '');
  if (!(await stat(dist).catch(() => undefined))?.isDirectory()) {
    console.error(`${dist}/ is not a folder: there is no built site to check.\n  Run \`npx astro build\` first, or pass --dist DIR.`);
    return 1;
  }

  const { content, problems } = await readContent(values.content);
  // A contact that cannot be read cannot be looked for: the check fails rather than pass blind.
  const unreadable = problems.filter((p) => p.code === 'MissingFolder' || /(^|\/)(contacts\/|settings\.yaml$)/.test(p.file));
  if (unreadable.length) {
    printProblems(unreadable);
    console.error(`\nThe privacy check cannot vouch for ${dist}/ until ${values.content}/ reads cleanly: fix the problems above.`);
    return 1;
  }

  const today = buildDate(content.settings?.timeZone ?? 'UTC');
  const targets = leakTargets({ contacts: content.contacts, results: content.results, settings: content.settings }, today);
  const rels = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && TEXT.test(e.name))
    .map((e) => path.relative(dist, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  const files = await Promise.all(
    rels.map(async (rel) => ({ path: `${dist}/${rel}`, text: await readFile(path.join(dist, rel), 'utf8') })),
  );
  const leaks = findLeaks(files, targets).map(formatLeak);
  // The site never reads contacts, so it cannot know that a testimonial's author withdrew consent
  // to publish: `validateContent` does, and a page built for such a testimonial is a leak too.
  const unconsented: { id: string; data: Testimonial }[] = [];
  for (const p of problems.filter((p) => p.code === 'ConsentWithdrawn' || p.code === 'AuthorNotConsented')) {
    const id = /(?:^|\/)testimonials\/(.+)\.mdx?$/.exec(p.file)?.[1].toLowerCase();
    const page = `${dist}/testimonials/${id}/index.html`;
    if (id && (await stat(page).catch(() => undefined))) leaks.push(`${page} testimonial ${id} ${p.message}`);
    const parsed = parseFile({ path: p.file, text: await readFile(p.file, 'utf8') }, TestimonialSchema, 'mdx', CONTENT_PARSERS);
    if (id && parsed.data) unconsented.push({ id, data: parsed.data });
  }
  // Nor can it know whether the author of a photo agreed to be shown: its copies are found by name.
  const photos = photoLeakTargets({ contacts: content.contacts, testimonials: [...content.testimonials, ...unconsented] }, today);
  const names = (await readdir(dist, { recursive: true })).map((rel) => `${dist}/${rel.split(path.sep).join('/')}`);
  leaks.push(...findPhotoLeaks(names, photos));

  if (leaks.length) {
    for (const leak of leaks) console.error(leak);
    console.error(
      `\n${countOf(leaks.length, 'private detail')} reached the built site in ${dist}/: do not publish this build.` +
        "\n  Take the contact's email, phone, name or photo out of the testimonial, result or newsletter behind the page," +
        '\n  or record their consent to publish (consent.publish in their contact file). Set a testimonial whose author' +
        '\n  withdrew consent to `status: draft`.',
    );
    if (process.env.GITHUB_ACTIONS === 'true') {
      console.log(
        `::error title=PrivateDetailOnSite::${countOf(leaks.length, 'private detail')} reached the built site: see the build log`,
      );
    }
    return 1;
  }
  console.log(
    `Privacy check passed: ${countOf(files.length, 'file')} in ${dist}/ hold none of the emails, phone numbers or unconsented names of ${countOf(content.contacts.length, 'contact')}.`,
  );
  return 0;
});
