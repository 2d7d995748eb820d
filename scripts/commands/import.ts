/**
 * `npm run import -- FILE [--content DIR] [--source NAME] [--update] [--map "Header=field,…"]
 * [--segment S] [--encoding NAME] [--date D] [--verbose]`: contacts from a Google or Outlook CSV, any CSV with a
 * header row, a vCard or an LDIF file, as it is or in a .zip or .gz, merged into contacts/
 * without duplicates. The exports of one archive (Mailchimp's three lists) are imported one after
 * the other, as if given one at a time. Prints, for each, the counts, the problems by kind (a kind
 * with many rows counted, its first rows named), and the contacts created or updated when they are
 * few (every problem and contact with --verbose). Exit 1 when a row or a value could not be
 * imported, or when an archive holds no export to read (then nothing is written).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCommandArgs, UsageError, printProblemGroups, printProblems, runCommand } from '../../src/adapters/cli/index.ts';
import { changeContactFiles, newContactFiles, openContactFiles, readImportHints } from '../../src/adapters/fs/index.ts';
import {
  chooseExports,
  groupProblems,
  isKnownEncoding,
  openAddressBook,
  parseHeaderMap,
  type HeaderMap,
  type ImportPlan,
  type OpenedAddressBook,
  readExport,
  startImport,
  summarizeArchive,
  summarizeImport,
  unitOf,
  unpackExports,
} from '../../src/core/import/index.ts';
import { EXIT } from '../../src/core/problems/index.ts';
import { SegmentSchema, type Segment } from '../../src/core/model/index.ts';

const FORMAT_NAMES = {
  google: 'Google Contacts export',
  outlook: 'Outlook export',
  yahoo: 'Yahoo Mail export',
  linkedin: 'LinkedIn export',
  mailchimp: 'Mailchimp audience export',
  generic: 'CSV file',
  vcard: 'vCard export',
  ldif: 'LDIF export',
};

// Rows read between two hand-outs of new contacts to the file writer.
const BATCH = 1000;
// The exports of an archive told in full, each with its contacts; more are told a line each.
const SPELLED_OUT = 3;

runCommand(async () => {
  const { values, positionals } = parseCommandArgs(process.argv.slice(2), {
    source: { type: 'string' },
    update: { type: 'boolean', default: false },
    map: { type: 'string' },
    segment: { type: 'string', default: 'sphere' },
    encoding: { type: 'string' },
    date: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  });
  if (positionals.length !== 1)
    throw new UsageError('usage: npm run import -- FILE [--content DIR] [--source NAME] [--update] [--map "Header=field"]');
  const segment = SegmentSchema.safeParse(values.segment);
  if (!segment.success) throw new UsageError(`--segment: use one of ${SegmentSchema.options.join(', ')}`);
  let map: HeaderMap | undefined;
  if (values.map) {
    const parsed = parseHeaderMap(values.map);
    if ('error' in parsed) throw new UsageError(parsed.error);
    map = parsed.map;
  }
  if (values.encoding && !isKnownEncoding(values.encoding))
    throw new UsageError(
      `--encoding: "${values.encoding}" is not an encoding the import knows (use one like windows-1250, iso-8859-2 or utf-16le)`,
    );
  const [given] = positionals;
  const bytes = await readFile(given).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'EISDIR') throw new UsageError(`${given}: no such file`);
    throw error;
  });
  // A zipped export is read as the file inside it, and named so: contacts.zip/Contacts.vcf; each
  // export of several in turn, each one planned against what the one before it wrote.
  const unpacked = unpackExports(bytes, given);
  if ('problem' in unpacked) {
    printProblems([unpacked.problem]);
    return EXIT.problems;
  }
  const hints = await readImportHints(values.content);
  const opened = unpacked.exports.map(({ bytes, name }) => {
    const { text, encoding } = readExport(bytes, { encoding: values.encoding, fallback: hints.encoding });
    const book = openAddressBook(text, name, { map, dateOrder: hints.dateOrder, timeZone: hints.timeZone });
    return { name, encoding, book, format: book.format };
  });
  const chosen = chooseExports(opened, given);
  if ('problem' in chosen) {
    printProblems([chosen.problem]);
    return EXIT.problems;
  }
  // A zip of a file a person (a phone's or Outlook's vCards, shared one by one) is told a line a file.
  const oneLine = chosen.read.length > SPELLED_OUT;
  const options = { ...values, segment: segment.data, given, today: today(hints.timeZone, values.date), oneLine };
  const done = { status: 0, created: 0, updated: 0, unchanged: 0 };
  for (const [i, { name, encoding, book }] of chosen.read.entries()) {
    if (i > 0 && (!oneLine || values.verbose)) console.log('');
    const { status, plan } = await importExport(book, name, encoding, options);
    done.status = Math.max(done.status, status);
    done.created += plan.create.length;
    done.updated += plan.update.length;
    done.unchanged += plan.unchanged.length;
  }
  if (oneLine) console.log(summarizeArchive(given, chosen.read.length, done));
  for (const { name } of chosen.skipped)
    console.log(`Skipped ${name}: its columns are not an address book the import knows (import it alone if it is one)`);
  return done.status;
});

/** Imports one opened export into the content folder, prints what it did, and gives the exit status and the plan. */
async function importExport(
  book: OpenedAddressBook,
  file: string,
  encoding: string,
  options: {
    content: string;
    source?: string;
    update: boolean;
    verbose: boolean;
    segment: Segment;
    given: string;
    today: Temporal.PlainDate;
    oneLine: boolean;
  },
): Promise<{ status: number; plan: ImportPlan }> {
  const onFile = openContactFiles(options.content);
  // Into a folder larger than the export (mostly people on file already), the rows are read while
  // workers read the folder; else each row is read as it is planned, and new contacts are written
  // in batches while the rest of the export is read.
  const rows = onFile.size >= book.size ? [...book.rows] : book.rows;
  // A CSV's people are counted by row, a vCard file's by card.
  const unit = unitOf(book.format);
  const planner = startImport(await onFile.contacts, {
    file,
    source: options.source ?? `${FORMAT_NAMES[book.format]} ${path.relative(path.dirname(options.given), file)}`,
    today: options.today,
    segment: options.segment,
    update: options.update,
    unit,
  });
  const files = newContactFiles(options.content, book.size);
  const problems = [...book.problems];
  let read = 0;
  for (const row of rows) {
    if (row.person) planner.add(row.person);
    problems.push(...row.problems);
    if (++read % BATCH === 0) files.write(planner.take());
  }
  files.write(planner.take());
  const plan = planner.finish();
  await files.finish(plan.rewrite);
  await changeContactFiles(plan.update);
  problems.push(...plan.problems);
  const described = `${FORMAT_NAMES[book.format]}${encoding === 'utf-8' ? '' : `, ${encoding === 'macintosh' ? 'Mac OS Roman' : encoding.toUpperCase()}`}`;
  const summary = summarizeImport(plan, problems, { file, described, verbose: options.verbose, unit, oneLine: options.oneLine });
  console.log(summary.counts.join('\n'));
  printProblemGroups(groupProblems(problems, options.verbose));
  if (book.guessed?.length) {
    console.log(
      `Columns read by their values: ${book.guessed.join(', ')} (if that is wrong, give the file a header row, or name its columns with --map)`,
    );
  }
  if (book.format === 'generic' && book.ignored.length) console.log(`Columns not imported: ${book.ignored.join(', ')}`);
  if (summary.contacts.length) console.log(summary.contacts.join('\n'));
  return { status: problems.length ? 1 : 0, plan };
}

/** `--date`, else today in the business's time zone, else the machine's. */
function today(zone: string | undefined, date: string | undefined): Temporal.PlainDate {
  if (date) {
    try {
      return Temporal.PlainDate.from(date, { overflow: 'reject' });
    } catch {
      throw new UsageError(`--date: "${date}" is not a date written as YYYY-MM-DD`);
    }
  }
  try {
    return Temporal.Now.plainDateISO(zone);
  } catch {
    return Temporal.Now.plainDateISO();
  }
}
