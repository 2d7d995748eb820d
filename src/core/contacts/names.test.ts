import { describe, expect, it } from 'vitest';
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
    expect([youAndPartner(household('fiancée')), youAndPartner({ household: [] })]).toEqual(['You and Jo', 'You']);
  });
});
