/**
 * `npm run preview -- [--date D] [--days N] [--out DIR] [--content DIR]`: render every email due
 * from D (today in the business's time zone) for N days (1) into DIR (preview/), as
 * `<touch id>.html` and `.txt`, with an index.html to open in a browser. Nothing is sent and no
 * history is written.
 */
import path from 'node:path';
import { clockOn, todayIn, parseRangeArgs, printProblems, runCommand, UsageError } from '../../src/adapters/cli/index.ts';
import { readContent, preparePreviewDir, writePreviewFile } from '../../src/adapters/fs/index.ts';
import { asContentProblems, compileLayouts, problemsByLayout } from '../../src/adapters/layouts/index.ts';
import { signerFromEnv } from '../../src/adapters/signing/index.ts';
import { emailPreparer } from '../../src/core/daily/index.ts';
import { planTouches } from '../../src/core/planning/index.ts';
import { previewFiles, previewIndex, type PreviewEntry, type PreviewProblem } from '../../src/core/preview/index.ts';
import { countOf } from '../../src/core/problems/index.ts';

const USAGE = 'npm run preview -- [--date YYYY-MM-DD] [--days N] [--out DIR] [--content DIR]';

runCommand(async () => {
  const { values, date, days } = parseRangeArgs(process.argv.slice(2), { out: { type: 'string', default: 'preview' } }, USAGE);
  const out = values.out;
  const signer = signerFromEnv(process.env);
  if (!signer.ok) throw new UsageError(signer.problem);
  // With the secret, the preview shows the signed links the emails will carry.
  const signed = signer.sign ? { sign: signer.sign } : {};
  await preparePreviewDir(out);
  const { content, problems } = await readContent(values.content);
  printProblems(problems);
  const settings = content.settings;
  if (!settings) return 1;
  const from = date ?? todayIn(settings.timeZone);
  const plan = planTouches({ ...content, settings }, { from, days });
  const due = plan.due.filter((t) => t.channel === 'email');
  const compiled = await compileLayouts(settings, { names: due.map((t) => t.template ?? 'note') });
  printProblems(asContentProblems(compiled.problems));
  const layoutProblems = problemsByLayout(compiled.problems);

  const emails: PreviewEntry[] = [];
  const held: PreviewProblem[] = [];
  const names = new Map(content.contacts.map((c) => [c.id, c.data.name]));
  for (const [day, touches] of Map.groupBy(due, (t) => t.date.toString())) {
    const today = Temporal.PlainDate.from(day);
    const now = clockOn(today, settings.timeZone);
    const prepare = emailPreparer({ content, settings, today, layouts: compiled.layouts, layoutProblems, now, ...signed });
    for (const touch of touches) {
      const prepared = prepare(touch);
      if (!prepared.ok) {
        held.push({ touch, reason: prepared.reason });
        continue;
      }
      const files = previewFiles(touch.id);
      await writePreviewFile(out, files.html, prepared.email.html);
      await writePreviewFile(out, files.text, prepared.email.text);
      emails.push({ touch, name: names.get(touch.contact) ?? touch.contact, subject: prepared.email.subject });
    }
  }
  const notSent = { skipped: plan.skipped.length, missed: plan.missed.length };
  await writePreviewFile(
    out,
    'index.html',
    previewIndex({ business: settings.business.name, from, days, emails, problems: held, notSent }),
  );

  for (const { touch, reason } of held) console.error(`${touch.id}: not rendered: ${reason}`);
  const range = days === 1 ? `on ${from}` : `from ${from} to ${from.add({ days: days - 1 })}`;
  console.log(`${countOf(emails.length, 'email')} due ${range} rendered into ${out}/ (nothing sent).`);
  console.log(`Open ${path.join(out, 'index.html')} in a browser to review them.`);
  return problems.length || compiled.problems.length || held.length ? 1 : 0;
});
