import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runScript, ROOT } from './helpers/run-script.ts';
import { copySample, sampleContent } from './helpers/sample.ts';
import { addToTree, removeTree, writeTree } from './helpers/temp-dir.ts';

const settings = await readFile(path.join(ROOT, 'test/fixtures/minimal/settings.yaml'), 'utf8');

describe('npm run check', () => {
  let bad: string;
  let good: string;
  beforeAll(async () => {
    good = await writeTree({
      'settings.yaml': settings,
      'contacts/ana-ruiz.yaml': 'name: Ana Ruiz\nsegment: sphere\nemails: [ana@example.com]\n',
    });
    bad = await writeTree({
      'settings.yaml': settings,
      'contacts/ana-ruiz.yaml': 'name: Ana Ruiz\nsegment: sphere\nemails: [ana@example.com]\n',
      'contacts/tom-byrne.yaml': 'name: Tom Byrne\nsegmnt: sphere\n',
      'contacts/broken.yaml': 'name: [Broken\n',
      'referrals/tom.yaml':
        'referrer: tom-byrne\nreferred: ana-ruiz\ndate: 2025-02-30\nstatus:\n  - {status: introduced, date: 2025-03-01}\n',
    });
  });
  afterAll(async () => {
    await removeTree(bad);
    await removeTree(good);
  });

  it('exits 0 and summarises clean content', async () => {
    const run = await runScript('check', ['--content', good]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('all content is valid');
    expect(run.stdout).toContain('1 contact (1 sphere; 0 top tier)');
    expect(run.code).toBe(0);
  });

  it('prints file:line:col field: message for every problem, exits 1, and shows no stack', async () => {
    const run = await runScript('check', ['--content', bad]);
    const lines = run.stderr.replaceAll(bad, 'DIR').split('\n');
    expect(lines.filter((l) => /^DIR\//.test(l))).toEqual([
      'DIR/contacts/broken.yaml:2:1 Flow sequence in block collection must be sufficiently indented and end with a ]',
      'DIR/contacts/tom-byrne.yaml:1:1 segment: is required',
      'DIR/contacts/tom-byrne.yaml:2:1 segmnt: "segmnt" is not a known field',
      'DIR/referrals/tom.yaml:3:7 date: "2025-02-30" is not a real date (write YYYY-MM-DD)',
    ]);
    expect(run.stderr).toContain('  Did you mean "segment"?');
    expect(run.stderr).toContain('4 problems in DIR/'.replace('DIR', bad));
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(1);
  });

  it('emits GitHub annotations under Actions', async () => {
    const run = await runScript('check', ['--content', bad], { GITHUB_ACTIONS: 'true' });
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toHaveLength(4);
    expect(annotations[2].replaceAll(bad, 'DIR')).toBe(
      '::error file=DIR/contacts/tom-byrne.yaml,line=2,col=1,title=UnknownKey::segmnt: "segmnt" is not a known field%0ADid you mean "segment"?',
    );
  });

  it('says so when the content folder does not exist', async () => {
    const run = await runScript('check', ['--content', path.join(bad, 'nope')]);
    expect(run.stderr.replaceAll(bad, 'DIR')).toContain('DIR/nope is not a folder');
    expect(run.code).toBe(1);
  });

  it('answers an unknown option with a usage line, not a stack', async () => {
    const run = await runScript('check', ['--contnet', 'x']);
    expect(run.stderr).toContain("Unknown option '--contnet'");
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(2);
  });

  it('warns of a recap coming up that no result can fill, and still exits 0 (issue 14)', async () => {
    const recap = await writeTree({
      'settings.yaml': settings,
      'contacts/ana-ruiz.yaml': `name: Ana Ruiz
segment: past-client
emails: [ana@example.com]
dates: { closing: 2026-11-25 }
consent:
  email: { basis: existing-client, source: sale, date: 2026-11-25 }
`,
      'plans/recap.yaml': `name: Recap
audience: { segments: [past-client] }
steps:
  - id: recap
    channel: email
    template: above-and-beyond
    subject: What we did together
    due: { rule: after, trigger: closing, days: 10 }
`,
    });
    try {
      const run = await runScript('check', ['--content', recap, '--date', '2026-12-01'], { GITHUB_ACTIONS: 'true' });
      expect(run.stderr).toBe('');
      expect(run.stdout.replaceAll(recap, 'DIR')).toContain(
        'warning DIR/contacts/ana-ruiz.yaml the recap email planned for 2026-12-05 will be held: no result in results/ names them as its client, so the above-and-beyond email would have nothing to show\n' +
          '  Add a result (its figures and what went beyond the brief) with client.contact set to their id before the recap is due: npm run check lists the recaps coming up with nothing to show. Once skipped, it is not sent again.\n',
      );
      expect(run.stdout.replaceAll(recap, 'DIR')).toContain(
        '::warning file=DIR/contacts/ana-ruiz.yaml,title=NoResultToRecap::the recap email planned for 2026-12-05 will be held',
      );
      expect(run.code).toBe(0);
      // A result naming her fills the recap: no warning. Nor is there one past the range looked at.
      await addToTree(recap, {
        'results/ana-sale.mdx':
          '---\ntitle: A flat sold\ndate: 2026-11-25\nsummary: Sold.\nclient: { contact: ana-ruiz, display: Ana R. }\n---\n',
      });
      const filled = await runScript('check', ['--content', recap, '--date', '2026-12-01']);
      expect([filled.stderr, filled.code]).toEqual(['', 0]);
      expect(filled.stdout).not.toContain('warning');
    } finally {
      await removeTree(recap);
    }
  });

  it('names the file, line and field of a testimonial photo that is not there, as the site build would (issue 19)', async () => {
    const testimonial = (photo: string) =>
      `---\nkind: consumer\nauthor: { name: Grace B. }\nquote: Sold in four days.\ndate: 2026-06-01\nsource: { name: Email }\n` +
      `consent: { scope: [website], date: 2026-06-02, evidence: Reply of 2 June }\nphoto: ${photo}\n---\n`;
    const dir = await writeTree({
      'settings.yaml': settings,
      'testimonials/grace.mdx': testimonial('photos/grace.jpg'),
      'testimonials/tom.mdx': testimonial('photos/tom.jpg'),
      // A JPEG's first bytes: a photo is read as a file, never parsed as a record.
      'testimonials/photos/grace.jpg': '\u00ff\u00d8\u00ff\u00e0 JFIF',
    });
    try {
      const run = await runScript('check', ['--content', dir], { GITHUB_ACTIONS: 'true' });
      const stderr = run.stderr.replaceAll(dir, 'DIR');
      expect(stderr.split('\n').filter((l) => /^DIR\//.test(l))).toEqual([
        'DIR/testimonials/tom.mdx:8:8 photo: names photos/tom.jpg, which is not a file beside this testimonial',
      ]);
      expect(run.stdout.replaceAll(dir, 'DIR')).toContain(
        '::error file=DIR/testimonials/tom.mdx,line=8,col=8,title=MissingTestimonialPhoto::',
      );
      expect(run.code).toBe(1);
      // Once the photo is there, the content is valid.
      await addToTree(dir, { 'testimonials/photos/tom.jpg': '\u00ff\u00d8\u00ff\u00e0 JFIF' });
      const fixed = await runScript('check', ['--content', dir]);
      expect([fixed.stderr, fixed.code]).toEqual(['', 0]);
    } finally {
      await removeTree(dir);
    }
  });

  it('names a photo whose file name has spaces, and the name to give it, not the form of a path (issue 19)', async () => {
    const jpeg = '\u00ff\u00d8\u00ff\u00e0 JFIF';
    const person = (photo: string) =>
      settings.replace('business:\n', `business:\n  people:\n    - name: Hannah Wells\n      role: Director\n      photo: ${photo}\n`);
    const testimonial = (photo: string) =>
      `---\nkind: consumer\nauthor: { name: Grace B. }\nquote: Sold in four days.\ndate: 2026-06-01\nsource: { name: Email }\n` +
      `consent: { scope: [website], date: 2026-06-02, evidence: Reply of 2 June }\nphoto: ${photo}\n---\n`;
    // As a phone or a computer names them, and as an owner writes them, without quotes.
    const dir = await writeTree({
      'settings.yaml': person('images/Hannah portrait (1).jpg'),
      'images/Hannah portrait (1).jpg': jpeg,
      'testimonials/grace.mdx': testimonial('photos/IMG 2034.JPG'),
      'testimonials/photos/IMG 2034.JPG': jpeg,
    });
    try {
      const run = await runScript('check', ['--content', dir], { GITHUB_ACTIONS: 'true' });
      const stderr = run.stderr.replaceAll(dir, 'DIR');
      expect(stderr.split('\n').filter((l) => /^(DIR\/| {2}\S)/.test(l))).toEqual([
        'DIR/settings.yaml:5:14 business.people[0].photo: the file name "Hannah portrait (1).jpg" has spaces, which a photo\'s path cannot hold (rename the file hannah-portrait-1.jpg)',
        '  Rename the photo with lower-case letters, digits and hyphens only, like hannah-portrait.jpg, and write its new name here in place of the old. The editor names the photos it uploads this way.',
        'DIR/testimonials/grace.mdx:8:8 photo: the file name "IMG 2034.JPG" has spaces, which a photo\'s path cannot hold (rename the file img-2034.jpg)',
        '  Rename the photo with lower-case letters, digits and hyphens only, like hannah-portrait.jpg, and write its new name here in place of the old. The editor names the photos it uploads this way.',
      ]);
      expect(run.stdout.replaceAll(dir, 'DIR')).toContain('::error file=DIR/settings.yaml,line=5,col=14,title=PhotoNameCharacters::');
      expect(run.code).toBe(1);
      // Renamed as the message says, and written so, the content is valid.
      await rename(path.join(dir, 'images/Hannah portrait (1).jpg'), path.join(dir, 'images/hannah-portrait-1.jpg'));
      await rename(path.join(dir, 'testimonials/photos/IMG 2034.JPG'), path.join(dir, 'testimonials/photos/img-2034.jpg'));
      await addToTree(dir, {
        'settings.yaml': person('images/hannah-portrait-1.jpg'),
        'testimonials/grace.mdx': testimonial('photos/img-2034.jpg'),
      });
      const fixed = await runScript('check', ['--content', dir]);
      expect([fixed.stderr, fixed.code]).toEqual(['', 0]);
    } finally {
      await removeTree(dir);
    }
  });

  it('finds the sample content valid', async () => {
    const run = await runScript('check', ['--content', sampleContent()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it("lists the sample's SAMPLE- stand-ins once the sender is the owner's own, and still exits 0", async () => {
    const dir = await writeTree({}, 'referable-own-sample-');
    try {
      await copySample(dir);
      const file = path.join(dir, 'settings.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('email: hannah@wellsmercer.example', 'email: hannah@wellsmercer.co.uk'));
      const run = await runScript('check', ['--content', dir], { GITHUB_ACTIONS: 'true' });
      // Warnings go to standard output: they stop nothing.
      const warnings = run.stdout
        .replaceAll(dir, 'DIR')
        .split('\n')
        .filter((l) => l.startsWith('warning DIR/settings.yaml'));
      expect(warnings.map((l) => l.replace(/:\d+:\d+ /, ' '))).toEqual([
        "warning DIR/settings.yaml business.sameAs[0]: https://www.linkedin.com/company/SAMPLE-wells-mercer is the sample's placeholder, not yours",
        "warning DIR/settings.yaml business.googleReviewUrl: https://g.page/r/SAMPLE-wells-mercer/review is the sample's placeholder, not yours",
        "warning DIR/settings.yaml business.memberships[0].number: SAMPLE-D0000 is the sample's placeholder, not yours",
        "warning DIR/settings.yaml business.memberships[1].number: SAMPLE-C0000 is the sample's placeholder, not yours",
        "warning DIR/settings.yaml business.memberships[2].number: SAMPLE-P0000 is the sample's placeholder, not yours",
        "warning DIR/settings.yaml business.privacy.registration: SAMPLE-ZA000000 is the sample's placeholder, not yours",
      ]);
      // Each at the line of its value, as an annotation on the pull request.
      const lines = (await readFile(file, 'utf8')).split('\n');
      const at = Number(/settings\.yaml:(\d+):/.exec(warnings[2])?.[1]);
      expect(lines[at - 1]).toContain('number: SAMPLE-D0000');
      expect(run.stdout).toContain('::warning file=DIR/settings.yaml'.replace('DIR', dir));
      expect(run.code).toBe(0);
    } finally {
      await removeTree(dir);
    }
  });
});

// Issue 15 point 9: what a disk can hold besides content files never crashes or hangs `check`.
describe('npm run check on a folder that is not only files', () => {
  let dir: string;
  let outside: string;
  beforeAll(async () => {
    outside = await writeTree({ 'secret.yaml': 'name: Outside\nsegment: sphere\nnotes: OUTSIDE-MARKER\n', 'more/x.yaml': 'name: X\n' });
    dir = await writeTree({
      'settings.yaml': settings,
      'contacts/ana-ruiz.yaml': 'name: Ana Ruiz\nsegment: sphere\nemails: [ana@example.com]\n',
      plans: 'name: not a folder\n',
      'results/latin.mdx': '',
    });
    await symlink('..', path.join(dir, 'contacts/loop')); // a loop back up the tree
    await symlink(path.join(outside, 'secret.yaml'), path.join(dir, 'contacts/secret.yaml')); // out of content/
    await symlink(outside, path.join(dir, 'contacts/elsewhere'));
    await mkdir(path.join(dir, 'contacts/tom.yaml'));
    await writeFile(path.join(dir, 'results/latin.mdx'), Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1'));
    await writeFile(path.join(dir, 'contacts/huge.yaml'), Buffer.alloc(50 * 1024 * 1024, 'x'));
    // Fewer characters than the limit, more bytes: the limit is in bytes.
    await writeFile(path.join(dir, 'contacts/wide.yaml'), `notes: ${'é'.repeat(600 * 1024)}\n`);
  });
  afterAll(async () => {
    await removeTree(dir);
    await removeTree(outside);
  });

  it('follows no link, reads no folder as a file, and names each with no stack', async () => {
    const run = await runScript('check', ['--content', dir]);
    expect(run.stdout).toBe('');
    expect(
      run.stderr
        .replaceAll(dir, 'DIR')
        .split('\n')
        .filter((l) => l.startsWith('DIR')),
    ).toEqual([
      'DIR/contacts/elsewhere is a symbolic link, which is not followed: it was not read',
      'DIR/contacts/huge.yaml:1:1 is 50.0 MB; content files may be at most 1 MB',
      'DIR/contacts/loop is a symbolic link, which is not followed: it was not read',
      'DIR/contacts/secret.yaml is a symbolic link, which is not followed: it was not read',
      'DIR/contacts/tom.yaml is a folder, where a file belongs',
      'DIR/contacts/wide.yaml:1:1 is 1.2 MB; content files may be at most 1 MB',
      'DIR/plans is a file, where the folder plans/ belongs',
      'DIR/results/latin.mdx:2:11 is not UTF-8 text: this line holds bytes that are not',
    ]);
    expect(run.stderr).not.toContain('OUTSIDE-MARKER');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(1);
  });

  it('says so when settings.yaml is a folder', async () => {
    const folder = await writeTree({ 'settings.yaml/x': '' });
    await rm(path.join(folder, 'settings.yaml/x'));
    const run = await runScript('check', ['--content', folder]);
    expect(run.stderr.replaceAll(folder, 'DIR')).toContain('DIR/settings.yaml is a folder, where a file belongs');
    expect(run.stderr).not.toContain('is missing');
    expect(run.code).toBe(1);
    await removeTree(folder);
  });
});
