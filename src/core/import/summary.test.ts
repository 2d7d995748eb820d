import { describe, expect, it } from 'vitest';
import { summarizeImport } from './summary.ts';

const created = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `person-${i}`, rows: [i + 2], data: { name: `Person ${i}` } }));
const options = { file: 'exports/contacts.csv', described: 'Google Contacts export', verbose: false };

describe('summarizeImport', () => {
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
      [{ code: 'BadImportValue' }, { code: 'AmbiguousImportDate' }, { code: 'SamePhoneKeptApart' }, { code: 'BadImportRow' }],
      options,
    );
    expect([...summary.counts, ...summary.contacts]).toEqual([
      'exports/contacts.csv (Google Contacts export):',
      '  2 new contacts',
      '  1 contact updated',
      '  1 already up to date',
      '  1 kept apart from a contact with the same phone',
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
