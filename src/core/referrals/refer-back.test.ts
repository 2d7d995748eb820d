import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { suggestIntroductions } from './refer-back.ts';
import { ContactSchema, ReferralSchema } from '../model/index.ts';

// Issue 7, point 2: refer business back, never to or through someone who has not agreed.

const entries = <S extends z.ZodType>(schema: S, records: Record<string, z.input<S>>) =>
  Object.entries(records).map(([id, data]) => ({ id, file: `${id}.yaml`, data: schema.parse(data) as z.output<S> }));

const agreed = { introductions: { basis: 'consent', source: 'asked to be put in touch', date: '2026-01-10' } } as const;

// A contact book of sellers around the few that matter, as words common to a fifth of all
// contacts are ignored.
const sellers = Object.fromEntries(
  Array.from({ length: 40 }, (_, i) => [`seller-${i}`, { name: `Seller ${i}`, segment: 'prospect', tags: ['seller'], consent: agreed }]),
);

const contacts = entries(ContactSchema, {
  ...sellers,
  'kofi-mensah': {
    name: 'Kofi Mensah',
    segment: 'partner',
    offers: 'whole-of-market mortgage advice',
    goodReferral: 'first-time buyers with a deposit saved',
    communities: [{ name: 'Lewes Business Breakfast' }],
  },
  'sam-adeyemi': { name: 'Sam Adeyemi', segment: 'prospect', tags: ['first-time-buyer'], consent: agreed },
  'hugo-silva': {
    name: 'Hugo Silva',
    segment: 'sphere',
    tags: ['first-time-buyer'],
    consent: agreed,
    communities: [{ name: 'lewes business breakfast' }],
  },
  'ellen-boyd': { name: 'Ellen Boyd', segment: 'prospect', tags: ['first-time-buyer'] },
  'omar-haddad': {
    name: 'Omar Haddad',
    segment: 'sphere',
    tags: ['first-time-buyer'],
    consent: { introductions: { ...agreed.introductions, withdrawn: '2026-06-01' } },
  },
  'amara-osei': { name: 'Amara Osei', segment: 'prospect', tags: ['first-time-buyer'], consent: agreed, referredBy: 'kofi-mensah' },
  'priya-patel': { name: 'Priya Patel', segment: 'past-client', tags: ['landlord'], consent: agreed },
  'gary-pike': { name: 'Gary Pike', segment: 'partner', goodReferral: 'anyone who needs a mortgage' },
  'leo-fitz': { name: 'Leo Fitz', segment: 'prospect', consent: agreed },
});

const referrals = entries(ReferralSchema, {
  'gary-leo': {
    referrer: 'gary-pike',
    referred: 'leo-fitz',
    date: '2026-05-01',
    need: 'a mortgage for a first flat',
    status: [{ status: 'introduced', date: '2026-05-01' }],
  },
  'old-need': {
    referrer: 'gary-pike',
    referred: 'priya-patel',
    date: '2024-05-01',
    need: 'a first-time buyer mortgage',
    status: [{ status: 'introduced', date: '2024-05-01' }],
  },
});

const day = Temporal.PlainDate.from('2026-07-01');

describe('suggestIntroductions', () => {
  it('matches a good referral and a recent need, names a shared community, never those without consent', () => {
    // Ellen has not consented, Omar withdrew, Amara was referred by Kofi himself, and Priya's
    // need is two years old.
    expect(suggestIntroductions('kofi-mensah', contacts, referrals, day)).toEqual([
      {
        contact: 'kofi-mensah',
        introduce: 'hugo-silva',
        name: 'Hugo Silva',
        reason: 'tagged first-time-buyer; both in Lewes Business Breakfast',
        matched: ['first', 'buyer'],
      },
      {
        contact: 'kofi-mensah',
        introduce: 'leo-fitz',
        name: 'Leo Fitz',
        reason: 'looking for: a mortgage for a first flat',
        matched: ['mortgage', 'first'],
      },
      {
        contact: 'kofi-mensah',
        introduce: 'sam-adeyemi',
        name: 'Sam Adeyemi',
        reason: 'tagged first-time-buyer',
        matched: ['first', 'buyer'],
      },
    ]);
  });

  it('suggests nothing for a contact with nothing on file about what they offer or want', () => {
    expect(suggestIntroductions('sam-adeyemi', contacts, referrals, day)).toEqual([]);
  });
});
