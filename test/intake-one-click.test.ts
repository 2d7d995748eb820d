/**
 * Issue 18: a one-click unsubscribe is planned by intake, with its token checked again, and the
 * texts a token check signs are the ones the Worker signs ahead.
 */
import { describe, expect, it } from 'vitest';
import { signerFromEnv } from '../src/adapters/signing/index.ts';
import { type IntakeInput, planOneClickUnsubscribe } from '../src/core/intake/index.ts';
import { readUnsubscribeToken, type Sign, unsubscribeToken, unsubscribeTokenTexts } from '../src/core/signing/index.ts';

const signer = (secret: string): Sign => {
  const made = signerFromEnv({ REFERABLE_SECRET: secret });
  if (!made.ok || !made.sign) throw new Error('no signer');
  return made.sign;
};
const SECRET = 'a-test-secret-of-at-least-32-chars!!';
const sign = signer(SECRET);
const TODAY = Temporal.PlainDate.from('2026-12-01');
const AT = '2026-12-01T12:00:00Z';

const input: IntakeInput = {
  settings: {
    timeZone: 'Europe/London',
    sender: { name: 'Hannah Wells', email: 'hannah@wellsmercer.example' },
    unsubscribe: { mailto: 'unsubscribe@wellsmercer.example' },
  },
  sign,
  plans: [],
  contacts: [
    { id: 'ana-ruiz', file: 'contacts/ana-ruiz.yaml', data: { name: 'Ana Ruiz', emails: ['Ana.Ruiz@example.org'] } },
    {
      id: 'tom-harris',
      file: 'contacts/tom-harris.yaml',
      data: { name: 'Tom Harris', emails: ['tom@example.com'], unsubscribed: { date: '2026-10-01', evidence: 'a call' } },
    },
    { id: 'priya-shah', file: 'contacts/priya-shah.yaml', data: { name: 'Priya Shah', emails: ['priya@example.net'] } },
  ],
  testimonials: [],
  testimonialsFolder: 'testimonials',
  referrals: [],
  referralsFolder: 'referrals',
  history: [],
};
const request = (token: string, at = '2026-11-30T23:30:00Z') => ({ token, at: Temporal.Instant.from(at) });

describe('a one-click unsubscribe', () => {
  it('marks the contact on the business day it was made, with the moment and the token as evidence', () => {
    const token = unsubscribeToken(sign, ['ana-ruiz'], 'ana.ruiz@example.org');
    expect(planOneClickUnsubscribe(request(token), input, TODAY, AT)).toEqual({
      ok: true,
      plan: {
        outcomes: [
          {
            source: 'one-click unsubscribe of 2026-11-30T23:30:00Z',
            kind: 'unsubscribe',
            contact: 'ana-ruiz',
            note: 'ana-ruiz asked to unsubscribe (one-click unsubscribe link): marked unsubscribed in contacts/ana-ruiz.yaml',
            changed: true,
          },
        ],
        contacts: [
          {
            id: 'ana-ruiz',
            file: 'contacts/ana-ruiz.yaml',
            changes: [
              {
                path: ['unsubscribed'],
                value: {
                  date: '2026-11-30',
                  evidence: `One-click unsubscribe (RFC 8058) at 2026-11-30T23:30:00Z, token ${token} (signed unsubscribe link)`,
                },
              },
            ],
          },
        ],
        testimonials: [],
        referrals: [],
        history: [],
      },
    });
  });

  it('never dates it after today, and changes nothing for a contact already unsubscribed', () => {
    const ana = planOneClickUnsubscribe(
      request(unsubscribeToken(sign, ['ana-ruiz'], 'ana.ruiz@example.org'), '2026-12-05T09:00:00Z'),
      input,
      TODAY,
      AT,
    );
    expect(ana.ok && ana.plan.contacts[0].changes[0].value).toMatchObject({ date: '2026-12-01' });
    const tom = planOneClickUnsubscribe(request(unsubscribeToken(sign, ['tom-harris'], 'tom@example.com')), input, TODAY, AT);
    expect(tom.ok && tom.plan.contacts).toEqual([]);
    expect(tom.ok && tom.plan.outcomes.map((o) => [o.note, o.changed])).toEqual([
      ['tom-harris asked to unsubscribe (one-click unsubscribe link): already unsubscribed in contacts/tom-harris.yaml', false],
    ]);
  });

  // A household's email goes to both with one link, and a click cannot say whose it was.
  it('stops everyone a household’s email went to, and says why', () => {
    const token = unsubscribeToken(sign, ['ana-ruiz', 'priya-shah'], 'ana.ruiz@example.org');
    const plan = planOneClickUnsubscribe(request(token), input, TODAY, AT);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.plan.contacts.map((c) => c.id)).toEqual(['ana-ruiz', 'priya-shah']);
    expect(plan.plan.contacts[1].changes[0].value).toEqual({
      date: '2026-11-30',
      evidence: `One-click unsubscribe (RFC 8058) at 2026-11-30T23:30:00Z, token ${token} (signed unsubscribe link); the email went to ana-ruiz and priya-shah with one link, which cannot tell who clicked, so all of them were stopped`,
    });
  });

  it('finds a contact renamed since by the address the link was sent to', () => {
    const plan = planOneClickUnsubscribe(request(unsubscribeToken(sign, ['priya-patel'], 'Priya@example.net')), input, TODAY, AT);
    expect(plan.ok && plan.plan.contacts.map((c) => c.id)).toEqual(['priya-shah']);
  });

  it('refuses a token the secret did not make, and one that names no contact, planning nothing', () => {
    const other = unsubscribeToken(signer(`${SECRET}x`), ['ana-ruiz'], 'ana.ruiz@example.org');
    expect(planOneClickUnsubscribe(request(other), input, TODAY, AT)).toEqual({
      ok: false,
      reason: `the token "${other}" is not one of ours: forged, altered or made with another secret`,
    });
    expect(planOneClickUnsubscribe(request(unsubscribeToken(sign, ['gone'], 'gone@example.com')), input, TODAY, AT)).toEqual({
      ok: false,
      reason:
        'gone unsubscribed with the one-click link, but no contact has that id or the address it was sent to: find the person and unsubscribe them by hand',
    });
  });
});

describe('unsubscribeTokenTexts', () => {
  it('names every text a token check signs, so a signer that signs them ahead reads tokens as the scripts do', () => {
    const good = unsubscribeToken(sign, ['ana-ruiz'], 'ana.ruiz@example.org');
    const [who, tag, mac] = good.split('.');
    for (const token of [good, `${who}.${tag}.${mac.slice(1)}x`, `${btoa('tom').replace(/=+$/, '')}.${tag}.${mac}`, 'a.b', '']) {
      const ahead = new Map(unsubscribeTokenTexts(token).map((text) => [text, sign(text)]));
      const signAhead: Sign = (text) => {
        const signature = ahead.get(text);
        if (signature === undefined) throw new Error(`not signed ahead: ${text}`);
        return signature;
      };
      expect(readUnsubscribeToken(signAhead, token), token).toEqual(readUnsubscribeToken(sign, token));
    }
  });
});
