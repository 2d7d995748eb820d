// Issue 14, point 4: the words of an email are true for the person they reach.
import { describe, expect, it } from 'vitest';
import { createPersonalizer } from './personalize.ts';
import { renderBody } from '../markup/index.ts';
import { ContactSchema, emptyContent, PlanSchema, ResultSchema, SettingsSchema, type Content, type ContactInput } from '../model/index.ts';
import type { DueTouch } from '../touches/index.ts';

const today = Temporal.PlainDate.from('2027-03-10');
const settings = SettingsSchema.parse({
  business: {
    name: 'Wells & Mercer',
    email: 'hello@wm.example',
    address: { street: '2 Brewer’s Yard', locality: 'Lewes', postalCode: 'BN7 2AA', country: 'United Kingdom' },
  },
  sender: { name: 'Hannah Wells', email: 'hannah@wm.example' },
  timeZone: 'Europe/London',
  site: { url: 'https://wm.example' },
  unsubscribe: { mailto: 'unsubscribe@wm.example' },
});
const consent = { email: { basis: 'consent', source: 'Form', date: '2025-01-01' } } as const;
const contact = (id: string, data: Partial<ContactInput>) => ({
  id,
  file: `contacts/${id}.yaml`,
  data: ContactSchema.parse({ name: id, emails: [`${id}@mail.example`], segment: 'past-client', consent, ...data }),
});

function content(): Content {
  return {
    ...emptyContent(),
    settings,
    contacts: [
      contact('tom-harris', {
        name: 'Tom Harris',
        area: 'Kingston',
        communities: [{ name: 'Mount Caburn Golf Club' }, { name: 'Southover Choral Society' }],
        household: [{ name: 'Sarah Harris', relation: 'wife', contact: 'sarah-harris' }],
      }),
      contact('sarah-harris', {
        name: 'Sarah Harris',
        area: 'Kingston',
        communities: [{ name: 'Southover Choral Society' }, { name: 'Priory Fields PTA' }],
        household: [{ name: 'Tom Harris', relation: 'husband', contact: 'tom-harris' }],
      }),
      contact('ben-novak', { name: 'Ben Novak', segment: 'sphere', area: 'Kingston', communities: [{ name: 'Cliffe Traders' }] }),
      contact('kofi-mensah', { name: 'Kofi Mensah', segment: 'partner' }),
      contact('lucy-tan', { name: 'Lucy Tan', segment: 'prospect' }),
    ],
    results: [
      {
        id: 'kingston-sale',
        file: 'results/kingston-sale.mdx',
        body: '',
        data: ResultSchema.parse({
          title: 'A family home sold in Kingston',
          date: '2027-01-10',
          area: 'Kingston',
          summary: 'Sold in nine days.',
          figures: [{ label: 'Over asking', value: '4%' }],
          client: {
            contact: 'sarah-harris',
            display: 'The Harris family',
            consent: { scope: ['email'], date: '2027-01-12', evidence: 'Reply' },
          },
        }),
      },
    ],
    plans: [
      {
        id: 'birthday-email',
        file: 'plans/birthday-email.yaml',
        data: PlanSchema.parse({
          name: 'Birthday email',
          steps: [
            { id: 'email', channel: 'email', template: 'note', subject: 'Happy birthday', due: { rule: 'anniversary', of: 'birthday' } },
          ],
        }),
      },
    ],
  };
}

const touch = (contact: string, plan: string, step: string, template: string): DueTouch => ({
  id: `${contact}.${plan}.${step}.2027-03-10`,
  contact,
  plan,
  step,
  channel: 'email',
  due: today,
  date: today,
  priority: 50,
  reason: 'test',
  template,
  subject: 'Hello {{firstName}}',
});

function fields(t: DueTouch) {
  const out = createPersonalizer(content(), settings, today, { renderBody }).personalize(t);
  if (!out.ok) throw new Error(out.reason);
  const f = out.draft.fields;
  return (name: string) => {
    const value = f[name];
    return typeof value === 'string' ? value : value.text.trim();
  };
}

describe('the frame of an introduction ask', () => {
  it('names the partner only when they are in the community named', () => {
    // Tom's first community is the golf club, which Sarah is not in; Sarah's first is the choir,
    // which Tom is in too.
    const tom = fields(touch('tom-harris', 'asks', 'ask', 'introduction-ask'));
    const sarah = fields(touch('sarah-harris', 'asks', 'ask', 'introduction-ask'));
    expect([tom('frameOfReference'), sarah('frameOfReference')]).toEqual([
      'You are part of Mount Caburn Golf Club. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to look after them the way we looked after you.',
      'You and Tom are part of Southover Choral Society. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to look after them the way we looked after you.',
    ]);
  });
});

describe('words by segment', () => {
  const segments = ['tom-harris', 'ben-novak', 'kofi-mensah', 'lucy-tan'];

  it('tells only clients they were looked after, in an introduction ask', () => {
    const words = segments.map((id) => {
      const f = fields(touch(id, 'asks', 'ask', 'introduction-ask'));
      return `${f('message')} | ${f('frameOfReference')}`;
    });
    expect(words).toMatchInlineSnapshot(`
      [
        "Most of the people I work with come through introductions from clients like you, and I am grateful for every one. | You are part of Mount Caburn Golf Club. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to look after them the way we looked after you.",
        "Most of the people I work with come to us through someone they know, and I am grateful to every friend of the business who passes our name on. | You are part of Cliffe Traders. If anyone there is thinking of moving, or just wondering what their home is worth, we would be glad to help them, with the care a friend of yours deserves.",
        "Much of our work comes through the people we work alongside, and I am grateful for every introduction. | You know a lot of people around here. If anyone is thinking of moving, we would be glad to help them, and to send work your way in return where we can.",
        "Most of the people I work with come to us through someone they know, and that is how we like to meet people. | You know a lot of people around here. If anyone is thinking of moving, we would be glad to help them too.",
      ]
    `);
    expect(words.slice(1).filter((w) => /looked after you|clients like you/.test(w))).toEqual([]);
  });

  it('thanks a referrer in words true for them', () => {
    expect(segments.map((id) => fields(touch(id, 'thanks', 'thank', 'referral-thanks'))('message'))).toMatchInlineSnapshot(`
      [
        "Thank you for introducing your friend to us. A recommendation from you means a great deal, and we will look after them as well as we looked after you.",
        "Thank you for introducing your friend to us. A recommendation from you means a great deal, and we will take good care of them.",
        "Thank you for introducing your friend to us. A recommendation from you means a great deal, and we will take good care of them, as you would with anyone we send your way.",
        "Thank you for introducing your friend to us. A recommendation from you means a great deal, and we will take good care of them.",
      ]
    `);
  });

  it('asks for a testimonial about what they know of us', () => {
    expect(
      segments.map((id) => {
        const f = fields(touch(id, 'words', 'ask', 'testimonial-request'));
        return `${f('message')} | ${f('experience')}`;
      }),
    ).toMatchInlineSnapshot(`
      [
        "It was a pleasure working with you. I have a small favour to ask. | what it was like to work with us",
        "You have known us for a while now, and I have a small favour to ask. | what you know of us and our work",
        "It is always a pleasure working alongside you. I have a small favour to ask. | what it is like to work alongside us",
        "Thank you for your time with us so far. I have a small favour to ask. | how we have been to deal with so far",
      ]
    `);
  });
});

describe('a step’s suggestion', () => {
  it('keeps its paragraphs, each filled in', () => {
    const t = {
      ...touch('tom-harris', 'new-client', 'weekly', 'note'),
      suggestion: 'This week, {{firstName}}:\nthe forms.\n\nAsk us anything.',
    };
    expect(fields(t)('message')).toBe('This week, Tom: the forms.\n\nAsk us anything.');
  });
});

describe('a birthday note', () => {
  it('carries no result near them, where another note does', () => {
    const birthday = fields(touch('ben-novak', 'birthday-email', 'email', 'note'));
    const hello = fields(touch('ben-novak', 'hello', 'note', 'note'));
    expect([birthday('nearbyResult'), hello('nearbyResult')]).toEqual([
      '',
      'Near you in Kingston: A family home sold in Kingston. Sold in nine days.',
    ]);
  });
});

describe('an above-and-beyond recap', () => {
  it('is held with a reason when no result names the contact, and shows the figures when one does', () => {
    const p = createPersonalizer(content(), settings, today, { renderBody });
    expect(p.personalize(touch('tom-harris', 'recap', 'recap', 'above-and-beyond'))).toEqual({
      ok: false,
      code: 'NoResultToRecap',
      reason: 'no result in results/ names them as its client, so the above-and-beyond email would have nothing to show',
    });
    expect(fields(touch('sarah-harris', 'recap', 'recap', 'above-and-beyond'))('recap')).toBe(
      'A family home sold in Kingston\nSold in nine days.\n\nOver asking: 4%',
    );
  });
});
