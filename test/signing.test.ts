import { describe, expect, it } from 'vitest';
import { readContent } from '../src/adapters/fs/index.ts';
import { signerFromEnv } from '../src/adapters/signing/index.ts';
import { createPersonalizer } from '../src/core/email/index.ts';
import { renderBody } from '../src/core/markup/index.ts';
import type { DueTouch } from '../src/core/touches/index.ts';
import { sampleContent } from './helpers/sample.ts';
import {
  addressTag,
  readUnsubscribeToken,
  type Sign,
  signedMessageId,
  signedMessageIds,
  unsubscribeToken,
} from '../src/core/signing/index.ts';

const SECRET = 'a-test-secret-of-at-least-32-chars!!';
const signer = (secret: string): Sign => {
  const made = signerFromEnv({ REFERABLE_SECRET: secret });
  if (!made.ok || !made.sign) throw new Error('no signer');
  return made.sign;
};
const sign = signer(SECRET);

describe('REFERABLE_SECRET', () => {
  it('is optional, with a note; a short one is refused without showing it', () => {
    expect(signerFromEnv({})).toMatchObject({ ok: true, note: expect.stringContaining('REFERABLE_SECRET is not set') });
    const short = signerFromEnv({ REFERABLE_SECRET: 'hunter2' });
    expect(short).toEqual({ ok: false, problem: expect.stringContaining('at least 32') });
    expect(JSON.stringify(short)).not.toContain('hunter2');
  });
});

describe('signed Message-IDs', () => {
  const touch = 'ana-ruiz.monthly-newsletter.send.2026-12-01';
  it('are opaque, the same for every retry of a touch, and differ by secret', () => {
    const id = signedMessageId(sign, touch, 'Hannah@WellsMercer.example');
    expect(id).toMatch(/^<[A-Za-z0-9_-]{32}@wellsmercer\.example>$/);
    for (const part of ['ana', 'ruiz', 'newsletter', 'send', '2026']) expect(id).not.toContain(part);
    expect(signedMessageId(sign, touch, 'hannah@wellsmercer.example')).toBe(id);
    expect(signedMessageId(signer(`${SECRET}x`), touch, 'hannah@wellsmercer.example')).not.toBe(id);
  });

  it('are read back to their touch from the touches sent', () => {
    const other = 'tom-harris.monthly-newsletter.send.2026-12-01';
    const ids = signedMessageIds(sign, [touch, other], 'hannah@wellsmercer.example');
    expect(ids.get(signedMessageId(sign, other, 'hannah@wellsmercer.example'))).toBe(other);
    expect(ids.get(`<${touch}@wellsmercer.example>`)).toBeUndefined();
  });
});

describe('unsubscribe tokens', () => {
  it('carry no bare contact id or address, and read back to the contact and a tag of the address', () => {
    const token = unsubscribeToken(sign, ['ana-ruiz'], 'ana.ruiz@example.com');
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{22}$/);
    expect(token).not.toContain('ana-ruiz');
    expect(token).not.toContain('example');
    expect(readUnsubscribeToken(sign, token)).toEqual({ contacts: ['ana-ruiz'], address: addressTag(sign, 'Ana.Ruiz@example.com') });
  });

  it('name every contact a household’s email went to, the lead first', () => {
    const token = unsubscribeToken(sign, ['sarah-harris', 'tom-harris'], 'sarah.harris@example.com');
    expect(token).not.toContain('harris');
    expect(readUnsubscribeToken(sign, token)).toEqual({
      contacts: ['sarah-harris', 'tom-harris'],
      address: addressTag(sign, 'sarah.harris@example.com'),
    });
  });

  it('are refused when forged, altered, or made with another secret', () => {
    const token = unsubscribeToken(sign, ['ana-ruiz'], 'ana.ruiz@example.com');
    const [who, tag, mac] = token.split('.');
    const tom = btoa('tom-harris').replace(/=+$/, '');
    expect(readUnsubscribeToken(sign, `${tom}.${tag}.${mac}`)).toBeUndefined();
    expect(readUnsubscribeToken(sign, `${who}.${tag}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(readUnsubscribeToken(signer(`${SECRET}x`), token)).toBeUndefined();
    expect(readUnsubscribeToken(sign, 'ana-ruiz')).toBeUndefined();
    expect(readUnsubscribeToken(sign, '..')).toBeUndefined();
  });
});

describe('the unsubscribe links of an email, with the secret', () => {
  const today = Temporal.PlainDate.from('2026-12-01');
  const touch: DueTouch = {
    id: 'ana-ruiz.monthly-newsletter.send.2026-12-01',
    contact: 'ana-ruiz',
    plan: 'monthly-newsletter',
    step: 'send',
    channel: 'email',
    due: today,
    date: today,
    priority: 20,
    reason: 'the newsletter',
    template: 'newsletter',
    newsletter: 'what-a-survey-will-tell-you',
  };
  const draftWith = async (oneClick?: string) => {
    const { content } = await readContent(sampleContent());
    if (!content.settings) throw new Error('the sample has no settings');
    const settings = { ...content.settings, unsubscribe: { ...content.settings.unsubscribe, ...(oneClick ? { url: oneClick } : {}) } };
    const out = createPersonalizer(content, settings, today, { sign, renderBody }).personalize(touch);
    if (!out.ok) throw new Error(out.reason);
    return out.draft;
  };

  it('open the site’s /unsubscribe/ page with a token for the address written to; the mailto carries it too', async () => {
    const draft = await draftWith();
    const footer = new URL(draft.fields.unsubscribeUrl as string);
    expect(`${footer.origin}${footer.pathname}`).toBe('https://wellsmercer.example/unsubscribe/');
    const token = footer.searchParams.get('t') ?? '';
    expect([...footer.searchParams.keys()]).toEqual(['t']);
    expect(readUnsubscribeToken(sign, token)).toEqual({ contacts: ['ana-ruiz'], address: addressTag(sign, draft.to[0].address) });
    expect(draft.unsubscribe).toEqual({ mailto: `mailto:unsubscribe@wellsmercer.example?subject=Unsubscribe%20${token}` });
  });

  it('offer one-click (List-Unsubscribe-Post) only when settings name an endpoint', async () => {
    const draft = await draftWith('https://unsubscribe.wellsmercer.workers.dev/');
    const url = new URL(draft.unsubscribe.url ?? '');
    expect(url.host).toBe('unsubscribe.wellsmercer.workers.dev');
    expect(readUnsubscribeToken(sign, url.searchParams.get('t') ?? '')?.contacts).toEqual(['ana-ruiz']);
  });
});
