import { describe, expect, it } from 'vitest';
import { ContactSchema } from '../model/index.ts';
import { frameLine, householdFrameLine } from './frame.ts';
import { firstNameOf, firstWord, partnerFirstName, shortName, youAndPartner } from './names.ts';

describe('names', () => {
  it('call someone by their first name, or the first word of their name', () => {
    expect([
      firstNameOf({ name: 'Ana Ruiz' }),
      firstNameOf({ name: 'Dr Ana Ruiz', firstName: 'Ana' }),
      firstWord('  Kofi  Mensah '),
    ]).toEqual(['Ana', 'Ana', 'Kofi']);
  });

  it('shorten a name to the first name and an initial', () => {
    expect([
      shortName({ name: 'Ana Ruiz' }),
      shortName({ name: 'Madonna' }),
      shortName({ name: 'Dr Ana de la Ruiz', firstName: 'Ana' }),
    ]).toEqual(['Ana R.', 'Madonna', 'Ana R.']);
  });

  it('find a partner among the household by relation, fiancé(e)s included', () => {
    const household = (relation: string) => ({ household: [{ name: 'Jo Quinn', relation }] });
    expect(['wife', 'Husband', 'partner', 'spouse', 'fiancé', 'fiancee', 'son'].map((r) => partnerFirstName(household(r)))).toEqual([
      'Jo',
      'Jo',
      'Jo',
      'Jo',
      'Jo',
      'Jo',
      undefined,
    ]);
  });
});

describe('a partner in a frame of reference', () => {
  // Issue 14: "You and Sarah are part of Mount Caburn Golf Club" went to Tom, but the club is his
  // alone: any partner was named against the first community.
  const tom = ContactSchema.parse({
    name: 'Tom Harris',
    segment: 'past-client',
    communities: [{ name: 'Mount Caburn Golf Club' }, { name: 'Southover Choral Society' }],
    household: [
      { name: 'Sarah Harris', relation: 'wife', contact: 'sarah-harris' },
      { name: 'Alfie Harris', relation: 'son' },
    ],
  });
  const sarah = ContactSchema.parse({ name: 'Sarah Harris', segment: 'past-client', communities: [{ name: 'southover choral society ' }] });
  const lookup = (id: string) => (id === 'sarah-harris' ? sarah : undefined);

  it('is named only when their own contact file lists the same community', () => {
    expect([
      youAndPartner(tom, 'Mount Caburn Golf Club', lookup),
      youAndPartner(tom, 'Southover Choral Society', lookup),
      youAndPartner(tom, 'Southover Choral Society', () => undefined),
    ]).toEqual(['You', 'You and Sarah', 'You']);
  });

  it('is never named when they have no contact file, since no one knows where they belong', () => {
    const engaged = { household: [{ name: 'Jo Quinn', relation: 'fiancée' }] };
    expect(youAndPartner(engaged, 'Lewes Choir', lookup)).toBe('You');
  });

  it('speaks of having looked after someone only to a client', () => {
    const as = (segment: 'past-client' | 'sphere' | 'partner' | 'prospect') =>
      frameLine({ ...tom, segment }, 'Southover Choral Society', lookup);
    expect([as('past-client'), as('sphere'), as('partner'), as('prospect'), frameLine(tom, undefined, lookup)]).toMatchInlineSnapshot(`
        [
          "You and Sarah are part of Southover Choral Society. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to look after them the way we looked after you.",
          "You and Sarah are part of Southover Choral Society. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to help them, with the care a friend of yours deserves.",
          "You and Sarah are part of Southover Choral Society. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to help them, and to send work your way in return where we can.",
          "You and Sarah are part of Southover Choral Society. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to help them too.",
          "You and Sarah know a lot of people around here. If anyone is thinking of moving, we would be glad to look after them the way we looked after you.",
        ]
      `);
  });
});

describe('householdFrameLine', () => {
  const person = (firstName: string, ...names: string[]) => ({ firstName, communities: names.map((name) => ({ name })) });
  it('frames an ask to a household in words true for each person it greets', () => {
    expect(householdFrameLine('past-client', [person('Tom', 'Mount Caburn Golf Club'), person('Sarah', 'Priory Fields Primary PTA')])).toBe(
      'Tom, you are part of Mount Caburn Golf Club, and Sarah, of Priory Fields Primary PTA. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to look after them the way we looked after you.',
    );
    expect(
      householdFrameLine('sphere', [person('Hana', 'Lewes Choir', 'Ringmer Cricket Club'), person('Oliver', 'Ringmer Cricket Club')]),
    ).toMatch(/^You are both part of Ringmer Cricket Club\. .* with the care a friend of yours deserves\.$/);
    expect(householdFrameLine('sphere', [person('Hana'), person('Oliver', 'Ringmer Cricket Club')])).toMatch(
      /^Oliver, you are part of Ringmer Cricket Club\. /,
    );
    expect(householdFrameLine('prospect', [person('Ana'), person('Luis'), person('Rosa')])).toBe(
      'You all know a lot of people around here. If anyone is thinking of moving, we would be glad to help them too.',
    );
  });
});
