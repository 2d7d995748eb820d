import { describe, expect, it } from 'vitest';
import { problem } from '../problems/index.ts';
import { rowProblem } from './person.ts';
import { groupProblems, summarizeImport } from './summary.ts';

const created = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `person-${i}`, rows: [i + 2], data: { name: `Person ${i}` } }));
const options = { file: 'exports/contacts.csv', described: 'Google Contacts export', verbose: false };

describe('summarizeImport', () => {
  it('tells one of many exports of an archive on one line, unless asked for all', () => {
    const plan = { create: created(1), update: [], unchanged: [3, 4] };
    const file = { ...options, file: 'vcards.zip/Ana Ruiz.vcf', described: 'vCard export', unit: 'card' as const, oneLine: true };
    expect(summarizeImport(plan, [{ code: 'BadImportValue' }], file)).toEqual({
      counts: ['vcards.zip/Ana Ruiz.vcf (vCard export): 1 new contact, 0 contacts updated, 2 already up to date, 1 value left out'],
      contacts: [],
    });
    expect(summarizeImport(plan, [], { ...file, verbose: true }).contacts).toEqual(['New contacts:', '  person-0: Person 0, card 2']);
  });

  it('counts what became of each row and value, and lists a few contacts by id and name', () => {
    const summary = summarizeImport(
      {
        create: created(2),
        update: [
          {
            id: 'ana',
            file: 'content/contacts/ana.yaml',
            name: 'Ana Ruiz',
            rows: [5, 9],
            changes: [{ path: ['dates', 'birthday'], value: '04-12' }],
          },
        ],
        unchanged: [6],
      },
      [
        { code: 'BadImportValue' },
        { code: 'AmbiguousImportDate' },
        { code: 'SamePhoneKeptApart' },
        { code: 'SameNameKeptApart' },
        { code: 'SameNameKeptApart' },
        { code: 'BadImportRow' },
      ],
      options,
    );
    expect([...summary.counts, ...summary.contacts]).toEqual([
      'exports/contacts.csv (Google Contacts export):',
      '  2 new contacts',
      '  1 contact updated',
      '  1 already up to date',
      '  1 kept apart from a contact with the same phone',
      '  2 kept apart from a contact with the same name',
      '  2 values left out',
      '  1 row not imported',
      'New contacts:',
      '  person-0: Person 0, row 2',
      '  person-1: Person 1, row 3',
      'Updated:',
      '  ana: Ana Ruiz, rows 5, 9: dates.birthday',
    ]);
  });

  it('lists more than 20 contacts only when asked to', () => {
    const plan = { create: created(21), update: [], unchanged: [] };
    const quiet = summarizeImport(plan, [], options);
    expect(quiet).toEqual({
      counts: [
        'exports/contacts.csv (Google Contacts export):',
        '  21 new contacts (list them with --verbose)',
        '  0 contacts updated',
        '  0 already up to date',
      ],
      contacts: [],
    });
    const verbose = summarizeImport(plan, [], { ...options, verbose: true });
    expect(verbose.counts[1]).toBe('  21 new contacts');
    expect(verbose.contacts).toHaveLength(22);
    expect(verbose.contacts.at(-1)).toBe('  person-20: Person 20, row 22');
  });
});

// Issue 16: 1,000 bad values printed one by one, each with its hint, made 2,000 lines.
describe('groupProblems', () => {
  const file = 'exports/contacts.csv';
  const birthday = (row: number) =>
    rowProblem(
      'BadImportValue',
      file,
      { line: row, column: 1 },
      'Birthday',
      { row, unit: 'row', columnName: 'N' },
      'not a date',
      `"15" is not a date; imported without it`,
    );
  const email = (row: number) =>
    rowProblem(
      'BadImportValue',
      file,
      { line: row, column: 1 },
      'E-mail Address',
      { row, unit: 'row', columnName: 'BF' },
      'not an email address',
      `"none" is not an email address; imported without it`,
    );
  const card = (n: number) =>
    rowProblem(
      'BadImportRow',
      'phone.vcf',
      { line: n * 10, column: 1 },
      'FN',
      { row: n, unit: 'card' },
      'no name or email address',
      'has neither a name nor an email address',
    );
  const unreadable = problem('UnreadableImportFile', 'broken.csv', { line: 2, column: 1 }, '', 'cannot be read as CSV');
  const many = [...[4, 9, 15, 22, 30, 41, 57].map(birthday), email(8), email(3), ...[1, 2, 3, 4].map(card), unreadable];

  it('counts a kind with many rows on one line that names the first rows, lists a kind with few, and gives each hint once', () => {
    const printed = groupProblems(many, false).flatMap((g) => [...g.lines, `  ${g.hint}`]);
    expect(printed).toMatchInlineSnapshot(`
      [
        "broken.csv:2:1 cannot be read as CSV",
        "  Export the contacts again as CSV with a header row (Google, Outlook or your own), as vCard (.vcf) or as LDIF (.ldif).",
        "exports/contacts.csv:3:1 E-mail Address: row 3, column BF: "none" is not an email address; imported without it",
        "exports/contacts.csv:8:1 E-mail Address: row 8, column BF: "none" is not an email address; imported without it",
        "  The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.",
        "exports/contacts.csv Birthday (column N) not a date: 7 rows (rows 4, 9, 15, 22, 30, …; --verbose lists all)",
        "  The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.",
        "phone.vcf FN no name or email address: 4 cards (cards 1, 2, 3, 4; --verbose lists all)",
        "  Correct this row (card, entry) in the export and import the file again: what was imported stays as it is.",
      ]
    `);
  });

  it('lists every problem when verbose, still with each hint once, and keeps every problem for annotations', () => {
    const groups = groupProblems(many, true);
    expect(groups.map((g) => [g.lines.length, g.problems.length])).toEqual([
      [1, 1],
      [2, 2],
      [7, 7],
      [4, 4],
    ]);
    expect(groups[2].lines.at(-1)).toBe('exports/contacts.csv:57:1 Birthday: row 57, column N: "15" is not a date; imported without it');
    expect(groupProblems(many, false).flatMap((g) => g.problems)).toHaveLength(many.length);
  });
});
