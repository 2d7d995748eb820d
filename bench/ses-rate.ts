/**
 * `npm run bench -- ses-rate [--count N]`: the daily job's send phase (claim, render, send, record)
 * through Amazon SES v2's SDK to a stand-in that allows 14 messages a second, SES's starting quota,
 * and says so in GetAccount. The run should keep within the rate (no throttling) and finish within
 * 10% of N/14 seconds. N is 10,000 by default, about 12 minutes; `--count 300` checks it in ~21 s.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { openHistoryJournal, readContent } from '../src/adapters/fs/index.ts';
import { compileLayouts } from '../src/adapters/layouts/index.ts';
import { openSesDelivery } from '../src/adapters/mail/index.ts';
import { deliverEmails, emailPreparer } from '../src/core/daily/index.ts';
import { createPersonalizer, SUBJECTS_ONLY } from '../src/core/email/index.ts';
import { planTouches } from '../src/core/planning/index.ts';
import { generateContent, SETTINGS } from '../test/helpers/generate-content.ts';
import { addToTree, removeTree, writeTree } from '../test/helpers/temp-dir.ts';
import { fmtMs } from './lib/measure.ts';
import { startSesStandIn } from './lib/ses-stand-in.ts';

const RATE = 14;
const FULL = 10_000;
const { values } = parseArgs({ options: { count: { type: 'string', default: String(FULL) } } });
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) throw new Error(`--count ${values.count} is not a whole number of emails`);
const DAY = Temporal.PlainDate.from('2026-11-03');

// About 70% of generated contacts get the newsletter.
const dir = await writeTree({}, 'referable-bench-ses-rate-');
const tree = generateContent({ contacts: Math.ceil(count * 1.5) + 50, seed: 42 });
// limits.perSecond above SES's quota: the rate SES gives in GetAccount is the one that must hold.
tree['settings.yaml'] = stringify({ ...SETTINGS, limits: { perDay: 1_000_000, perSecond: 100 } });
await addToTree(path.join(dir, 'content'), tree);
const { content, problems } = await readContent(path.join(dir, 'content'));
if (problems.length || !content.settings) throw new Error(`generated content has problems: ${problems[0]?.message}`);
const settings = content.settings;
const { layouts } = await compileLayouts(settings);
const now = () => '2026-11-03T09:00:00Z';
const personalizer = createPersonalizer(content, settings, DAY, { renderBody: SUBJECTS_ONLY });
const touches = planTouches({ ...content, settings, history: [] }, { from: DAY, days: 1 })
  .due.filter((t) => t.template === 'newsletter' && personalizer.personalize(t).ok)
  .slice(0, count);
if (touches.length < count) throw new Error(`only ${touches.length} newsletters could be planned`);

const standIn = await startSesStandIn({ rate: RATE, maxSendRate: RATE });
const start = await openSesDelivery({ perSecond: settings.limits.perSecond, sender: settings.sender.email, config: standIn.config });
if (!start.ok) throw new Error(start.problem);
const journal = await openHistoryJournal(path.join(dir, 'history'), '2026-11');
console.log(
  `${count.toLocaleString('en')} newsletters through the SES adapter to a stand-in allowing ${RATE} a second (limits.perSecond ${settings.limits.perSecond}); the adapter chose ${start.rate} a second.${count < FULL ? ` A brief check: the full figure is --count ${FULL} (about ${Math.round(FULL / RATE / 60)} minutes).` : ''}`,
);
const began = performance.now();
const report = await deliverEmails({
  touches,
  prepare: emailPreparer({ content, settings, today: DAY, layouts, now }),
  delivery: start.delivery,
  journal,
  now,
});
const ms = performance.now() - began;
await journal.close();
await start.delivery.close();
const { accepted, throttled } = await standIn.count();
await standIn.close();
await removeTree(dir);

const sent = report.results.filter((r) => r.outcome.status === 'sent').length;
// The first message goes at once, each next one 1/14 s later.
const ideal = ((count - 1) / RATE) * 1000;
console.log(`sent ${sent} of ${count} (the stand-in took ${accepted}); throttled requests: ${throttled}`);
const others = report.results.filter((r) => r.outcome.status !== 'sent');
for (const r of others.slice(0, 5)) console.log(`  not sent: ${r.touch.id}: ${JSON.stringify(r.outcome)}`);
console.log(
  `time ${fmtMs(ms)}; at exactly ${RATE} a second: ${fmtMs(ideal)}; ratio ${(ms / ideal).toFixed(3)} (aim: 1.10 or less, with no throttling)`,
);
console.log(`achieved rate: ${((sent / ms) * 1000).toFixed(2)} a second (SES allows ${RATE})`);
