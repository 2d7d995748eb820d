/**
 * "Import contacts": a CSV, vCard or LDIF export attached to the issue (a .vcf or .ldif zipped, or
 * renamed to .txt, as GitHub may refuse either as it is; or a zip of several, as Mailchimp exports an
 * audience), imported as `npm run import` does. The form
 * names the file; once it is downloaded, `planAttachmentImport` plans the import.
 */
import {
  chooseExports,
  groupProblems,
  readAddressBook,
  readExport,
  startImport,
  unitOf,
  unpackExports,
  type ExistingContact,
} from '../../import/index.ts';
import type { Problem } from '../../problems/index.ts';
import { SEGMENTS, type DateOrder, type Segment } from '../../model/index.ts';
import { readAnswers } from '../answers.ts';
import type { FormChange, FormKind, FormResult } from '../form.ts';

const REPLACE = "Replace what a contact's file already says with the export's values";

export const importContactsForm: FormKind = {
  id: 'import-contacts',
  name: 'Import contacts',
  fields: [
    { id: 'file', label: 'The file', type: 'textarea', required: true },
    { id: 'segment', label: 'Segment of new contacts', type: 'dropdown', options: SEGMENTS, required: true },
    { id: 'source', label: 'Where the file came from', type: 'input' },
    { id: 'update', label: 'Update', type: 'checkboxes', options: [REPLACE] },
  ],
  toChange(values, context) {
    const a = readAnswers(importContactsForm, values, context);
    const text = a.required('file') ?? '';
    const segment = a.required('segment') as Segment | undefined;
    const links = [...text.matchAll(/\[([^\]]*)\]\((\S+?)\)/g)].map((m) => ({ name: m[1], url: m[2] }));
    const attached = links.filter((l) => l.url.startsWith(`${context.server.replace(/\/$/, '')}/user-attachments/`));
    if (text && !attached.length)
      a.fail(
        'file',
        links.length
          ? `links to ${links[0].url}, which is not a file attached to this issue: drag the file itself into the box (a .vcf or .ldif zipped)`
          : 'has no file attached: drag the export into the box, a .csv as it is, a .vcf or .ldif zipped (or renamed to .txt)',
      );
    if (attached.length > 1) a.fail('file', `has ${attached.length} files attached: attach one file to each issue`);
    if (a.problems.length || !segment) return { ok: false, problems: a.problems };
    const source = a.text('source');
    return {
      ok: true,
      change: { kind: 'import', attachment: attached[0], segment, ...(source ? { source } : {}), update: a.ticked('update').length > 0 },
    };
  },
};

/**
 * The contact files to create and change for the downloaded `bytes`. As with `npm run import`, a
 * row that cannot be read is left out, and so is a value (the person is imported without it);
 * each kind of problem is a line of `leftOut`, for the pull request and the issue. The import is
 * refused when it would bring nothing new, or when the file is an archive with no export to read.
 */
export function planAttachmentImport(
  bytes: Uint8Array,
  asked: Extract<FormChange, { kind: 'import' }>,
  existing: readonly ExistingContact[],
  context: { today: Temporal.PlainDate; dateOrder?: DateOrder; timeZone?: string; encoding?: string; issue: { number: number } },
): FormResult {
  const field = importContactsForm.fields[0].label;
  // A .vcf or .ldif may come zipped (GitHub may refuse either as it is): read as the file inside.
  const unpacked = unpackExports(bytes, asked.attachment.name);
  if ('problem' in unpacked) return { ok: false, problems: [{ field, message: archiveMessage(unpacked.problem) }] };
  const books = unpacked.exports.map(({ bytes, name }) => {
    const book = readAddressBook(readExport(bytes, { fallback: context.encoding }).text, name, {
      dateOrder: context.dateOrder,
      timeZone: context.timeZone,
    });
    return { name, ...book };
  });
  const chosen = chooseExports(books, asked.attachment.name);
  if ('problem' in chosen) return { ok: false, problems: [{ field, message: archiveMessage(chosen.problem) }] };
  // The exports of one archive are planned as one import: a person in two of them is one contact.
  const name = chosen.read.length === 1 ? chosen.read[0].name : asked.attachment.name;
  const exportOf = (book: (typeof chosen.read)[number]) => ({
    file: book.name,
    source: asked.source ?? `${book.name}, attached to GitHub issue #${context.issue.number}`,
    unit: unitOf(book.format),
  });
  const planner = startImport(existing, {
    ...exportOf(chosen.read[0]),
    today: context.today,
    segment: asked.segment,
    update: asked.update,
  });
  for (const book of chosen.read) {
    planner.from(exportOf(book));
    for (const person of book.people) planner.add(person);
  }
  const plan = planner.finish();
  const guessed = chosen.read.flatMap((book) => book.guessed ?? []);
  const skipped = chosen.skipped.map(
    (book) => `${book.name}: skipped, its columns are not an address book the import knows (attach it alone if it is one)`,
  );
  // A kind of problem in many rows is one line naming its first rows; an issue has no --verbose.
  const leftOut = [
    ...groupProblems([...chosen.read.flatMap((book) => book.problems), ...plan.problems], false).flatMap((g) =>
      g.lines.map((line) => line.replace(/; --verbose lists all\)$/, ')')),
    ),
    ...skipped,
  ];
  if (!plan.create.length && !plan.update.length) {
    const nothing = plan.unchanged.length
      ? `brings nothing new: its ${plan.unchanged.length} people are all contacts already`
      : 'brings no one who could be imported';
    const said = leftOut.map((line) => ({ field, message: line.replace(/; imported without it$/, '') }));
    return { ok: false, problems: [{ field, message: nothing }, ...said] };
  }
  const labels = { '': field };
  const s = (n: number) => (n === 1 ? '' : 's');
  const what = `${plan.create.length} new contact${s(plan.create.length)}, ${plan.update.length} updated`;
  return {
    ok: true,
    change: {
      kind: 'files',
      create: plan.create.map((c) => ({ folder: 'contacts', id: c.id, data: c.data, labels })),
      edit: plan.update.map((u) => ({ folder: 'contacts', id: u.id, file: u.file, changes: u.changes, labels })),
      title: `Import contacts from ${name}: ${what}`,
      summary: `the contacts in ${name} (${what}${guessed.length ? `; columns read by their values: ${guessed.join(', ')}` : ''})`,
      ...(leftOut.length ? { leftOut } : {}),
    },
  };
}

// On the issue the archive's problem is one line: what is wrong with it, then what to do.
function archiveMessage(p: Problem): string {
  return `${p.file} ${p.message}. ${p.hint}`;
}
