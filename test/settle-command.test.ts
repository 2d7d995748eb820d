/**
 * `npm run settle` (issue 15): an unknown outcome stays under "Needs you", run after run, with
 * exit 3, until the owner settles it; `--not-sent` makes the touch go out on the next run.
 */
import { cp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../src/core/problems/index.ts';
import { FIXTURE } from './helpers/email-fixture.ts';
import { runScript } from './helpers/run-script.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

let dir = '';
afterEach(() => removeTree(dir));

const TOM = 'tom-harris.monthly-newsletter.send.2026-11-03';
const ANA = 'ana-ruiz.monthly-newsletter.send.2026-11-03';
const claim = (touch: string) => ({
  event: 'claimed',
  at: '2026-11-03T09:00:00Z',
  touch,
  contact: touch.split('.')[0],
  plan: 'monthly-newsletter',
  step: 'send',
  due: '2026-11-03',
  channel: 'email',
});

describe('npm run settle', () => {
  it('keeps an unknown in view on every run until settled; --not-sent sends it on the next run, --sent counts it', async () => {
    dir = await writeTree({});
    const content = path.join(dir, 'content');
    const outbox = path.join(dir, 'outbox');
    await cp(FIXTURE, content, { recursive: true });
    await mkdir(path.join(content, 'history'));
    await writeFile(path.join(content, 'history', '2026-11.jsonl'), `${JSON.stringify(claim(TOM))}\n${JSON.stringify(claim(ANA))}\n`);
    const daily = () => runScript('daily', ['--content', content, '--outbox', outbox, '--date', '2026-11-03']);
    const settle = (...args: string[]) => runScript('settle', ['--content', content, ...args]);

    for (const run of [await daily(), await daily()]) {
      expect(run.code).toBe(EXIT.attention);
      expect(run.stdout).toContain(`${TOM}: claimed by an earlier run that ended before recording the outcome`);
      expect(run.stdout).toContain(`(unknown outcome: settle it with npm run settle -- ${TOM} --sent or --not-sent)`);
      expect(run.stdout).toContain(`npm run settle -- ${ANA} --sent`);
    }

    expect(await settle(TOM, '--not-sent')).toEqual({
      code: 0,
      stdout: `Settled ${TOM} as not sent: the next run sends it if it is still within graceDays of its due day (else it is reported as missed).\n`,
      stderr: '',
    });
    expect(await settle(ANA, '--sent')).toMatchObject({
      code: 0,
      stdout: `Settled ${ANA} as sent: it counts as a touch and is no longer listed.\n`,
    });
    const again = await settle(ANA, '--not-sent');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      new RegExp(`^Nothing was settled: ${ANA} has no unknown outcome to settle: its last entry is sent \\(.+\\)\\.\n$`),
    );
    expect((await settle(TOM)).code).toBe(2);

    const after = await daily();
    expect(after.code).toBe(EXIT.ok);
    expect(after.stdout).not.toContain('unknown outcome');
    expect(await readdir(outbox)).toContain(`${TOM}.eml`);
    expect(await readdir(outbox)).not.toContain(`${ANA}.eml`);
    const events = (await readFile(path.join(content, 'history', '2026-11.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { event: string; touch: string })
      .filter((e) => e.touch === TOM)
      .map((e) => e.event);
    expect(events).toEqual(['claimed', 'unknown', 'released', 'claimed', 'sent']);
  });
});
