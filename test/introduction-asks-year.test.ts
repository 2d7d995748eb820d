// Issue 14, point 4: a year of the sample's introduction asks, planned and personalized as the
// daily job does. Asks go out, and none names a partner outside the community it names.
import { describe, expect, it } from 'vitest';
import { readContent } from '../src/adapters/fs/index.ts';
import { createPersonalizer } from '../src/core/email/index.ts';
import { renderBody } from '../src/core/markup/index.ts';
import type { Content } from '../src/core/model/index.ts';
import { planTouches } from '../src/core/planning/index.ts';
import { sampleContent } from './helpers/sample.ts';

const FRAME = /^(You|You and (\w+)) (?:are part of (.+?)\. |know a lot of people)/;
/** The frame of an ask to a household: each person named with their own community. */
const HOUSEHOLD_FRAME = /^(\w+), you are part of (.+?),? and (\w+), of (.+?)\. /;

/** Whether `contact`'s partner called `partner` lists `community` in their own contact file. */
function partnerIsIn(content: Content, contact: string, partner: string, community: string): boolean {
  const household = content.contacts.find((c) => c.id === contact)?.data.household ?? [];
  const theirs = content.contacts.find((c) => c.id === household.find((h) => h.name.startsWith(`${partner} `))?.contact);
  return theirs?.data.communities.some((c) => c.name === community) ?? false;
}

describe('a year of introduction asks on the sample', () => {
  it('sends real asks, each framed by a community in words true for the person', async () => {
    const { content, problems } = await readContent(sampleContent());
    expect(problems).toEqual([]);
    const settings = content.settings;
    if (!settings) throw new Error('the sample has settings');
    const from = Temporal.PlainDate.from('2026-12-01');
    const asks = planTouches({ ...content, settings }, { from, days: 365 }).due.filter((t) => t.plan === 'introduction-ask');

    const frames = asks
      .filter((t) => t.channel === 'email')
      .map((t) => {
        const out = createPersonalizer(content, settings, t.date, { renderBody }).personalize(t);
        if (!out.ok) throw new Error(`${t.id}: ${out.reason}`);
        const text = (name: string) => {
          const value = out.draft.fields[name];
          return typeof value === 'string' ? value : value.text.trim();
        };
        const to = out.draft.to.map((r) => r.address);
        return { touch: t, to, text: text('frameOfReference'), words: `${text('message')} ${text('frameOfReference')}` };
      });
    // The calls carry the same line, in quotes, in their suggestion.
    const calls = asks
      .filter((t) => t.step === 'new-year-call')
      .map((t) => {
        const text = /"(.+?)"/.exec(t.suggestion ?? '')?.[1] ?? '';
        return { touch: t, text, words: text };
      });

    const households = frames.filter((f) => f.to.length > 1);
    const people = frames.filter((f) => f.to.length === 1);
    expect(people.map((f) => `${f.touch.date} ${f.touch.contact}: ${FRAME.exec(f.text)?.[0]}`)).toEqual([
      "2027-09-10 ben-novak: You are part of Cliffe Traders' Association. ",
      '2027-09-10 omar-haddad: You are part of Ouse Valley Rowing Club. ',
      "2027-09-10 priya-patel: You are part of Sussex Landlords' Forum. ",
      '2027-09-10 sarah-harris: You are part of Priory Fields Primary PTA. ',
    ]);
    // David and Grace get one ask, greeting both, each named with their own community.
    expect(households.map((f) => `${f.touch.date} ${f.touch.contact}: ${HOUSEHOLD_FRAME.exec(f.text)?.[0]}`)).toEqual([
      '2027-09-10 david-okafor: David, you are part of Mount Caburn Golf Club, and Grace, of Southover Choral Society. ',
    ]);
    for (const { touch, text } of households) {
      const [, first, community, second, theirs] = HOUSEHOLD_FRAME.exec(text) ?? [];
      for (const [name, club] of [
        [first, community],
        [second, theirs],
      ]) {
        const member = [touch, ...(touch.household ?? [])].map((t) => content.contacts.find((c) => c.id === t.contact)?.data);
        expect(
          member.find((m) => m?.name.startsWith(`${name} `))?.communities.map((c) => c.name),
          `${touch.id}: ${text}`,
        ).toContain(club);
      }
    }
    expect(calls.length).toBeGreaterThan(0);
    for (const { touch, text, words } of [...people, ...calls]) {
      const [, , partner, community] = FRAME.exec(text) ?? [];
      expect(text, touch.id).toMatch(FRAME);
      if (partner) expect(partnerIsIn(content, touch.contact, partner, community), `${touch.id}: ${text}`).toBe(true);
      const client = content.contacts.find((c) => c.id === touch.contact)?.data.segment === 'past-client';
      if (!client) expect(words, touch.id).not.toMatch(/looked after you|clients like you/);
    }
  });
});
