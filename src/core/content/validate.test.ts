import { describe, expect, it } from 'vitest';
import { formatProblem } from '../problems/index.ts';
import type { NotAFile } from './cross-checks.ts';
import { validateContent } from './validate.ts';
import { CONTENT_PARSERS } from '../parsers/index.ts';

const SETTINGS = `business:
  name: Harbour & Hill
  email: hello@harbourhill.example
  address:
    street: 4 Quay Street
    locality: Bristol
    postalCode: BS1 4DJ
    country: United Kingdom
sender:
  name: Maya Okafor
  email: maya@harbourhill.example
timeZone: Europe/London
site:
  url: https://harbourhill.example
unsubscribe:
  mailto: unsubscribe@harbourhill.example
`;

const ANA = `name: Ana Ruiz
emails: [ana@example.com]
segment: past-client
consent:
  email:
    basis: existing-client
    source: Sale of 14 Elm Road
    date: 2024-05-12
`;

function check(extra: Record<string, string>, templates = ['note'], notFiles: NotAFile[] = [], siteImages: string[] = []) {
  const files = Object.entries({ 'settings.yaml': SETTINGS, 'contacts/ana-ruiz.yaml': ANA, ...extra }).map(([path, text]) => ({
    path,
    text,
  }));
  const { content, problems } = validateContent(files, { templates, notFiles, parsers: CONTENT_PARSERS, siteImages });
  return { content, problems, printed: problems.map(formatProblem).join('\n') };
}

/** One sound history line. */
const GOOD_HISTORY_LINE = JSON.stringify({
  event: 'sent',
  at: '2026-11-02T09:00:00Z',
  touch: 'ana-ruiz.p.s.2026-11-02',
  contact: 'ana-ruiz',
  plan: 'p',
  step: 's',
  due: '2026-11-02',
  channel: 'email',
});

describe('validateContent', () => {
  it('accepts valid content and keeps it typed', () => {
    const { content, problems } = check({});
    expect(problems).toEqual([]);
    expect(content.settings?.business.name).toBe('Harbour & Hill');
    expect(content.contacts).toEqual([
      {
        id: 'ana-ruiz',
        file: 'contacts/ana-ruiz.yaml',
        data: expect.objectContaining({ name: 'Ana Ruiz', emails: ['ana@example.com'], tier: 'standard', segment: 'past-client' }),
      },
    ]);
    expect(content.contacts[0].data.consent.email?.date).toBe('2024-05-12');
  });

  it('names file, line and field for malformed YAML', () => {
    const { printed, content } = check({ 'contacts/tom.yaml': 'name: Tom\nsegment: [sphere\n' });
    expect(printed).toMatchInlineSnapshot(`
      "contacts/tom.yaml:3:1 Flow sequence in block collection must be sufficiently indented and end with a ]
        Fix the YAML syntax at this spot: check indentation, colons and quotes."
    `);
    expect(content.contacts.map((c) => c.id)).toEqual(['ana-ruiz']);
  });

  it('names a value of the wrong type', () => {
    expect(check({ 'contacts/tom.yaml': 'name: Tom\nsegment: sphere\nphone: 0117496000\n' }).printed).toMatchInlineSnapshot(`
      "contacts/tom.yaml:3:8 phone: should be text, not the number 117496000
        Change the value to the kind the field expects. Quote values that should be text, like "07700 900123"."
    `);
  });

  it('names a missing required field', () => {
    expect(check({ 'contacts/tom.yaml': 'name: Tom\nemails: [tom@example.com]\n' }).printed).toMatchInlineSnapshot(`
      "contacts/tom.yaml:1:1 segment: is required
        Add this field."
    `);
  });

  it('reports an unknown key with a suggestion for a near miss', () => {
    const tom = 'name: Tom\nsegment: sphere\nemials: [tom@example.com]\ngifts:\n  likes: [jazz]\n  dislike: [lilies]\n';
    expect(check({ 'contacts/tom.yaml': tom }).printed).toMatchInlineSnapshot(`
      "contacts/tom.yaml:3:1 emials: "emials" is not a known field
        Did you mean "emails"?
      contacts/tom.yaml:6:3 gifts.dislike: "dislike" is not a known field
        Did you mean "dislikes"?"
    `);
  });

  it('rejects an impossible date and accepts 29 February without a year', () => {
    const tom = 'name: Tom\nsegment: sphere\ndates:\n  birthday: 02-29\n  closing: 2025-02-30\n';
    const { printed } = check({ 'contacts/tom.yaml': tom });
    expect(printed).toMatchInlineSnapshot(`
      "contacts/tom.yaml:5:12 dates.closing: "2025-02-30" is not a real date (write YYYY-MM-DD)
        Write the date as YYYY-MM-DD (a birthday may be MM-DD) and check that the day exists."
    `);
  });

  it('accepts a birthday of 29 February without a year', () => {
    const { problems, content } = check({ 'contacts/tom.yaml': 'name: Tom\nsegment: sphere\ndates:\n  birthday: 02-29\n' });
    expect(problems).toEqual([]);
    expect(content.contacts[1].data.dates.birthday).toBe('02-29');
  });

  it('reports two files with the same id', () => {
    const { printed, content } = check({
      'contacts/tom.yaml': 'name: Tom\nsegment: sphere\n',
      'contacts/tom.yml': 'name: Thomas\nsegment: sphere\n',
    });
    expect(printed).toMatchInlineSnapshot(`
      "contacts/tom.yml:1:1 has the same id "tom" as contacts/tom.yaml
        Two files give the same id. Rename or remove one of them."
    `);
    expect(content.contacts.map((c) => c.data.name)).toEqual(['Ana Ruiz', 'Tom']);
  });

  it('reports a dangling reference and leaves the referral out', () => {
    const referral = 'referrer: ana-ruiz\nreferred: ben-cole\ndate: 2026-10-01\nstatus:\n  - status: introduced\n    date: 2026-10-01\n';
    const { printed, content } = check({ 'referrals/ben.yaml': referral });
    expect(printed).toMatchInlineSnapshot(`
      "referrals/ben.yaml:2:11 referred: names "ben-cole", who is not a contact
        Use the file name (without .yaml) of a contact in contacts/, or add that contact."
    `);
    expect(content.referrals).toEqual([]);
  });

  it('reports an empty file', () => {
    expect(check({ 'contacts/tom.yaml': '# nothing yet\n\n' }).printed).toMatchInlineSnapshot(`
      "contacts/tom.yaml:1:1 is empty
        Fill the file in, or delete it."
    `);
  });

  it('reads a file with a byte-order mark and CRLF line endings', () => {
    const { problems, content } = check({
      'contacts/tom.yaml': '\uFEFFname: Tom\r\nsegment: sphere\r\nemails:\r\n  - tom@example.com\r\n',
    });
    expect(problems).toEqual([]);
    expect(content.contacts[1].data).toMatchObject({ name: 'Tom', emails: ['tom@example.com'] });
  });

  it('places CRLF problems on the right line', () => {
    expect(check({ 'contacts/tom.yaml': 'name: Tom\r\nsegment: sphere\r\ntier: gold\r\n' }).printed).toMatchInlineSnapshot(`
      "contacts/tom.yaml:3:7 tier: "gold" is not allowed; use "top", "standard"
        Use one of the values listed."
    `);
  });

  it('reports broken MDX front matter', () => {
    const unclosed = '---\nsubject: Winter\npreheader: Tips\nsendDate: 2026-12-01\n\n## Body\n';
    const broken = '---\nsubject: Winter: tips\n  preheader: x\n---\n\nBody\n';
    const wrong = '---\nsubject: Winter\npreheader: Tips\nsendDate: 2026-13-01\n---\n\nBody\n';
    const none = '# Just a body\n';
    const { printed } = check({
      'newsletters/a.mdx': unclosed,
      'newsletters/b.mdx': broken,
      'newsletters/c.mdx': wrong,
      'newsletters/d.mdx': none,
    });
    expect(printed).toMatchInlineSnapshot(`
      "newsletters/a.mdx:1:1 front matter is not closed by a line of three dashes (---)
        Start the file with front matter between two lines of three dashes (---).
      newsletters/b.mdx:2:10 Nested mappings are not allowed in compact mappings
        Fix the YAML syntax at this spot: check indentation, colons and quotes.
      newsletters/c.mdx:4:11 sendDate: "2026-13-01" is not a real date (write YYYY-MM-DD)
        Write the date as YYYY-MM-DD (a birthday may be MM-DD) and check that the day exists.
      newsletters/d.mdx:1:1 has no front matter
        Start the file with front matter between two lines of three dashes (---)."
    `);
  });

  it('reports a file that is not YAML in a content folder', () => {
    expect(check({ 'contacts/export.csv': 'name,email\n', 'contacts/.gitkeep': '' }).printed).toMatchInlineSnapshot(`
      "contacts/export.csv:1:1 is not a .yaml or .yml file
        Content folders hold .yaml files (.mdx for newsletters, results and testimonials; photos in images/). Move this file out."
    `);
  });

  it('reports an email address that is not one', () => {
    expect(
      check({ 'contacts/tom.yaml': 'name: Tom\nsegment: sphere\nemails:\n  - tom@example.com\n  - tom at example\n' }).printed,
    ).toMatchInlineSnapshot(`
      "contacts/tom.yaml:5:5 emails[1]: "tom at example" is not an email address
        Write the address in full, like name@example.com."
    `);
  });

  it('reports a file too large to be a record without parsing it', () => {
    const huge = `name: Tom\nsegment: sphere\nnotes: ${'x'.repeat(5 * 1024 * 1024)}\n`;
    expect(check({ 'contacts/tom.yaml': huge }).printed).toMatchInlineSnapshot(`
      "contacts/tom.yaml:1:1 is 5.0 MB; content files may be at most 1 MB
        Content files are small, one record each. Split it, or move large assets elsewhere."
    `);
  });

  it('reports missing settings', () => {
    const { problems } = validateContent([{ path: 'contacts/ana-ruiz.yaml', text: ANA }], { templates: [], parsers: CONTENT_PARSERS });
    expect(problems.map(formatProblem).join('\n')).toMatchInlineSnapshot(`
      "settings.yaml is missing
        Create settings.yaml in the content folder; the sample content has one to copy."
    `);
  });

  it('reports two contacts sharing an email address', () => {
    const { printed, content } = check({ 'contacts/tom.yaml': 'name: Tom\nsegment: sphere\nemails: [Ana@Example.com]\n' });
    expect(printed).toMatchInlineSnapshot(`
      "contacts/tom.yaml:3:10 emails[0]: ana@example.com already belongs to contact "ana-ruiz"
        One address belongs to one contact. Merge the two contacts, or remove the address from one."
    `);
    expect(content.contacts.map((c) => c.id)).toEqual(['ana-ruiz']);
  });

  it('reports a plan naming a template that does not exist, and drops only that plan', () => {
    const plan = (template: string) =>
      `name: Birthday\nsteps:\n  - id: email\n    channel: email\n    template: ${template}\n    subject: Happy birthday\n    due:\n      rule: anniversary\n      of: birthday\n`;
    const { printed, content } = check({ 'plans/birthday.yaml': plan('birthday-card'), 'plans/hello.yaml': plan('note') });
    expect(printed).toMatchInlineSnapshot(`
      "plans/birthday.yaml:5:15 steps[0].template: names the layout "birthday-card", which is not in emails/
        Use the name of a layout in emails/ (without .mjml), or add that layout."
    `);
    expect(content.plans.map((p) => p.id)).toEqual(['hello']);
  });

  it('reports plan steps that break their rules', () => {
    const plan = `name: Calls
steps:
  - id: call
    channel: call
    due:
      rule: sometimes
  - id: call
    channel: call
    task: Call them
    due:
      rule: every
      interval: 3
      unit: fortnights
`;
    expect(check({ 'plans/calls.yaml': plan }).printed).toMatchInlineSnapshot(`
      "plans/calls.yaml:6:13 steps[0].due.rule: should name a rule: every, keep-in-touch, monthly, quarterly, yearly, anniversary, after, sequence or newsletter
        Use one of the values listed.
      plans/calls.yaml:13:13 steps[1].due.unit: "fortnights" is not allowed; use "days", "weeks", "months"
        Use one of the values listed."
    `);
  });

  it('reports a published testimonial whose author has not consented', () => {
    const testimonial = `---
kind: consumer
author:
  name: Ana Ruiz
  contact: ana-ruiz
quote: Brilliant from start to finish.
date: 2026-06-01
source:
  name: Email
consent:
  scope: [website]
  date: 2026-06-02
  evidence: Reply of 2 June
---
`;
    const { printed, content } = check({ 'testimonials/ana.mdx': testimonial });
    expect(printed).toMatchInlineSnapshot(`
      "testimonials/ana.mdx:5:12 author.contact: is published, but "ana-ruiz" has no consent.publish in their contact file
        Record the author's consent to publish (consent.publish in their contact file) or set the testimonial to draft."
    `);
    expect(content.testimonials).toEqual([]);
  });

  it('reports a photo that is not a file beside its testimonial, and keeps the testimonial (issue 19)', () => {
    const withPhoto = (photo: string) => `---
kind: consumer
author:
  name: Grace B.
quote: Sold in four days.
date: 2026-06-01
source:
  name: Email
consent:
  scope: [website]
  date: 2026-06-02
  evidence: Reply of 2 June
photo: ${photo}
---
`;
    const { printed, content } = check(
      {
        'testimonials/grace.mdx': withPhoto('photos/grace.jpg'),
        'testimonials/tom.mdx': withPhoto('photos/tom.webp'),
        'testimonials/ana.mdx': withPhoto('photos/ana.png'),
        'testimonials/big.mdx': withPhoto('photos/big.jpg'),
        'testimonials/sellers/ray.mdx': withPhoto('ray.avif'),
        'testimonials/sellers/ray.avif': 'an image',
        'testimonials/photos/grace.jpg': 'an image',
      },
      ['note'],
      [
        { path: 'testimonials/photos', kind: 'folder' },
        { path: 'testimonials/photos/ana.png', kind: 'link' },
        { path: 'testimonials/photos/big.jpg', kind: 'too-large', bytes: 3 * 1024 * 1024 },
      ],
    );
    expect(printed).toMatchInlineSnapshot(`
      "testimonials/ana.mdx:13:8 photo: names photos/ana.png, which is not a file beside this testimonial
        Put the photo at that path beside the testimonial (a symbolic link is not followed), or remove the line: the site shows initials until then.
      testimonials/photos/ana.png is a symbolic link, which is not followed: it was not read
        Links are never followed, so one cannot reach outside the content folder or loop: put the file or folder itself here, or remove the link.
      testimonials/tom.mdx:13:8 photo: names photos/tom.webp, which is not a file beside this testimonial
        Put the photo at that path beside the testimonial (a symbolic link is not followed), or remove the line: the site shows initials until then."
    `);
    expect(content.testimonials.map((t) => t.id).sort()).toEqual(['ana', 'big', 'grace', 'ray', 'tom']);
  });

  it("takes a photo from the site's images, as the editor's Global Assets write it, and names one that is not there (issue 19)", () => {
    const withPhoto = (photo: string, contact = 'grace-bell') =>
      `---\nkind: consumer\nauthor:\n  name: Grace B.\n  contact: ${contact}\nquote: Sold in four days.\ndate: 2026-06-01\nsource:\n  name: Email\nconsent:\n  scope: [website]\n  date: 2026-06-02\n  evidence: Reply of 2 June\nphoto: ${photo}\n---\n`;
    const { printed, content } = check(
      {
        'contacts/grace-bell.yaml': `name: Grace Bell\nsegment: past-client\nconsent:\n  publish:\n    basis: consent\n    source: Replied to our testimonial request\n    date: 2026-06-02\n    evidence: Reply of 2 June\n`,
        'testimonials/grace.mdx': withPhoto('/images/grace-b.jpg'),
        'testimonials/sellers/ray.mdx': withPhoto('/images/team/ray.webp'),
        'testimonials/tom.mdx': withPhoto('/images/tom.png'),
        'testimonials/bad.mdx': withPhoto('/photos/bad.png'),
        'testimonials/up.mdx': withPhoto('/images/../up.png'),
      },
      ['note'],
      [],
      ['grace-b.jpg', 'team/ray.webp'],
    );
    expect(printed).toMatchInlineSnapshot(`
      "testimonials/bad.mdx:14:8 photo: should be a JPEG, PNG, WebP or AVIF file beside the testimonial, like photos/ana-r.jpg, or in the site's images, like /images/ana-r.jpg
        Change the value to the form shown.
      testimonials/tom.mdx:14:8 photo: names /images/tom.png, which is not an image in public/images/
        Put the photo in the site's images, public/images/ in the repository (the editor's Global Assets), or pick it again in the editor from the folder that holds it.
      testimonials/up.mdx:14:8 photo: should be a JPEG, PNG, WebP or AVIF file beside the testimonial, like photos/ana-r.jpg, or in the site's images, like /images/ana-r.jpg
        Change the value to the form shown."
    `);
    expect(content.testimonials.map((t) => t.id).sort()).toEqual(['grace', 'ray', 'tom']);
  });

  it("refuses one of the site's images as the photo of an author who has not agreed to be published: the site copies it as it is", () => {
    const draft = (contact: string) =>
      `---\nkind: consumer\nstatus: draft\nauthor:\n  name: Ana R.\n  contact: ${contact}\nquote: Sold in four days.\ndate: 2026-06-01\nsource:\n  name: Email\nphoto: /images/ana-garden.jpg\n---\n`;
    const { printed, content } = check({ 'testimonials/ana.mdx': draft('ana-ruiz') }, ['note'], [], ['ana-garden.jpg']);
    expect(printed).toMatchInlineSnapshot(`
      "testimonials/ana.mdx:11:8 photo: names /images/ana-garden.jpg: every file in public/images/ is put on the site as it is, and "ana-ruiz" has no consent.publish in force
        Take the photo out of public/images/ and put it beside the testimonial (photos/), where the site shows it only while the author's consent.publish holds; or record that consent in their contact file."
    `);
    expect(content.testimonials.map((t) => t.id)).toEqual(['ana']);
  });

  it('requires an expert testimonial to give the qualification', () => {
    const testimonial = `---
kind: expert
author:
  name: Dr Lee
quote: Careful work.
date: 2026-06-01
source:
  name: Email
consent:
  scope: [website]
  date: 2026-06-02
  evidence: Signed form
---
`;
    expect(check({ 'testimonials/lee.mdx': testimonial }).printed).toMatchInlineSnapshot(`
      "testimonials/lee.mdx:2:1 qualification: is required
        Add this field."
    `);
  });

  it('reports a bad history line and keeps the good ones', () => {
    const { printed, content } = check({ 'history/2026-11.jsonl': `${GOOD_HISTORY_LINE}\n{"event": "sent"\n${GOOD_HISTORY_LINE}\n` });
    expect(printed).toMatchInlineSnapshot(`
      "history/2026-11.jsonl:2:1 line is not JSON (Expected ',' or '}' after property value in JSON at position 16 (line 1 column 17))
        Each history line must be one JSON object. History is written by the jobs: restore the line from Git."
    `);
    expect(content.history).toHaveLength(2);
  });
});

// Issue 20: a small folder is checked without zod's compiled parsers, a large one with them.
describe('validateContent with and without compiled parsers', () => {
  it('finds the same problems and keeps the same content in a folder of 2,000 files as in a small one', () => {
    const broken = {
      'contacts/tom.yaml': 'name: Tom\nsegment: sphere\nphone: 0117496000\nemials: [tom@example.com]\ndates:\n  closing: 2025-02-30\n',
      'contacts/sam.yaml': 'name: Sam\nemails: [not-an-address]\n',
      'contacts/lee.yaml': 'name: Lee\nsegment: sphere\ngifts:\n  dislike: [lilies]\n',
      'plans/calls.yaml':
        'name: Calls\nsteps:\n  - id: call\n    channel: call\n    task: Call them\n    due:\n      rule: every\n      interval: 3\n      unit: fortnights\n',
      'history/2026-11.jsonl': `${GOOD_HISTORY_LINE}\n{"event": "sent", "at": "yesterday"}\n`,
    };
    const many: Record<string, string> = { ...broken };
    for (let i = 0; i < 2_000; i++) many[`contacts/c${i}.yaml`] = `name: C ${i}\nemails: [c${i}@example.com]\nsegment: sphere\n`;
    const small = check(broken);
    const large = check(many);
    expect(small.problems.length).toBeGreaterThan(5);
    expect(large.problems).toEqual(small.problems);
    expect(large.content.contacts.filter((c) => !/^c\d+$/.test(c.id))).toEqual(small.content.contacts);
    expect(large.content.history).toEqual(small.content.history);
  });
});

// Issue 15 point 9: bad input gets a clear message with file and line, never a crash.
describe('validateContent on input that is not a record', () => {
  it('refuses YAML tags, which would otherwise be read as plain text', () => {
    const { printed, content } = check({
      'contacts/tom.yaml': 'name: Tom\nsegment: sphere\nnotes: !!js/function "function () {}"\n',
      'contacts/tim.yaml': 'name: Tim\nsegment: !foo sphere\n',
    });
    expect(printed).toMatchInlineSnapshot(`
      "contacts/tim.yaml:2:10 the tag !foo is not allowed: content is plain YAML
        Remove the tag (the word that starts with !) and write the value as plain text, in quotes if it starts with !.
      contacts/tom.yaml:3:8 the tag !!js/function is not allowed: content is plain YAML
        Remove the tag (the word that starts with !) and write the value as plain text, in quotes if it starts with !."
    `);
    expect(content.contacts.map((c) => c.id)).toEqual(['ana-ruiz']);
  });

  it('names the line and column of a NUL, another control character, or bytes that were not UTF-8', () => {
    const { printed } = check({
      'contacts/nul.yaml': 'name: To\0m\nsegment: sphere\n',
      'contacts/bell.yaml': 'name: Bell\nsegment: sphere\nnotes: ring \u0007\n',
      'contacts/latin.yaml': 'name: Tom\nsegment: sphere\nnotes: Jos\uFFFD\n',
      'newsletters/n.mdx': '---\nsubject: Hi\npreheader: Hi\nsendDate: 2026-12-01\n---\n\nCaf\uFFFD\n',
    });
    expect(printed).toMatchInlineSnapshot(`
      "contacts/bell.yaml:3:13 holds the control character U+0007, which text never does
        Delete the invisible character at this spot (it often comes from a copy and paste), or retype the line.
      contacts/latin.yaml:3:11 is not UTF-8 text: this line holds bytes that are not
        Save the file as UTF-8 (in most editors: Save with encoding, UTF-8), then check the characters on this line.
      contacts/nul.yaml:1:9 holds a NUL character, which text never does
        Delete the invisible character at this spot (it often comes from a copy and paste), or retype the line.
      newsletters/n.mdx:7:4 is not UTF-8 text: this line holds bytes that are not
        Save the file as UTF-8 (in most editors: Save with encoding, UTF-8), then check the characters on this line."
    `);
  });

  it('reports a 0-byte file, a byte-order mark alone, a list, a single value and thousands of nested lists', () => {
    const { printed } = check({
      'contacts/deep.yaml': `name: Deep\nsegment: sphere\nnotes: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
      'contacts/zero.yaml': '',
      'contacts/bom.yaml': '\uFEFF',
      'contacts/list.yaml': '- name: Tom\n- name: Tim\n',
      'contacts/word.yaml': 'Tom\n',
    });
    expect(printed).toMatchInlineSnapshot(`
      "contacts/bom.yaml:1:1 is empty
        Fill the file in, or delete it.
      contacts/deep.yaml:1:1 is nested too deeply to read: a record needs a few levels of [ and {, not thousands
        Fix the YAML syntax at this spot: check indentation, colons and quotes.
      contacts/list.yaml:1:1 should be a set of fields (key: value), not a single value or a list
        Change the value to the kind the field expects. Quote values that should be text, like "07700 900123".
      contacts/word.yaml:1:1 should be a set of fields (key: value), not a single value or a list
        Change the value to the kind the field expects. Quote values that should be text, like "07700 900123".
      contacts/zero.yaml:1:1 is empty
        Fill the file in, or delete it."
    `);
  });

  it('reports links, folders by a file’s name, files where a folder belongs, and files it could not read', () => {
    const { printed, content } = check(
      { history: '{}\n', contacts: 'name: Tom\n' },
      ['note'],
      [
        { path: 'contacts', kind: 'folder' },
        { path: 'contacts/tom.yaml', kind: 'link' },
        { path: 'contacts/sellers', kind: 'folder' },
        { path: 'contacts/tim.yaml', kind: 'folder' },
        { path: 'plans/fifo', kind: 'special' },
        { path: 'results/big.mdx', kind: 'too-large', bytes: 50 * 1024 * 1024 },
        { path: 'results/locked.mdx', kind: 'unreadable', detail: 'EACCES' },
        { path: '.git', kind: 'folder' },
      ],
    );
    expect(printed).toMatchInlineSnapshot(`
      "contacts is a file, where the folder contacts/ belongs
        Make this a folder holding one file per record, and move the file into it (or out of the content folder).
      contacts/tim.yaml is a folder, where a file belongs
        Put a file here, or remove the folder: this name is read as a file.
      contacts/tom.yaml is a symbolic link, which is not followed: it was not read
        Links are never followed, so one cannot reach outside the content folder or loop: put the file or folder itself here, or remove the link.
      history is a file, where the folder history/ belongs
        Make this a folder holding one file per record, and move the file into it (or out of the content folder).
      plans/fifo is not an ordinary file (a device, socket or pipe)
        Content folders hold .yaml files (.mdx for newsletters, results and testimonials; photos in images/). Move this file out.
      results/big.mdx:1:1 is 50.0 MB; content files may be at most 1 MB
        Content files are small, one record each. Split it, or move large assets elsewhere.
      results/locked.mdx could not be read (EACCES)
        Check that the file is an ordinary file you may read (its permissions, or a disk error), or remove it."
    `);
    expect(content.contacts.map((c) => c.id)).toEqual(['ana-ruiz']);
  });

  it('reports a folder called settings.yaml as a folder, not as missing settings', () => {
    const files = [{ path: 'contacts/ana-ruiz.yaml', text: ANA }];
    const { problems } = validateContent(files, {
      templates: [],
      notFiles: [{ path: 'settings.yaml', kind: 'folder' }],
      parsers: CONTENT_PARSERS,
    });
    expect(problems.map(formatProblem)).toEqual([
      'settings.yaml is a folder, where a file belongs\n  Put a file here, or remove the folder: this name is read as a file.',
    ]);
  });
});

// Issue 15 point 8: MDX newsletters, results and testimonials are content, not code.
describe('validateContent on MDX that holds code', () => {
  const front = '---\nsubject: Winter\npreheader: Tips\nsendDate: 2026-12-01\n---\n';
  it('names each import, export, expression and attribute expression with its line and column', () => {
    const body = [
      "import Chart from './chart.js'",
      'export const rate = 4.5',
      '',
      '# Rates at {rate}%',
      '',
      '<abbr title="Bank of England">BoE</abbr> rates <span title={fetch("https://x.example")}>fell</span>.',
      '',
      '<Chart {...props} />',
      '',
      '{/* a note to myself */}',
      '',
      'Plain text with \\{braces\\} and a < b.',
    ].join('\n');
    const { printed, content } = check({
      'newsletters/rates.mdx': `${front}\n${body}\n`,
      'newsletters/plain.mdx': `${front}\nNo code at all.\n`,
    });
    expect(printed).toMatchInlineSnapshot(`
      "newsletters/rates.mdx:7:1 has an import or export, which is code: "import Chart from './chart.js'"
        Content is text, not code: remove it, or write a { or < meant as text as \\{ or \\<. A note to yourself can be a comment, {/* like this */}.
      newsletters/rates.mdx:10:12 has a JavaScript expression {rate}
        Content is text, not code: remove it, or write a { or < meant as text as \\{ or \\<. A note to yourself can be a comment, {/* like this */}.
      newsletters/rates.mdx:12:54 the attribute title={fetch("https://x.example")} of <span> is a JavaScript expression
        Content is text, not code: remove it, or write a { or < meant as text as \\{ or \\<. A note to yourself can be a comment, {/* like this */}.
      newsletters/rates.mdx:14:1 uses the component <Chart>; content has no components, only HTML-like tags such as <abbr>
        Content is text, not code: remove it, or write a { or < meant as text as \\{ or \\<. A note to yourself can be a comment, {/* like this */}.
      newsletters/rates.mdx:14:8 <Chart> spreads a JavaScript expression into its attributes: {...props}
        Content is text, not code: remove it, or write a { or < meant as text as \\{ or \\<. A note to yourself can be a comment, {/* like this */}."
    `);
    expect(content.newsletters.map((n) => n.id)).toEqual(['plain']);
  });

  it('reports MDX it cannot parse where the parser stopped, and leaves .md files as Markdown', () => {
    const { printed } = check({
      'newsletters/broken.mdx': `${front}\nSaved {half\n`,
      'newsletters/text.md': `${front}\nMarkdown keeps {braces} and <b>tags</b> as they are.\n`,
    });
    expect(printed).toMatchInlineSnapshot(`
      "newsletters/broken.mdx:7:7 Unexpected end of file in expression, expected a corresponding closing brace for \`{\`
        Fix the MDX at this spot: a { or < meant as text is written \\{ or \\<, and every tag is closed."
    `);
  });
});

describe('photos named in settings', () => {
  it('takes the images listed in images/, and names a photo that is not there by line and field', () => {
    const settings = `${SETTINGS.replace('business:\n', 'business:\n  office:\n    photo: images/office.jpg\n    description: Our office\n  people:\n    - name: Maya Okafor\n      role: Director\n      photo: images/maya.jpg\n')}`;
    const files = [
      { path: 'settings.yaml', text: settings },
      { path: 'contacts/ana-ruiz.yaml', text: ANA },
    ];
    const images: NotAFile[] = [
      { path: 'images', kind: 'folder' },
      { path: 'images/office.jpg', kind: 'image' },
    ];
    const { problems } = validateContent(files, { templates: [], notFiles: images, parsers: CONTENT_PARSERS });
    expect(problems.map(formatProblem).join('\n')).toMatchInlineSnapshot(`
      "settings.yaml:8:14 business.people[0].photo: names images/maya.jpg, which is not an image in images/
        Put the photo in the images/ folder beside settings.yaml, or correct the path (it is written from settings.yaml, like images/hannah.jpg)."
    `);
  });
});
