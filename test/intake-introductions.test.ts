import { afterEach, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScript, ROOT } from './helpers/run-script.ts';
import { removeTree } from './helpers/temp-dir.ts';

const FIXTURES = path.join(ROOT, 'test/fixtures');

// Issue 14: the site's "Introduce someone" email becomes a draft referral that check lists.
describe('npm run intake on introductions from the site', () => {
  let dir: string;
  afterEach(async () => removeTree(dir));

  it('writes a draft referral with the referrer matched by address, which check lists until it is completed', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referable-introductions-'));
    const content = path.join(dir, 'content');
    await cp(path.join(FIXTURES, 'intake'), content, { recursive: true });
    const files = ['from-ana.eml', 'from-stranger.eml'].map((f) => path.join(FIXTURES, 'introductions', f));
    const shown = (text: string) => text.replaceAll(`${dir}/`, '').replaceAll(`${FIXTURES}/`, '');

    const first = await runScript('intake', [...files, '--content', content, '--date', '2026-11-10']);
    expect(shown(first.stdout)).toMatchInlineSnapshot(`
      "  referral     introductions/from-ana.eml: ana-ruiz introduced Sam O’Brien from the site: draft content/referrals/ana-ruiz-sam-obrien.yaml to complete
        left alone   introductions/from-stranger.eml: an introduction from the site by kit@morgan.example, who is no contact: left alone; add them as a contact and take it in again
      2 messages read: 1 change written, 0 already taken in, 0 noted, 1 left alone, 1 reply counted as a touch.
      "
    `);
    expect(await readFile(path.join(content, 'referrals/ana-ruiz-sam-obrien.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "referrer: ana-ruiz
      referred: sam-obrien
      date: 2026-11-10
      need: Selling a two-bed flat in Clifton before the spring
      status:
        - status: introduced
          date: 2026-11-10
      draft:
        evidence: email <CAF=intro-ana-1@mail.example.com> of 2026-11-10 from ana.ruiz@example.com
        name: Sam O’Brien
        reach: sam.obrien@example.org, 07700 900456
      "
    `);

    const check = await runScript('check', ['--content', content]);
    expect(shown(check.stdout)).toMatchInlineSnapshot(`
      "Harbour & Hill: all content is valid.
        4 contacts (1 partner, 2 past-client, 1 sphere; 1 top tier)
        2 touch plans, 0 newsletters, 0 results
        0 referrals (and 1 draft), 1 testimonial, 1 history entry
      warning content/referrals/ana-ruiz-sam-obrien.yaml draft: ana-ruiz introduced Sam O’Brien on 2026-11-10: still a draft to complete
        Add the person introduced as a contact, put their file name in referred, check the need, then remove draft: until then nothing thanks the referrer or counts the referral.
      "
    `);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);

    const second = await runScript('intake', [...files, '--content', content, '--date', '2026-11-11']);
    expect(shown(second.stdout)).toContain('already taken in as content/referrals/ana-ruiz-sam-obrien.yaml');
    expect(shown(second.stdout)).toContain('0 changes written');
  });
});
