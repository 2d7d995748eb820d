/**
 * `npm run settle -- TOUCH --sent|--not-sent [--content DIR]`: record what became of a touch whose
 * outcome is unknown (the server may or may not have taken the email). Until then every daily run
 * lists it under "Needs you" and exits 3. `--sent` records it as sent; `--not-sent` releases it,
 * so the next run sends it if it is still within the grace window. Exit 1 when there is nothing
 * to settle or history has problems, 75 when another run holds the lock.
 */
import path from 'node:path';
import { parseCommandArgs, UsageError, printProblems, runCommand } from '../../src/adapters/cli/index.ts';
import { openHistoryJournal, readHistoryFiles, takeRunLock } from '../../src/adapters/fs/index.ts';
import { EXIT } from '../../src/core/problems/index.ts';
import { settleEntry } from '../../src/core/touches/index.ts';

const USAGE = 'usage: npm run settle -- TOUCH --sent|--not-sent [--content DIR] (TOUCH is the id listed under "Needs you")';

runCommand(async () => {
  const { values, positionals } = parseCommandArgs(process.argv.slice(2), {
    sent: { type: 'boolean', default: false },
    'not-sent': { type: 'boolean', default: false },
  });
  if (positionals.length !== 1 || values.sent === values['not-sent']) throw new UsageError(USAGE);
  const [touch] = positionals;
  const historyDir = path.join(values.content, 'history');
  const lock = await takeRunLock(historyDir, 'npm run settle');
  if (!lock.ok) {
    console.error(lock.message);
    return EXIT.locked;
  }
  if (lock.notice) console.error(lock.notice);
  try {
    const { entries, problems, lastFileOf } = await readHistoryFiles(historyDir);
    printProblems(problems);
    if (problems.length) {
      console.error('Nothing was settled: history has problems. Restore the lines shown above from Git first.');
      return 1;
    }
    const at = Temporal.Now.instant().toString();
    const settled = settleEntry(entries, touch, values.sent ? 'sent' : 'not-sent', at);
    if (!settled.ok) {
      console.error(`Nothing was settled: ${settled.reason}.`);
      return 1;
    }
    // Right after the touch's last entry, in the same file: later files hold only later runs.
    const journal = await openHistoryJournal(historyDir, lastFileOf.get(touch) ?? at.slice(0, 7));
    try {
      await journal.append([settled.entry], { durable: true });
    } finally {
      await journal.close();
    }
    console.log(
      values.sent
        ? `Settled ${touch} as sent: it counts as a touch and is no longer listed.`
        : `Settled ${touch} as not sent: the next run sends it if it is still within graceDays of its due day (else it is reported as missed).`,
    );
    return 0;
  } finally {
    await lock.release();
  }
});
