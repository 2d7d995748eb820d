import { describe, expect, it } from 'vitest';
import { inAudience } from './audience.ts';
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
