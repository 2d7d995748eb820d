/**
 * Issue 20, point 1: the commands an owner types often load only what they use. Each heavy
 * library below is loaded on the path that needs it, not at start-up; this pins which command may
 * load which. Times are measured by `npm run bench -- startup`, never asserted here.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runNode } from './helpers/run-script.ts';
import { copySample } from './helpers/sample.ts';
import { addToTree, removeTree, writeTree } from './helpers/temp-dir.ts';

/** Libraries that take a noticeable part of a second to load, and what needs them. */
const HEAVY = {
  mjml: 'compiling email layouts',
  nodemailer: 'sending',
  octokit: 'GitHub issues',
  imapflow: 'reading the mailbox',
  mailparser: 'reading messages',
  'csv-parse': 'importing CSV',
  'ical.js': 'importing vCards',
  ldif: 'importing LDIF',
  'iconv-lite': 'decoding exports',
  chardet: 'detecting encodings',
  astro: 'building the site',
  'html-to-text': 'the text part of emails',
  yaml: 'placing a problem on its line, and writing YAML',
  satteri: 'parsing an MDX body that might hold code',
  '@aws-sdk/client-sesv2': 'sending through Amazon SES',
  'node:worker_threads': 'reading or writing thousands of contact files, building emails on both cores',
} as const;

/**
 * The heavy libraries each command may load, beyond none. check plans the recaps coming up and
 * plan fills in each email's subject: both personalise, without rendering a body (issue 20). On
 * valid content js-yaml reads every file and no body needs parsing.
 */
const ALLOWED: Record<string, (keyof typeof HEAVY)[]> = {
  check: [],
  plan: [],
  report: [],
  log: [],
};

async function packagesLoaded(command: string, args: string[]): Promise<string[]> {
  const hook = path.join(ROOT, 'test/helpers/packages-loaded.ts');
  const run = await runNode(['--import', hook, path.join(ROOT, 'scripts', `${command}.js`), ...args], {});
  const line = run.stderr.split('\n').find((l) => l.startsWith('PACKAGES ')) ?? '';
  expect(line, `${command} ran to its end: ${run.stderr}`).not.toBe('');
  return line.slice('PACKAGES '.length).split(' ');
}

/** How each command is run: on a copy of the sample, doing its usual work. */
const ARGS: Record<string, (content: string) => string[]> = {
  check: (content) => ['--content', content],
  plan: (content) => ['--content', content, '--date', '2026-12-01'],
  report: (content) => ['--content', content, '--date', '2026-12-02', '--contact', 'tom-harris'],
  log: (content) => ['tom-harris', '--channel', 'call', '--date', '2026-12-01', '--content', content],
};

let dir: string;
beforeAll(async () => {
  dir = await writeTree({}, 'referable-startup-');
  await copySample(path.join(dir, 'content'));
});
afterAll(() => removeTree(dir));

describe('start-up: what each light command loads', () => {
  for (const [command, allowed] of Object.entries(ALLOWED)) {
    it(`${command} loads no heavy library it does not use`, async () => {
      const loaded = await packagesLoaded(command, ARGS[command](path.join(dir, 'content')));
      expect(loaded).toContain('zod');
      const heavy = loaded.filter((name) => name in HEAVY);
      expect(heavy.toSorted(), heavy.map((name) => `${name}: ${HEAVY[name as keyof typeof HEAVY]}`).join(', ')).toEqual(allowed.toSorted());
    });
  }

  it('unsubscribe reads its event without loading octokit, which it never uses', async () => {
    const event = path.join(dir, 'not-an-event.json');
    await writeFile(event, '{}');
    const loaded = await packagesLoaded('unsubscribe', [event, '--content', path.join(dir, 'content')]);
    expect(loaded).toContain('zod');
    expect(loaded).not.toContain('octokit');
  });

  it('check loads the slow parsers once a file needs them: a problem to place, a body that might hold code', async () => {
    const broken = await writeTree({}, 'referable-startup-broken-');
    try {
      await copySample(path.join(broken, 'content'));
      await addToTree(path.join(broken, 'content'), {
        'contacts/zoe-bad.yaml': 'name: Zoe\nsegment: sphere\ntier: gold\n',
        'newsletters/with-code.mdx': '---\nsubject: Rates\npreheader: Down\nsendDate: 2026-12-01\n---\n\nSaved {rate}%\n',
      });
      const loaded = await packagesLoaded('check', ['--content', path.join(broken, 'content')]);
      expect(loaded.filter((name) => name === 'yaml' || name === 'satteri')).toEqual(['satteri', 'yaml']);
    } finally {
      await removeTree(broken);
    }
  });
});
