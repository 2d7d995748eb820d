/** Messages built by the real pipeline from test/fixtures/email, for delivery tests. */
import { readContent } from '../../src/adapters/fs/index.ts';
import { compileLayouts } from '../../src/adapters/layouts/index.ts';
import { buildMessage, type OutgoingEmail, createPersonalizer, renderEmail } from '../../src/core/email/index.ts';
import { renderBody } from '../../src/core/markup/index.ts';
import type { Sign } from '../../src/core/signing/index.ts';
import { touchId, type DueTouch } from '../../src/core/touches/index.ts';

export const FIXTURE = new URL('../fixtures/email/', import.meta.url).pathname;
const FIXTURE_DAY = Temporal.PlainDate.from('2026-11-03');

/** A due email touch made by hand (the planner's shape). */
export function emailTouch(contact: string, template: string, extra: Partial<DueTouch> = {}): DueTouch {
  const plan = extra.plan ?? 'hand-made';
  const step = extra.step ?? template;
  return {
    id: touchId(contact, plan, step, FIXTURE_DAY),
    contact,
    plan,
    step,
    channel: 'email',
    due: FIXTURE_DAY,
    date: FIXTURE_DAY,
    priority: 50,
    reason: 'made by hand in a test',
    template,
    ...extra,
  };
}

/** Builds the messages for `touches` from the email fixture; with `sign`, as REFERABLE_SECRET would. */
export async function fixtureMessages(
  touches: DueTouch[],
  now = Temporal.Instant.from('2026-11-03T09:00:00Z'),
  sign?: Sign,
): Promise<OutgoingEmail[]> {
  const { content, problems } = await readContent(FIXTURE);
  if (problems.length || !content.settings) throw new Error(`fixture has problems: ${JSON.stringify(problems)}`);
  const settings = content.settings;
  const { layouts } = await compileLayouts(settings);
  const personalizer = createPersonalizer(content, settings, FIXTURE_DAY, { sign, renderBody });
  return touches.map((touch) => {
    const out = personalizer.personalize(touch);
    if (!out.ok) throw new Error(out.reason);
    const layout = layouts.get(out.draft.layout);
    if (!layout) throw new Error(`no layout ${out.draft.layout}`);
    return buildMessage(out.draft, renderEmail(layout, out.draft.fields), settings, now, sign);
  });
}
