import { describe, expect, it } from 'vitest';
import { formatProblem } from '../problems/index.ts';
import { validateContent } from '../content/index.ts';

// Issue 7: the step fields for closing the loop (a step's own audience, its purpose, the
// referral-became-client trigger) and the consent they rely on (consent.introductions).
const SETTINGS = `business:
  name: Harbour & Hill
  email: hello@harbourhill.example
  address: { street: 4 Quay Street, locality: Bristol, postalCode: BS1 4DJ, country: United Kingdom }
sender: { name: Maya Okafor, email: maya@harbourhill.example }
timeZone: Europe/London
site: { url: "https://harbourhill.example" }
unsubscribe: { mailto: unsubscribe@harbourhill.example }
`;

const PLAN = (step: string) => `name: Referral thanks
steps:
  - id: thank-card
    channel: card
    task: Write a card
${step}`;

function check(files: Record<string, string>) {
  const { content, problems } = validateContent(
    Object.entries({ 'settings.yaml': SETTINGS, ...files }).map(([path, text]) => ({ path, text })),
    { templates: ['note'] },
  );
  return { content, printed: problems.map(formatProblem).join('\n') };
}

describe('plan steps for referrals', () => {
  it('accept an audience, a purpose and the referral-became-client trigger', () => {
    const { content, printed } = check({
      'plans/thanks.yaml': PLAN(`    purpose: refer-back
    audience: { tiers: [top] }
    due: { rule: after, trigger: referral-became-client, days: 1 }
`),
    });
    expect(printed).toBe('');
    expect(content.plans[0].data.steps[0]).toMatchObject({
      purpose: 'refer-back',
      audience: { tiers: ['top'] },
      due: { trigger: 'referral-became-client' },
    });
  });

  it('name the line of a purpose that does not exist', () => {
    const { printed } = check({
      'plans/thanks.yaml': PLAN(`    purpose: ask-everyone
    due: { rule: after, trigger: made-referral, days: 1 }
`),
    });
    expect(printed).toMatchInlineSnapshot(`
      "plans/thanks.yaml:6:14 steps[0].purpose: "ask-everyone" is not allowed; use "refer-back", "introduction-ask"
        Use one of the values listed."
    `);
  });

  it('read consent to introductions as evidence with a date', () => {
    const { printed } = check({
      'contacts/ana-ruiz.yaml': `name: Ana Ruiz
segment: past-client
consent:
  introductions: { basis: consent, source: offered to introduce parents }
`,
    });
    expect(printed).toMatchInlineSnapshot(`
      "contacts/ana-ruiz.yaml:4:18 consent.introductions.date: is required
        Add this field."
    `);
  });
});
