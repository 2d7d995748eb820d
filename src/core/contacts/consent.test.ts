import { describe, expect, it } from 'vitest';
import { consentHolds, mayEmail, mayEmailOn } from './consent.ts';
import { ContactSchema, type ContactInput } from '../model/index.ts';

const consented: ContactInput = {
  name: 'Ana Ruiz',
  segment: 'past-client',
  emails: ['ana@example.com', 'ana.work@example.com'],
  consent: { email: { basis: 'existing-client', source: 'Bought 14 Elm Road', date: '2024-03-01' } },
};
const ask = (changes: Partial<ContactInput>, day = '2026-12-01') => mayEmailOn(ContactSchema.parse({ ...consented, ...changes }), day);

describe('mayEmailOn', () => {
  it('allows the first address of a consented contact', () => {
    expect(ask({})).toEqual({ ok: true, email: 'ana@example.com' });
    expect(mayEmail(ContactSchema.parse(consented), Temporal.PlainDate.from('2026-12-01'))).toEqual({ ok: true, email: 'ana@example.com' });
  });

  it('uses the next address when the first bounced, and none when all did', () => {
    const bounce = (email: string) => ({ email, date: '2026-06-01', reason: '550 no such mailbox' });
    expect(ask({ bounced: [bounce('ana@example.com')] })).toEqual({ ok: true, email: 'ana.work@example.com' });
    expect(ask({ bounced: [bounce('ana@example.com'), bounce('ana.work@example.com')] })).toEqual({
      ok: false,
      code: 'EveryAddressBounced',
      reason: 'every email address bounced (the last, ana.work@example.com, on 2026-06-01: 550 no such mailbox)',
    });
    expect(ask({ bounced: [bounce('ana@example.com')] }, '2026-05-31')).toEqual({ ok: true, email: 'ana@example.com' });
  });

  it.each<[string, Partial<ContactInput>, string, string, string]>([
    ['no address', { emails: [] }, '2026-12-01', 'NoEmailAddress', 'has no email address'],
    [
      'an unsubscribe that day',
      { unsubscribed: { date: '2026-12-01', evidence: 'reply "stop"' } },
      '2026-12-01',
      'Unsubscribed',
      'unsubscribed on 2026-12-01',
    ],
    ['no email consent', { consent: {} }, '2026-12-01', 'NoEmailConsent', 'has no email consent on record'],
    ['consent given later', {}, '2024-02-29', 'ConsentNotYetGiven', 'gave email consent only on 2024-03-01'],
    [
      'consent withdrawn that day',
      { consent: { email: { basis: 'consent', source: 'form', date: '2024-03-01', withdrawn: '2026-12-01' } } },
      '2026-12-01',
      'ConsentWithdrawn',
      'withdrew email consent on 2026-12-01',
    ],
    [
      'consent that expired the day before',
      { consent: { email: { basis: 'consent', source: 'form', date: '2024-03-01', expires: '2026-11-30' } } },
      '2026-12-01',
      'ConsentExpired',
      'email consent expired on 2026-11-30',
    ],
  ])('refuses with %s', (_, changes, day, code, reason) => {
    expect(ask(changes, day)).toEqual({ ok: false, code, reason });
  });

  it('allows on the last day of consent and before an unsubscribe', () => {
    expect(ask({ consent: { email: { basis: 'consent', source: 'form', date: '2024-03-01', expires: '2026-12-01' } } })).toEqual({
      ok: true,
      email: 'ana@example.com',
    });
    expect(ask({ unsubscribed: { date: '2026-12-02', evidence: 'reply "stop"' } })).toEqual({ ok: true, email: 'ana@example.com' });
  });
});

describe('consentHolds', () => {
  it('holds consent only between its date and its withdrawal or expiry', () => {
    const record = { basis: 'consent', source: 'form', date: '2026-01-10', expires: '2026-12-31' } as const;
    expect([consentHolds(record, '2026-01-09'), consentHolds(record, '2026-01-10'), consentHolds(record, '2027-01-01')]).toEqual([
      false,
      true,
      false,
    ]);
    expect(consentHolds(undefined, '2026-01-10')).toBe(false);
  });
});
