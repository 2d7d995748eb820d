/**
 * `npm run unsubscribe -- EVENT.json [--content DIR] [--date D]`: records the one-click
 * unsubscribe a `repository_dispatch` event carries (the endpoint in `workers/unsubscribe/` sends
 * it). The token is checked again with REFERABLE_SECRET, and the contact is marked unsubscribed
 * through intake, with the moment and the token as evidence. Exit 1, with nothing written, when
 * the token is not ours or names no contact; 2 when the event is not one; 75 when another run
 * holds the lock on the content's history. `npm run commit-history` then commits the change.
 */
import path from 'node:path';
import { clockOn, parseCommandArgs, printProblems, runCommand, todayIn, UsageError } from '../../src/adapters/cli/index.ts';
import { readIntakeContent, takeRunLock, writeIntake } from '../../src/adapters/fs/index.ts';
import { readUnsubscribeEvent } from '../../src/adapters/github/index.ts';
import { signerFromEnv } from '../../src/adapters/signing/index.ts';
import { formatOutcome, planOneClickUnsubscribe } from '../../src/core/intake/index.ts';
import { isCalendarDate } from '../../src/core/model/index.ts';
import { EXIT } from '../../src/core/problems/index.ts';

runCommand(async () => {
  const { values, positionals } = parseCommandArgs(process.argv.slice(2), { date: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('usage: npm run unsubscribe -- EVENT.json [--content DIR] [--date D]');
  if (values.date && !isCalendarDate(values.date)) throw new UsageError(`--date ${values.date} is not a real date (write YYYY-MM-DD)`);
  const request = await readUnsubscribeEvent(positionals[0]);
  const signer = signerFromEnv(process.env);
  if (!signer.ok) throw new UsageError(signer.problem);
  if (!signer.sign) throw new UsageError('REFERABLE_SECRET is not set: a one-click unsubscribe cannot be checked without it.');
  const lock = await takeRunLock(path.join(values.content, 'history'), 'npm run unsubscribe');
  if (!lock.ok) {
    console.error(lock.message);
    return EXIT.locked;
  }
  if (lock.notice) console.error(lock.notice);
  try {
    const read = await readIntakeContent(values.content);
    printProblems(read.problems);
    if (!read.input) return EXIT.problems;
    const { timeZone } = read.input.settings;
    const date = values.date ? Temporal.PlainDate.from(values.date) : undefined;
    const input = { ...read.input, sign: signer.sign };
    const planned = planOneClickUnsubscribe(request, input, date ?? todayIn(timeZone), clockOn(date, timeZone)());
    if (!planned.ok) {
      console.error(`Nothing was written: ${planned.reason}.`);
      return EXIT.problems;
    }
    const written = await writeIntake(values.content, planned.plan);
    if (!written.ok) {
      console.error(`Nothing was recorded: ${written.reason}. Run the workflow again once that is fixed.`);
      return EXIT.problems;
    }
    for (const outcome of planned.plan.outcomes) console.log(formatOutcome(outcome));
    return EXIT.ok;
  } finally {
    await lock.release();
  }
});
