import { describe, expect, it } from 'vitest';
import { formatProblem } from '../problems/index.ts';
import { validateContent } from '../content/index.ts';
import { CONTENT_PARSERS } from '../parsers/index.ts';

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
    { templates: ['note'], parsers: CONTENT_PARSERS },
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

// Issue 14, point 4: the eight weekly notes were byte-identical. A sequence step varies its words.
describe('variants of a sequence step', () => {
  const NOTES = (due: string, variants: string) => `name: Weekly notes
steps:
  - id: weekly
    channel: email
    template: note
    subject: Your move this week
${due}
${variants}`;

  it('are read in order', () => {
    const { content, printed } = check({
      'plans/notes.yaml': NOTES(
        '    due: { rule: sequence, trigger: became-client, count: 3, spacingDays: 7 }',
        `    variants:
      - subject: Week one
        suggestion: What happens first.
      - suggestion: Searches and surveys.`,
      ),
    });
    expect(printed).toBe('');
    expect(content.plans[0].data.steps[0].variants).toEqual([
      { subject: 'Week one', suggestion: 'What happens first.' },
      { suggestion: 'Searches and surveys.' },
    ]);
  });

  it('belong to a sequence, one variant a touch at most', () => {
    const { printed } = check({
      'plans/notes.yaml': NOTES('    due: { rule: monthly, day: 1 }', '    variants: [{ subject: One }]'),
      'plans/more.yaml': NOTES(
        '    due: { rule: sequence, trigger: became-client, count: 1, spacingDays: 7 }',
        '    variants: [{ subject: One }, { subject: Two }]',
      ),
    });
    expect(printed).toMatchInlineSnapshot(`
      "plans/more.yaml:8:15 steps[0].variants: lists 2 variants for a sequence of 1 touch: one a touch at most
        Change the value to one inside the range shown.
      plans/notes.yaml:8:15 steps[0].variants: are for sequence steps only, and this step's rule is monthly: remove them, or make the step a sequence
        Correct the value."
    `);
  });
});
