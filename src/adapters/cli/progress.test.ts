import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TouchResult } from '../../core/daily/index.ts';
import { createProgress } from './progress.ts';

/** A real writable stream that keeps what it was given, as a terminal or as a CI log. */
function stream(isTTY: boolean) {
  let text = '';
  const out = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { out: Object.assign(out, { isTTY }) as unknown as NodeJS.WriteStream, text: () => text };
}
const result = (status: 'sent' | 'failed'): TouchResult =>
  ({
    touch: {},
    outcome: status === 'sent' ? { status, messageId: '<m>', response: '250' } : { status, temporary: true, reason: '451' },
  }) as TouchResult;

function run(isTTY: boolean, total: number) {
  const s = stream(isTTY);
  const progress = createProgress(s.out);
  progress.start(total);
  for (let i = 0; i < total; i++) progress.step(result(i % 100 === 99 ? 'failed' : 'sent'));
  progress.done();
  return s.text();
}

describe('progress of a long send', () => {
  it('prints nothing for a short run', () => {
    expect(run(true, 150)).toBe('');
    expect(run(false, 150)).toBe('');
  });

  it('prints a plain line every tenth of the way when stdout is not a terminal', () => {
    expect(run(false, 1000).split('\n')).toEqual([
      ...[100, 200, 300, 400, 500, 600, 700, 800, 900].map((n) => `Sending emails: ${n} of 1000, ${Math.floor(n / 100)} not sent`),
      '',
    ]);
  });

  it('rewrites one line in place on a terminal, and clears it at the end', () => {
    const text = run(true, 1000);
    expect(text).not.toContain('\n');
    expect(text.split('\r').filter(Boolean).length).toBeGreaterThan(100);
    expect(text).toContain('\rSending emails: 1000 of 1000, 10 not sent\u001b[K');
    expect(text.endsWith('\r\u001b[K')).toBe(true);
  });
});
