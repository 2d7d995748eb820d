import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutbox } from './outbox.ts';
import { emailTouch, fixtureMessages } from '../../../test/helpers/email-fixture.ts';
import { removeTree, writeTree } from '../../../test/helpers/temp-dir.ts';

let dir = '';
afterEach(() => removeTree(dir));

describe('outbox', () => {
  it('writes one .eml per touch, named by the touch id, and nothing else', async () => {
    dir = await writeTree({});
    const outbox = createOutbox(path.join(dir, 'outbox'));
    const messages = await fixtureMessages([
      emailTouch('ana-ruiz', 'referral-thanks', { subject: 'Thank you, {{firstName}}' }),
      emailTouch('tom-harris', 'note', { subject: 'Hello' }),
    ]);
    for (const m of messages) {
      expect(await outbox.send(m)).toEqual({
        status: 'sent',
        messageId: m.messageId,
        response: `written to ${path.join(dir, 'outbox', `${m.touch}.eml`)}`,
      });
    }
    await outbox.close();
    expect(await readdir(path.join(dir, 'outbox'))).toEqual([
      'ana-ruiz.hand-made.referral-thanks.2026-11-03.eml',
      'tom-harris.hand-made.note.2026-11-03.eml',
    ]);
    const mail = await simpleParser(await readFile(path.join(dir, 'outbox', 'ana-ruiz.hand-made.referral-thanks.2026-11-03.eml')));
    expect(mail.subject).toBe('Thank you, Ana');
    expect(mail.messageId).toBe('<ana-ruiz.hand-made.referral-thanks.2026-11-03@harbourhill.example>');
    expect(mail.text).toContain('Thank you for introducing Tom to us.');
    expect(String(mail.html)).toContain('We have met Tom, and it went well.');
  });

  it('reports a folder it cannot write to as a temporary failure', async () => {
    dir = await writeTree({ outbox: 'a file, not a folder' });
    const outbox = createOutbox(path.join(dir, 'outbox', 'inner'));
    const [message] = await fixtureMessages([emailTouch('tom-harris', 'note', { subject: 'Hello' })]);
    await expect(outbox.send(message)).resolves.toMatchObject({ status: 'failed', temporary: true });
  });
});
