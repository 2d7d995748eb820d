import { describe, expect, it } from 'vitest';
import { inAudience, whyNotInAudience } from './audience.ts';
import { ContactSchema, type Audience } from '../model/index.ts';

const contacts = {
  ana: ContactSchema.parse({ name: 'Ana Ruiz', segment: 'past-client', tier: 'top', tags: ['golf', 'landlord'] }),
  tom: ContactSchema.parse({ name: 'Tom Byrne', segment: 'sphere', tags: ['golf'] }),
  priya: ContactSchema.parse({ name: 'Priya Patel', segment: 'partner' }),
};
const members = (audience: Audience) =>
  Object.entries(contacts)
    .filter(([id, c]) => inAudience(id, c, audience))
    .map(([id]) => id);

describe('inAudience', () => {
  it.each<[string, Audience, string[]]>([
    ['everyone when nothing is listed', {}, ['ana', 'tom', 'priya']],
    ['everyone when the lists are empty', { segments: [], tiers: [], tags: [] }, ['ana', 'tom', 'priya']],
    ['any of the segments', { segments: ['past-client', 'partner'] }, ['ana', 'priya']],
    ['any of the tiers', { tiers: ['standard'] }, ['tom', 'priya']],
    ['any of the tags', { tags: ['landlord', 'golf'] }, ['ana', 'tom']],
    ['all of segment, tier and tag lists together', { segments: ['past-client', 'sphere'], tiers: ['top'], tags: ['golf'] }, ['ana']],
    ['not an excluded segment', { exclude: { segments: ['partner'] } }, ['ana', 'tom']],
    ['not an excluded tier', { exclude: { tiers: ['top'] } }, ['tom', 'priya']],
    ['not an excluded tag', { tags: ['golf'], exclude: { tags: ['landlord'] } }, ['tom']],
    ['not an excluded contact', { exclude: { contacts: ['tom'] } }, ['ana', 'priya']],
  ])('takes %s', (_, audience, expected) => {
    expect(members(audience)).toEqual(expected);
  });
});

describe('whyNotInAudience', () => {
  const why = (audience: Audience) =>
    Object.fromEntries(Object.entries(contacts).map(([id, c]) => [id, whyNotInAudience(id, c, audience)]));

  it('says why each contact outside an audience is outside it', () => {
    expect(why({ segments: ['past-client'] })).toMatchInlineSnapshot(`
      {
        "ana": undefined,
        "priya": "their segment is partner; the audience is past-client",
        "tom": "their segment is sphere; the audience is past-client",
      }
    `);
    expect(why({ tiers: ['top'], exclude: { tags: ['landlord'] } })).toMatchInlineSnapshot(`
      {
        "ana": "the audience leaves out the tag landlord",
        "priya": "their tier is standard; the audience is top",
        "tom": "their tier is standard; the audience is top",
      }
    `);
    expect(why({ tags: ['landlord'], exclude: { contacts: ['ana'] } })).toMatchInlineSnapshot(`
      {
        "ana": "the audience leaves them out by name",
        "priya": "they have no tags; the audience wants one of landlord",
        "tom": "their tags are golf; the audience wants one of landlord",
      }
    `);
    expect(why({ exclude: { segments: ['sphere'], tiers: ['top'] } })).toMatchInlineSnapshot(`
      {
        "ana": "the audience leaves out the top tier",
        "priya": undefined,
        "tom": "the audience leaves out the sphere segment",
      }
    `);
  });

  it('agrees with inAudience', () => {
    const audiences: Audience[] = [{}, { tags: ['golf'] }, { segments: ['partner'] }, { tiers: ['standard'], exclude: { tags: ['golf'] } }];
    for (const audience of audiences)
      for (const [id, c] of Object.entries(contacts))
        expect(whyNotInAudience(id, c, audience) === undefined).toBe(inAudience(id, c, audience));
  });
});
