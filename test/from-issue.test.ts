/**
 * `npm run from-issue` as the workflow runs it: in a clone of a real (local, bare) repository
 * holding the sample content, with the issue's event saved to a file, and GitHub's API and
 * attachments served by the local stand-in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { startGitHubApi, type GitHubApi } from './helpers/github-api.ts';
import { ROOT, runScript } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';
import { removeTree } from './helpers/temp-dir.ts';

// As on Actions, the job's checkout has no git identity of its own.
const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv }, encoding: 'utf8' }).trim();

/** An issue body as GitHub writes it for a form. */
const body = (answers: Record<string, string>) =>
  Object.entries(answers)
    .map(([label, value]) => `### ${label}\n\n${value || '_No response_'}`)
    .join('\n\n');

const newContact = {
  Name: 'Joan Doe',
  Email: 'joan@example.com',
  Phone: '',
  Segment: 'sphere',
  Tier: '',
  Area: 'Southover',
  Tags: 'choir',
  Birthday: '',
  'Client since': '',
  'Referred by': 'Ana Ruiz',
  'Consent to email': '- [X] They agreed to receive email from us',
  'How they agreed': 'Asked for the newsletter after choir practice',
  Notes: '',
};

describe('npm run from-issue', () => {
  let dir: string;
  let origin: string;
  let job: string;
  let api: GitHubApi;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referable-forms-'));
    origin = path.join(dir, 'origin.git');
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
    const seed = path.join(dir, 'seed');
    git(dir, 'clone', '--quiet', origin, seed);
    await copySample(path.join(seed, 'content'));
    writeFileSync(path.join(seed, '.gitattributes'), readFileSync(path.join(ROOT, '.gitattributes')));
    writeFileSync(path.join(seed, '.gitignore'), readFileSync(path.join(ROOT, '.gitignore')));
    git(seed, 'add', '.');
    git(seed, '-c', 'user.name=Owner', '-c', 'user.email=owner@example.com', 'commit', '--quiet', '-m', 'seed');
    git(seed, 'push', '--quiet', 'origin', 'main');
    job = path.join(dir, 'job');
    git(dir, 'clone', '--quiet', origin, job);
    api = await startGitHubApi();
  });
  afterEach(async () => {
    await api.close();
    await removeTree(dir);
  });

  /** Opens an issue from a form as `association`, and runs the command on its event, as the workflow does. */
  async function fromIssue(title: string, text: string, association = 'OWNER') {
    const issue = api.openIssue(title, text);
    const event = {
      action: 'opened',
      issue: { ...issue, created_at: '2026-12-01T10:00:00Z', author_association: association, user: { login: 'hannah' } },
      repository: { full_name: 'agency/referable', default_branch: 'main' },
    };
    const file = path.join(dir, `event-${issue.number}.json`);
    writeFileSync(file, JSON.stringify(event));
    const env = {
      ...process.env,
      ...gitEnv,
      NO_COLOR: '1',
      GITHUB_ACTIONS: '',
      GITHUB_TOKEN: 'test-token',
      GITHUB_REPOSITORY: 'agency/referable',
      GITHUB_API_URL: api.url,
      GITHUB_SERVER_URL: api.url,
    };
    const run = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'scripts/from-issue.js'), file], { cwd: job, env }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
      );
    });
    return { ...run, issue, comments: () => api.comments.filter((c) => c.issue === issue.number).map((c) => c.body) };
  }

  it('logs a touch in the history, pushes it, and closes the issue with a link', async () => {
    const run = await fromIssue(
      'Log a touch',
      body({ Contact: 'Ana Ruiz', How: 'call', Day: '30/11/2026', Note: 'Talked about the school run' }),
    );
    expect(run.out).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(0);
    const commit = git(origin, 'rev-parse', '--short', 'main');
    expect(run.comments()).toEqual([`Logged a call with Ana Ruiz on 30 November 2026 in the history (${commit}). It counts as a touch.`]);
    expect(run.issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(git(origin, 'log', '-1', '--format=%s|%an', 'main')).toBe('chore(history): log a call with ana-ruiz (#1)|github-actions[bot]');
    const logged = git(origin, 'show', 'main:content/history/2026-11.jsonl').split('\n').at(-1)!;
    expect(JSON.parse(logged)).toMatchObject({
      event: 'done',
      contact: 'ana-ruiz',
      channel: 'call',
      due: '2026-11-30',
      note: 'Talked about the school run',
    });
    expect(api.pulls).toEqual([]);
  });

  it('opens a checked pull request for a new contact, and closes the issue with its link', async () => {
    const run = await fromIssue('New contact', body(newContact));
    expect(run.code).toBe(0);
    expect(api.pulls).toEqual([
      expect.objectContaining({
        number: 2,
        head: 'from-issue-1',
        base: 'main',
        title: 'New contact: Joan Doe',
        body: 'Closes #1, opened by @hannah: a new contact, Joan Doe.\n\n`npm run check` found no problems with it.',
      }),
    ]);
    expect(run.comments()).toEqual([
      'Ready in #2: a new contact, Joan Doe. `npm run check` found no problems with it; merge it to keep it.',
    ]);
    expect(run.issue.state).toBe('closed');
    expect(git(origin, 'show', '--name-only', '--format=%s', 'from-issue-1').split('\n')).toEqual([
      'New contact: Joan Doe',
      '',
      'content/contacts/joan-doe.yaml',
    ]);
    expect(parse(git(origin, 'show', 'from-issue-1:content/contacts/joan-doe.yaml'))).toEqual({
      name: 'Joan Doe',
      emails: ['joan@example.com'],
      segment: 'sphere',
      area: 'Southover',
      tags: ['choir'],
      consent: {
        email: {
          basis: 'consent',
          source: 'Asked for the newsletter after choir practice',
          date: '2026-12-01',
          evidence: 'GitHub issue #1',
        },
      },
      referredBy: 'ana-ruiz',
    });
    expect(git(origin, 'rev-list', '--count', 'main')).toBe('1');
    // The branch as checked out for the pull request passes the check.
    const check = await runScript('check', ['--content', path.join(job, 'content')]);
    expect(check.code, check.stderr).toBe(0);
  });

  it('records a referral of someone new: their contact file and the referral, in one pull request', async () => {
    const run = await fromIssue(
      'New referral',
      body({
        'Who made the introduction': 'ana-ruiz',
        'Who was introduced': 'Lena Park',
        'Their email': 'lena@example.com',
        'Their phone': '',
        Day: '',
        'What they need': 'A two-bed flat near the station',
        Note: '',
      }),
    );
    expect(run.code, run.out).toBe(0);
    expect(git(origin, 'show', '--name-only', '--format=', 'from-issue-1').split('\n')).toEqual([
      'content/contacts/lena-park.yaml',
      'content/referrals/ana-ruiz-lena-park.yaml',
    ]);
    expect(parse(git(origin, 'show', 'from-issue-1:content/referrals/ana-ruiz-lena-park.yaml'))).toEqual({
      referrer: 'ana-ruiz',
      referred: 'lena-park',
      date: '2026-12-01',
      need: 'A two-bed flat near the station',
      status: [{ status: 'introduced', date: '2026-12-01' }],
    });
  });

  it('adds to a referral in place, keeping the rest of its file as it was', async () => {
    const before = readFileSync(path.join(job, 'content/referrals/ana-ruiz-sam-adeyemi.yaml'), 'utf8');
    const run = await fromIssue(
      'Referral update',
      body({
        'Who was introduced': 'Sam Adeyemi',
        Status: 'client',
        Day: '2026-12-01',
        Note: 'Offer accepted on a flat in Cliffe',
        'Told the referrer': '- [X] I told the person who made the introduction how it is going (the note says what)',
      }),
    );
    expect(run.code, run.out).toBe(0);
    const after = git(origin, 'show', 'from-issue-1:content/referrals/ana-ruiz-sam-adeyemi.yaml');
    expect(after.startsWith(before.split('thanks:')[0].replace(/\n$/, ''))).toBe(true);
    expect(parse(after)).toMatchObject({
      status: [
        { status: 'introduced' },
        { status: 'met' },
        { status: 'client', date: '2026-12-01', note: 'Offer accepted on a flat in Cliffe' },
      ],
      updates: [{ date: '2026-12-01', note: 'Offer accepted on a flat in Cliffe' }],
    });
  });

  it('keeps a testimonial without consent as a draft', async () => {
    const run = await fromIssue(
      'New testimonial',
      body({
        'Their name as shown': 'Joan D.',
        'Their contact': '',
        'About them': 'Seller, Southover',
        'Kind of endorsement': 'consumer',
        Qualification: '',
        Organization: '',
        'How the organization reached its view': '',
        Quote: 'Sold in four days, and they kept us sane.',
        'Their words in full': 'Hannah rang every evening.',
        'Day they gave it': '',
        'Where they gave it': 'A card',
        Link: '',
        'They agreed to have it published on': '- [ ] website\n- [ ] email\n- [ ] social',
        'Their consent, in their words': '',
        'Material connection': '',
        'Typical results': '',
      }),
    );
    expect(run.code, run.out).toBe(0);
    expect(api.pulls[0].title).toBe('New testimonial: Joan D. (a draft: no consent to publish yet)');
    expect(git(origin, 'show', 'from-issue-1:content/testimonials/joan-d-2026-12-01.mdx')).toMatchInlineSnapshot(`
      "---
      kind: consumer
      author:
        name: Joan D.
        description: Seller, Southover
      quote: Sold in four days, and they kept us sane.
      date: 2026-12-01
      source:
        name: A card
      status: draft
      ---

      Hannah rang every evening."
    `);
  });

  it('imports an attached CSV, downloaded with the token', async () => {
    const url = api.attach('choir.csv', 'Name,Email,Phone\nJoan Doe,joan@example.com,07700 900555\nAna Ruiz,ana.ruiz@example.org,\n');
    const run = await fromIssue(
      'Import contacts',
      body({
        'The file': `Here it is: [choir.csv](${url})`,
        'Segment of new contacts': 'sphere',
        'Where the file came from': '',
        Update: '',
      }),
    );
    expect(run.code, run.out).toBe(0);
    expect(api.requests).toContain(`GET ${new URL(url).pathname}`);
    expect(api.pulls[0].title).toBe('Import contacts from choir.csv: 1 new contact, 0 updated');
    expect(parse(git(origin, 'show', 'from-issue-1:content/contacts/joan-doe.yaml'))).toEqual({
      name: 'Joan Doe',
      emails: ['joan@example.com'],
      phone: '07700 900555',
      segment: 'sphere',
    });
  });

  it('imports the rest of a CSV with a bad value, and says in the pull request and on the issue what was left out', async () => {
    const url = api.attach('choir.csv', 'Name,Email,Birthday\nJoan Doe,joan@example.com,31/02/1980\nBo Li,bo@example.com,\n');
    const run = await fromIssue(
      'Import contacts',
      body({ 'The file': `[choir.csv](${url})`, 'Segment of new contacts': 'sphere', 'Where the file came from': '', Update: '' }),
    );
    expect(run.code, run.out).toBe(0);
    const leftOut = [
      'Left out, so that the rest could be imported:',
      '',
      '- choir.csv:2:1 Birthday: row 2, column C: "31/02/1980" is not a date; imported without it',
    ].join('\n');
    expect(api.pulls[0].title).toBe('Import contacts from choir.csv: 2 new contacts, 0 updated');
    expect(api.pulls[0].body).toContain(leftOut);
    expect(run.comments()[0]).toMatch(/^Ready in #\d+: the contacts in choir\.csv/);
    expect(run.comments()[0]).toContain(leftOut);
    expect(parse(git(origin, 'show', 'from-issue-1:content/contacts/joan-doe.yaml'))).toEqual({
      name: 'Joan Doe',
      emails: ['joan@example.com'],
      segment: 'sphere',
    });
  });

  // Issue 16: Thunderbird's and Windows Address Book's LDIF export, attached as it was saved.
  it('imports an attached LDIF export, and says which entries and values were left out', async () => {
    const url = api.attach('thunderbird.ldif', readFileSync(path.join(ROOT, 'test/fixtures/import/thunderbird.ldif')));
    const run = await fromIssue(
      'Import contacts',
      body({
        'The file': `[thunderbird.ldif](${url})`,
        'Segment of new contacts': 'past-client',
        'Where the file came from': 'Thunderbird',
        Update: '',
      }),
    );
    expect(run.out).not.toMatch(/^\s+at /m);
    expect(run.code, run.out).toBe(0);
    expect(api.requests).toContain(`GET ${new URL(url).pathname}`);
    expect(api.pulls[0].title).toBe('Import contacts from thunderbird.ldif: 3 new contacts, 0 updated');
    const leftOut = [
      'Left out, so that the rest could be imported:',
      '',
      // Ana Ruiz's mobile is the sample's Omar Haddad's phone: both are kept.
      '- thunderbird.ldif:1:1 entry 1: same phone as "omar-haddad" (Omar Haddad): kept apart; merge by hand if they are one person',
      '- thunderbird.ldif:1:1 entry 1: same name as "ana-ruiz", with no email address or phone in common: kept apart; merge by hand if they are one person',
      '- thunderbird.ldif:40:1 birthday: entry 3: "1975-13-2" is not a date; imported without it',
      '- thunderbird.ldif:40:1 mozillaSecondEmail: entry 3: "none" is not an email address; imported without it',
      '- thunderbird.ldif:59:1 entry 4: cannot be read: Expected end of input or entry but "g" found.',
    ].join('\n');
    expect(api.pulls[0].body).toContain(leftOut);
    expect(run.comments()[0]).toMatch(/^Ready in #\d+: the contacts in thunderbird\.ldif/);
    expect(run.comments()[0]).toContain(leftOut);
    expect(git(origin, 'ls-tree', '--name-only', 'from-issue-1', 'content/contacts/').split('\n')).toEqual(
      expect.arrayContaining(['content/contacts/jose-alvarez.yaml', 'content/contacts/tom-byrne.yaml']),
    );
    expect(parse(git(origin, 'show', 'from-issue-1:content/contacts/jose-alvarez.yaml'))).toEqual({
      name: 'José Álvarez',
      emails: ['jose@alvarez.example'],
      phone: '0117 496 0000',
      segment: 'past-client',
      tags: ['past-clients'],
      area: 'Bath',
      dates: { birthday: '11-30' },
    });
  });

  // Issue 16: GitHub may refuse a .vcf attached to an issue; the owner zips it (iOS Files' Compress).
  it('imports a vCard zipped on the phone, read as the file inside the archive', async () => {
    const url = api.attach('Contacts.zip', readFileSync(path.join(ROOT, 'test/fixtures/import/info-zip-iphone.zip')));
    const run = await fromIssue(
      'Import contacts',
      body({ 'The file': `[Contacts.zip](${url})`, 'Segment of new contacts': 'sphere', 'Where the file came from': '', Update: '' }),
    );
    expect(run.out).not.toMatch(/^\s+at /m);
    expect(run.code, run.out).toBe(0);
    expect(api.requests).toContain(`GET ${new URL(url).pathname}`);
    expect(api.pulls[0].title).toBe('Import contacts from Contacts.zip/Contacts.vcf: 3 new contacts, 0 updated');
    expect(run.comments()[0]).toMatch(/^Ready in #\d+: the contacts in Contacts\.zip\/Contacts\.vcf \(3 new contacts, 0 updated\)\./);
    expect(git(origin, 'show', '--name-only', '--format=', 'from-issue-1').split('\n')).toEqual([
      'content/contacts/chidi-okonkwo.yaml',
      'content/contacts/nguyen-thi-lan.yaml',
      'content/contacts/northside-dental.yaml',
    ]);
    expect(parse(git(origin, 'show', 'from-issue-1:content/contacts/nguyen-thi-lan.yaml'))).toMatchObject({
      name: 'Nguyễn Thị Lan',
      segment: 'sphere',
    });
  });

  it("imports each label's vCard file of a Google Takeout as one import, and says which file in it was skipped", async () => {
    const url = api.attach('takeout-20261130.zip', readFileSync(path.join(ROOT, 'test/fixtures/import/takeout-contacts.zip')));
    const run = await fromIssue(
      'Import contacts',
      body({
        'The file': `[takeout-20261130.zip](${url})`,
        'Segment of new contacts': 'sphere',
        'Where the file came from': '',
        Update: '',
      }),
    );
    expect(run.out).not.toMatch(/^\s+at /m);
    expect(run.code, run.out).toBe(0);
    expect(api.pulls[0].title).toBe('Import contacts from takeout-20261130.zip: 2 new contacts, 0 updated');
    const leftOut = [
      'Left out, so that the rest could be imported:',
      '',
      '- takeout-20261130.zip/Takeout/YouTube and YouTube Music/subscriptions/subscriptions.csv: skipped, its columns are not an address book the import knows (attach it alone if it is one)',
    ].join('\n');
    expect(api.pulls[0].body).toContain(leftOut);
    expect(run.comments()[0]).toContain(leftOut);
    expect(git(origin, 'show', '--name-only', '--format=', 'from-issue-1').split('\n')).toEqual([
      'content/contacts/lee-chen.yaml',
      'content/contacts/priya-shah.yaml',
    ]);
    // Priya is in the Clients label and in All Contacts: one contact.
    expect(parse(git(origin, 'show', 'from-issue-1:content/contacts/priya-shah.yaml'))).toMatchObject({
      name: 'Priya Shah',
      emails: ['priya@shah.example'],
    });
  });

  it('refuses an attached archive that is cut short or holds tables it does not know, saying which, and changes nothing', async () => {
    const attached = [
      ['Contacts.zip', 'info-zip-truncated.zip'],
      ['exports.zip', 'hubspot-shopify.zip'],
    ];
    const comments = [];
    for (const [name, file] of attached) {
      const url = api.attach(name, readFileSync(path.join(ROOT, 'test/fixtures/import', file)));
      const run = await fromIssue(
        'Import contacts',
        body({ 'The file': `[${name}](${url})`, 'Segment of new contacts': 'sphere', 'Where the file came from': '', Update: '' }),
      );
      expect(run.out).not.toMatch(/^\s+at /m);
      expect(run.code).toBe(1);
      expect(run.issue.state).toBe('open');
      comments.push(...run.comments());
    }
    expect(comments).toEqual([
      [
        'Nothing was changed: one answer needs correcting.',
        '',
        '- **The file**: Contacts.zip is not a whole zip archive: it was cut short, or is damaged. Zip the export again, without a password, and import that archive (or import the export itself, not zipped).',
        '',
        'Open the form again with these corrected. This issue stays open so you can copy what you wrote; close it when you are done.',
      ].join('\n'),
      [
        'Nothing was changed: one answer needs correcting.',
        '',
        '- **The file**: exports.zip holds 2 exports (hubspot-contacts.csv and shopify-customers.csv), none of them an address book the import knows by its columns. Take the exports out of the archive and import them one at a time, each as it is or zipped alone.',
        '',
        'Open the form again with these corrected. This issue stays open so you can copy what you wrote; close it when you are done.',
      ].join('\n'),
    ]);
    expect(api.pulls).toEqual([]);
    expect(git(job, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(git(origin, 'rev-list', '--count', '--all')).toBe('1');
  });

  it('comments each bad answer, changes nothing and leaves the issue open', async () => {
    const run = await fromIssue('Log a touch', body({ Contact: 'Ana Ruis', How: 'call', Day: '31/02/2026', Note: '' }));
    expect(run.code).toBe(1);
    expect(run.comments()).toEqual([
      [
        'Nothing was changed: 2 answers need correcting.',
        '',
        '- **Contact**: no contact is called "Ana Ruis": write their name as in their contact file, or the file\'s name, like ana-ruiz',
        '- **Day**: "31/02/2026" is not a day: write it as YYYY-MM-DD, like 2026-12-01',
        '',
        'Open the form again with these corrected. This issue stays open so you can copy what you wrote; close it when you are done.',
      ].join('\n'),
    ]);
    expect(run.issue.state).toBe('open');
    expect(git(origin, 'rev-list', '--count', '--all')).toBe('1');
  });

  it('comments what the check found in the change, by field, and undoes it', async () => {
    // ana.ruiz@example.org is Ana Ruiz's: one address belongs to one contact.
    const run = await fromIssue('New contact', body({ ...newContact, Email: 'ana.ruiz@example.org' }));
    expect(run.code).toBe(1);
    expect(run.comments()[0]).toContain('- **Email**: ana.ruiz@example.org already belongs to contact "ana-ruiz"');
    expect(existsSync(path.join(job, 'content/contacts/joan-doe.yaml'))).toBe(false);
    expect(git(job, 'status', '--porcelain')).toBe('');
    expect(api.pulls).toEqual([]);
    expect(run.issue.state).toBe('open');
  });

  it("refuses a published testimonial whose author's contact records no consent to publish", async () => {
    const run = await fromIssue(
      'New testimonial',
      body({
        'Their name as shown': 'Ellen B.',
        'Their contact': 'Ellen Boyd',
        'About them': '',
        'Kind of endorsement': 'consumer',
        Qualification: '',
        Organization: '',
        'How the organization reached its view': '',
        Quote: 'They explained every step.',
        'Their words in full': '',
        'Day they gave it': '',
        'Where they gave it': 'Email',
        Link: '',
        'They agreed to have it published on': '- [X] website\n- [ ] email\n- [ ] social',
        'Their consent, in their words': 'Yes, use it on your website',
        'Material connection': '',
        'Typical results': '',
      }),
    );
    expect(run.code).toBe(1);
    expect(run.comments()[0]).toContain('- **Their contact**: is published, but "ellen-boyd" has no consent.publish in their contact file');
    expect(git(job, 'status', '--porcelain')).toBe('');
  });

  it('refuses an attachment that is not on GitHub, and never sends the token elsewhere', async () => {
    const run = await fromIssue(
      'Import contacts',
      body({
        'The file': '[list.csv](https://example.com/list.csv)',
        'Segment of new contacts': 'sphere',
        'Where the file came from': '',
        Update: '',
      }),
    );
    expect(run.code).toBe(1);
    expect(run.comments()[0]).toContain(
      '- **The file**: links to https://example.com/list.csv, which is not a file attached to this issue: drag the file itself into the box (a .vcf or .ldif zipped)',
    );
  });

  it('does nothing for an issue opened by anyone but the owner, a member or a collaborator', async () => {
    for (const [n, association] of ['NONE', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR'].entries()) {
      const run = await fromIssue('New contact', body(newContact), association);
      expect(run).toMatchObject({
        code: 0,
        out: `Issue #${n + 1} was opened by hannah (${association}), not by the owner or a collaborator: nothing was done.\n`,
      });
    }
    expect(api.requests).toEqual([]);
    expect(git(origin, 'rev-list', '--count', '--all')).toBe('1');
  });

  it('leaves an issue that is not from a form alone', async () => {
    const run = await fromIssue('The boiler at 14 Elm Road', 'Ask Rob about the boiler.');
    expect(run).toMatchObject({ code: 0, out: 'Issue #1 was not opened from one of the forms: nothing was done.\n' });
    expect(api.requests).toEqual([]);
  });
});
