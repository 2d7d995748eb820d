import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changeContactFile } from './contacts-fs.ts';
import { removeTree, writeTree } from '../../../test/helpers/temp-dir.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await removeTree(dir);
});

/** Marks a contact the way intake marks a bounce and a withdrawn consent, and returns the file's text. */
async function marked(text: string): Promise<string> {
  const dir = await writeTree({ 'ana-ruiz.yaml': text });
  dirs.push(dir);
  const file = path.join(dir, 'ana-ruiz.yaml');
  await changeContactFile(file, [
    { path: ['consent', 'email', 'withdrawn'], value: '2026-12-01' },
    { path: ['bounced'], value: { date: '2026-12-01', reason: 'BadAddress' } },
  ]);
  return readFile(file, 'utf8');
}

describe('changing a contact file', () => {
  it('keeps flow lists as the owner wrote them, with or without padding, and comments', async () => {
    expect(
      await marked(
        [
          'name: Ana Ruiz # met at the market',
          'emails: [ana@example.org, ana.r@example.com]',
          'segment: past-client',
          'tags: [lewes, first-time-buyer]',
          'consent: {email: {basis: consent, source: Form, date: 2026-01-02}}',
          '',
        ].join('\n'),
      ),
    ).toBe(
      [
        'name: Ana Ruiz # met at the market',
        'emails: [ana@example.org, ana.r@example.com]',
        'segment: past-client',
        'tags: [lewes, first-time-buyer]',
        'consent: {email: {basis: consent, source: Form, date: 2026-01-02, withdrawn: 2026-12-01}}',
        'bounced:',
        '  date: 2026-12-01',
        '  reason: BadAddress',
        '',
      ].join('\n'),
    );
    expect(await marked('name: Ana Ruiz\ntags: [ lewes ]\nconsent: { email: { basis: consent, source: Form, date: 2026-01-02 } }\n')).toBe(
      [
        'name: Ana Ruiz',
        'tags: [ lewes ]',
        'consent: { email: { basis: consent, source: Form, date: 2026-01-02, withdrawn: 2026-12-01 } }',
        'bounced:',
        '  date: 2026-12-01',
        '  reason: BadAddress',
        '',
      ].join('\n'),
    );
  });
});
