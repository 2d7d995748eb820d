import { afterEach, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
