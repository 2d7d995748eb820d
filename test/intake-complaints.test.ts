import { afterEach, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readIntakeContent } from '../src/adapters/fs/index.ts';
import { readMessageFiles } from '../src/adapters/mailbox/index.ts';
import { planIntake } from '../src/core/intake/index.ts';
import { runScript, ROOT } from './helpers/run-script.ts';
import { removeTree } from './helpers/temp-dir.ts';

const FIXTURES = path.join(ROOT, 'test/fixtures');

// Issue 16, point 3: a spam complaint (an ARF feedback report) stops all email to the contact.
describe('npm run intake on spam complaints', () => {
  let dir: string;
  afterEach(async () => removeTree(dir));

  it('records the contact as complained, with the report as evidence, and plans no more email to them', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referable-complaints-'));
    const content = path.join(dir, 'content');
    await cp(path.join(FIXTURES, 'intake'), content, { recursive: true });
    const files = ['arf-yahoo.eml', 'arf-headers-only.eml'].map((f) => path.join(FIXTURES, 'complaints', f));
    const shown = (text: string) => text.replaceAll(`${dir}/`, '').replaceAll(`${FIXTURES}/`, '');

    const first = await runScript('intake', [...files, '--content', content, '--date', '2026-11-05']);
    expect(shown(first.stdout)).toMatchInlineSnapshot(`
      "  complaint    complaints/arf-yahoo.eml: a spam complaint (feedback type abuse) from Yahoo!-Mail-Feedback/2.0: tom-harris recorded as complained in content/contacts/tom-harris.yaml; no more email
        complaint    complaints/arf-headers-only.eml: a spam complaint (feedback type abuse) from ExampleFBL/1.4: priya-patel recorded as complained in content/contacts/priya-patel.yaml; no more email
      2 messages read: 2 changes written, 0 already taken in, 0 noted, 0 left alone.
      "
    `);
    expect(first.code).toBe(0);
    expect(await readFile(path.join(content, 'contacts/tom-harris.yaml'), 'utf8')).toContain(
      'complained:\n  date: 2026-11-05\n  evidence: "Email <1794474760.12345.arf.yahoo.example> of 2026-11-05: feedback type abuse from Yahoo!-Mail-Feedback/2.0"',
    );

    const check = await runScript('check', ['--content', content]);
    expect(check.code).toBe(0);
    const plan = await runScript('plan', ['--content', content, '--date', '2026-12-04', '--days', '1', '--json']);
    expect(JSON.parse(plan.stdout).map((t: { contact: string }) => t.contact)).toEqual(['ana-ruiz', 'leo-novak']);

    const second = await runScript('intake', [...files, '--content', content, '--date', '2026-11-06']);
    expect(shown(second.stdout)).toContain('2 messages read: 0 changes written, 2 already taken in');
  });
});

/** Each complaint fixture, taken in alone: the contact it suppresses, or why it suppresses no one. */
const COMPLAINTS: Record<string, string> = {
  'aol-arf.eml': 'complaint priya-patel',
  'arf-auth-failure.eml':
    'unknown: an authentication failure report (feedback type auth-failure), from ExampleAuthReports/1.0: not a complaint; nothing to do',
  'arf-fraud.eml': 'complaint priya-patel',
  'arf-headers-only.eml': 'complaint priya-patel',
  'arf-mixed-no-version.eml': 'complaint ana-ruiz',
  'arf-not-spam.eml': 'unknown: a report that our email is not spam, from ExampleFBL/1.4: nothing to do',
  'arf-report-as-text.eml': 'complaint leo-novak',
  'arf-virus.eml': 'unknown: a virus report (feedback type virus), from ExampleScanner/3.2: not a complaint; nothing to do',
  'arf-yahoo.eml': 'complaint tom-harris',
  'comcast-rcpt-only.eml': 'complaint tom-harris',
  'hotmail-fbl-legacy.eml': 'complaint tom-harris',
  'mailru-to-only.eml': 'complaint ana-ruiz',
  'microsoft-jmrp.eml': 'complaint leo-novak',
  'yandex-fbl-hashed.eml': 'complaint leo-novak',
};

const ENDINGS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;

// Issue 16: every spam complaint, in each mailbox provider's form, suppresses the contact.
describe('spam complaints from each mailbox provider', () => {
  let dir: string;
  afterEach(async () => removeTree(dir));

  it.each(Object.entries(ENDINGS))('suppresses the contact each one is about, and only for a complaint (%s)', async (_, ending) => {
    const { input } = await readIntakeContent(path.join(FIXTURES, 'intake'));
    dir = await mkdtemp(path.join(tmpdir(), 'referable-complaints-'));
    const names = (await readdir(path.join(FIXTURES, 'complaints'))).sort();
    for (const name of names) {
      const text = await readFile(path.join(FIXTURES, 'complaints', name), 'utf8');
      await writeFile(path.join(dir, name), text.replace(/\r?\n/g, ending));
    }
    const { messages, problems } = await readMessageFiles(names.map((n) => path.join(dir, n)));
    expect(problems).toEqual([]);
    const got = Object.fromEntries(
      messages.map((m) => {
        const plan = planIntake([m], input!, Temporal.PlainDate.from('2026-11-05'), '2026-11-05T12:00:00Z');
        const [o] = plan.outcomes;
        const suppressed = plan.contacts.flatMap((c) => c.changes.filter((ch) => ch.path[0] === 'complained').map(() => c.id));
        expect(plan.testimonials).toEqual([]);
        expect(plan.history).toEqual([]);
        return [path.basename(m.source), o.kind === 'complaint' ? `complaint ${suppressed.join(', ')}` : `${o.kind}: ${o.note}`];
      }),
    );
    expect(got).toEqual(COMPLAINTS);
  });
});
