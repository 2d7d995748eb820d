/**
 * `npm run intake -- MESSAGE.eml… [--content DIR] [--date D]`, or `-- --imap` to read the new
 * messages of the mailbox at IMAP_URL: replies to testimonial requests become draft testimonials,
 * unsubscribe requests mark the contact, bounces flag the address; anything else is listed and
 * left alone. Exit 1 when a message could not be read (the others are still taken in); exit 75
 * when another run holds the lock on the content's history.
 */
import path from 'node:path';
import { clockOn, parseCommandArgs, UsageError, todayIn, printProblems, runCommand } from '../../src/adapters/cli/index.ts';
import { takeInMailbox, readMessageFiles } from '../../src/adapters/mailbox/index.ts';
import { readIntakeContent, takeRunLock, writeIntake } from '../../src/adapters/fs/index.ts';
import { signerFromEnv } from '../../src/adapters/signing/index.ts';
import { EXIT } from '../../src/core/problems/index.ts';
import { planIntake, formatIntakeSummary, formatOutcome } from '../../src/core/intake/index.ts';
import { isCalendarDate } from '../../src/core/model/index.ts';
import type { Sign } from '../../src/core/signing/index.ts';

const USAGE = 'usage: npm run intake -- MESSAGE.eml… [--content DIR] [--date D], or npm run intake -- --imap (reads IMAP_URL)';

runCommand(async () => {
  const { values, positionals } = parseCommandArgs(process.argv.slice(2), {
    imap: { type: 'boolean', default: false },
    date: { type: 'string' },
  });
  if (values.date && !isCalendarDate(values.date)) throw new UsageError(`--date ${values.date} is not a real date (write YYYY-MM-DD)`);
  const date = values.date ? Temporal.PlainDate.from(values.date) : undefined;
  if (values.imap === positionals.length > 0) throw new UsageError(USAGE);
  const signer = signerFromEnv(process.env);
  if (!signer.ok) throw new UsageError(signer.problem);
  // Intake writes contacts and testimonials: never beside a daily run on the same content.
  const lock = await takeRunLock(path.join(values.content, 'history'), 'npm run intake');
  if (!lock.ok) {
    console.error(lock.message);
    return EXIT.locked;
  }
  if (lock.notice) console.error(lock.notice);
  try {
    return await takeIn(values.content, values.imap, positionals, date, signer.sign);
  } finally {
    await lock.release();
  }
});

async function takeIn(
  content: string,
  imap: boolean,
  positionals: string[],
  date: Temporal.PlainDate | undefined,
  sign?: Sign,
): Promise<number> {
  if (imap) return (await takeInMailbox(process.env.IMAP_URL ?? '', content, { date: date?.toString(), sign })) ? 1 : 0;

  const read = await readIntakeContent(content);
  printProblems(read.problems);
  if (!read.input) return 1;
  const input = sign ? { ...read.input, sign } : read.input;
  const { messages, problems } = await readMessageFiles(positionals, { trustedAuthServId: input.settings.intake?.trustedAuthServId });
  const plan = planIntake(messages, input, date ?? todayIn(input.settings.timeZone), clockOn(date, input.settings.timeZone)());
  const written = await writeIntake(content, plan);
  if (!written.ok) {
    console.error(
      `Intake stopped: ${written.reason}. Run it again on the same messages once that is fixed: what was written is not written twice.`,
    );
    return 1;
  }
  for (const o of plan.outcomes) console.log(formatOutcome(o));
  printProblems(problems);
  console.log(formatIntakeSummary(positionals.length, plan, problems.length));
  return problems.length ? 1 : 0;
}
