/**
 * `npm run log -- CONTACT --channel C [--date D] [--note T] [--content DIR]`: record a touch done
 * outside the plans (a call, a coffee) as a `done` entry of plan `manual` in the history file of
 * its month. It counts like any other touch: keep-in-touch steps count from it. Exit 1 when the
 * contact is unknown, the day is in the future or the content has problems, 2 for a bad command
 * line, 75 when another run holds the lock.
 */
import path from 'node:path';
import { parseCommandArgs, UsageError, printProblems, runCommand, todayIn } from '../../src/adapters/cli/index.ts';
import { openHistoryJournal, readContent, takeRunLock } from '../../src/adapters/fs/index.ts';
import { EXIT } from '../../src/core/problems/index.ts';
import { CHANNELS, isCalendarDate } from '../../src/core/model/index.ts';
import { logTouch } from '../../src/core/touches/index.ts';

const USAGE = `usage: npm run log -- CONTACT --channel ${CHANNELS.join('|')} [--date YYYY-MM-DD] [--note TEXT] [--content DIR]`;

runCommand(async () => {
  const { values, positionals } = parseCommandArgs(process.argv.slice(2), {
    channel: { type: 'string' },
    date: { type: 'string' },
    note: { type: 'string' },
  });
  if (positionals.length !== 1 || !values.channel) throw new UsageError(USAGE);
  if (!(CHANNELS as readonly string[]).includes(values.channel))
    throw new UsageError(`--channel: "${values.channel}" is not a channel; use one of ${CHANNELS.join(', ')}`);
  if (values.date && !isCalendarDate(values.date)) throw new UsageError(`--date: ${values.date} is not a real date (write YYYY-MM-DD)`);
  const historyDir = path.join(values.content, 'history');
  const lock = await takeRunLock(historyDir, 'npm run log');
  if (!lock.ok) {
    console.error(lock.message);
    return EXIT.locked;
  }
  if (lock.notice) console.error(lock.notice);
  try {
    const { content, problems } = await readContent(values.content);
    const blocking = problems.filter((p) => p.file.startsWith(`${historyDir}/`) || p.file.endsWith('settings.yaml'));
    printProblems(blocking);
    if (!content.settings || blocking.length) {
      console.error('Nothing was logged: fix the problems above first (the history and the time zone in settings.yaml are needed).');
      return EXIT.problems;
    }
    const today = todayIn(content.settings.timeZone);
    const date = values.date ?? today.toString();
    const [contact] = positionals;
    const request = { contact, channel: values.channel, date, ...(values.note === undefined ? {} : { note: values.note }) };
    const contacts = new Set(content.contacts.map((c) => c.id));
    const logged = logTouch(request, { contacts, history: content.history }, today, Temporal.Now.instant().toString());
    if (!logged.ok) {
      printProblems(problems.filter((p) => path.basename(p.file).startsWith(`${contact}.`)));
      console.error(`Nothing was logged: ${logged.field}: ${logged.message}.`);
      return EXIT.problems;
    }
    const name = content.contacts.find((c) => c.id === contact)?.data.name ?? contact;
    const what = `${/^[aeiou]/.test(values.channel) ? 'an' : 'a'} ${values.channel} with ${name} on ${date}`;
    if ('already' in logged) {
      console.log(`Already logged: ${what} (${logged.already.touch}). A channel counts once a day; nothing was written.`);
      return EXIT.ok;
    }
    const journal = await openHistoryJournal(historyDir, date.slice(0, 7));
    try {
      await journal.append([logged.entry], { durable: true });
    } finally {
      await journal.close();
    }
    console.log(`Logged ${what} in ${journal.file} (${logged.entry.touch}).`);
    console.log('It counts as a touch: keep-in-touch steps count from it.');
    return EXIT.ok;
  } finally {
    await lock.release();
  }
});
