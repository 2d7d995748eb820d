import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './helpers/run-script.ts';
import { parseHeaderMap, readCsvContacts, type HeaderMap, readVcardContacts, decodeExport } from '../src/core/import/index.ts';
import { formatProblem } from '../src/core/problems/index.ts';

const fixture = async (name: string) => decodeExport(await readFile(path.join(ROOT, 'test/fixtures/import', name)));
const printed = (problems: Parameters<typeof formatProblem>[0][]) => problems.map(formatProblem).join('\n');

describe('Google Contacts CSV (BOM, CRLF, quoted newlines, " ::: " lists)', async () => {
  const read = readCsvContacts(await fixture('google-contacts.csv'), 'google-contacts.csv');

  it('recognises the format and reads every good row, several emails and phones per person', () => {
    expect(read.format).toBe('google');
    expect(read.people.map((p) => [p.row, p.at.line, p.name, p.emails, p.phones])).toEqual([
      [2, 2, 'Ana Ruiz', ['ana.ruiz@example.com', 'ana@ruizdental.example', 'ana.work@ruizdental.example'], ['+44 7700 900123']],
      [3, 7, 'Tom Byrne', ['tom@byrne.example'], ['0117 496 0000', '+44 7700 900456']],
      [4, 8, 'José Álvarez', ['jose@alvarez.example'], []],
      [6, 10, 'accounts@harbourbank.example', ['accounts@harbourbank.example'], []],
      [7, 11, 'Clifton Lettings', [], ['0117 496 0111']],
      [9, 13, 'Ana Ruiz', ['ana.r@gmail.example'], ['07700 900123']],
    ]);
    expect(read.people[0]).toEqual({
      row: 2,
      at: { line: 2, column: 1 },
      name: 'Ana Ruiz',
      emails: ['ana.ruiz@example.com', 'ana@ruizdental.example', 'ana.work@ruizdental.example'],
      phones: ['+44 7700 900123'],
      tags: ['clients', 'golf-club'],
      area: 'Bristol',
      birthday: '1985-04-12',
      offers: 'Dentist, Ruiz Dental',
      notes: 'Met at the Clifton open house.\nHusband Marc plays golf, Sundays.',
    });
    expect(read.people[1].birthday).toBe('07-04');
  });

  it('reports a bad row with its row, line and column header, and never assumes consent', () => {
    expect(printed(read.problems)).toMatchInlineSnapshot(`
      "google-contacts.csv:9:1 E-mail 1 - Value: row 5: "priya.shah@@example.com" is not an email address
        Correct this row (or card) in the export and import the file again: what was imported stays as it is.
      google-contacts.csv:14:1 Birthday: row 10: "1990-02-30" is not a date (write YYYY-MM-DD)
        Correct this row (or card) in the export and import the file again: what was imported stays as it is."
    `);
    expect(read.people.some((p) => p.emailConsent)).toBe(false);
  });
});

describe('Outlook CSV (Windows-1252, M/D/YYYY, 0/0/00)', async () => {
  const read = readCsvContacts(await fixture('outlook.csv'), 'outlook.csv');

  it('reads names, the mobile before the business phone, job and company, and the US birthday', () => {
    expect(read.format).toBe('outlook');
    expect(read.problems).toEqual([]);
    expect(read.people).toEqual([
      {
        row: 2,
        at: { line: 2, column: 1 },
        name: "Mary Ann O'Neill",
        firstName: 'Mary Ann',
        emails: ['maryann@oneill.example'],
        phones: ['(555) 010-4477', '(555) 010-9000'],
        tags: ['clients', 'partners'],
        area: 'Boston',
        birthday: '1972-03-09',
        offers: "Solicitor, O'Neill & Co",
        notes: 'Prefers calls after 6pm, "no texts".',
      },
      {
        row: 3,
        at: { line: 3, column: 1 },
        name: 'Renée Dubois',
        emails: ['renee@dubois.example', 'r.dubois@work.example'],
        phones: ['+33 1 23 45 67 89'],
        tags: [],
        area: 'Lyon',
      },
    ]);
  });
});

describe('a generic CSV with semicolons and a header map', async () => {
  const text = await fixture('generic-semicolon.csv');
  const map = (parseHeaderMap('Customer=name,Contact address=email,Newsletter=emailConsent,Signed up=consentDate') as { map: HeaderMap })
    .map;

  it('without a map, says which columns it found', () => {
    expect(printed(readCsvContacts(text, 'people.csv').problems)).toMatchInlineSnapshot(`
      "people.csv:1:1 has no column for names or email addresses (its columns: Customer, Contact address, Mobile, Newsletter, Signed up, Segment, Client since, Tags)
        Give the file a header row, or name its columns with --map "E-mail=email,Full name=name"."
    `);
  });

  it('with a map, records consent only where a column says yes, with its date when given', () => {
    const read = readCsvContacts(text, 'people.csv', { map });
    expect(read.people.map((p) => [p.name, p.segment, p.emailConsent])).toEqual([
      ['Hannah Lee', 'past-client', { column: 'Newsletter', value: 'yes', date: '2025-11-02' }],
      ['Omar Haddad', 'prospect', undefined],
      ['Li Wei', 'sphere', { column: 'Newsletter', value: 'Yes' }],
    ]);
    expect(read.people[0]).toMatchObject({ clientSince: '2024-06-01', tags: ['referrer', 'vip'], phones: ['07700 900789'] });
    expect(read.people[2].tags).toEqual(['golf', 'book-club']);
    expect(printed(read.problems)).toMatchInlineSnapshot(`
      "people.csv:4:1 Newsletter: row 4: "maybe" does not say yes or no to email
        Correct this row (or card) in the export and import the file again: what was imported stays as it is.
      people.csv:5:1 Segment: row 5: "client" is not a segment; use one of past-client, sphere, partner, prospect
        Correct this row (or card) in the export and import the file again: what was imported stays as it is."
    `);
  });

  it('rejects a map that names no field', () => {
    expect(parseHeaderMap('E-mail=mail')).toEqual({
      error:
        '--map: "mail" is not a field; use one of name, firstName, middleName, lastName, email, phone, segment, tier, tags, area, birthday, clientSince, organization, title, notes, emailConsent, consentDate, ignore',
    });
    expect(parseHeaderMap('E-mail')).toEqual({ error: '--map: "E-mail" should be written HEADER=FIELD' });
  });

  it('reports a file that is not CSV at all', () => {
    expect(printed(readCsvContacts('Name,Email\n"Ana,ana@example.com\n', 'broken.csv').problems)).toMatchInlineSnapshot(`
      "broken.csv:2:1 cannot be read as CSV: a quoted value is never closed (a " is missing)
        Export the contacts again as CSV with a header row (Google, Outlook or your own) or as vCard (.vcf)."
    `);
  });
});

describe('vCard files', () => {
  it('reads an iCloud 3.0 export: grouped properties, preferred first, a photo, a birthday without a year', async () => {
    const read = readVcardContacts(await fixture('icloud.vcf'), 'icloud.vcf');
    expect(read.people).toEqual([
      {
        row: 1,
        at: { line: 1, column: 1 },
        name: 'Ana Ruiz',
        emails: ['ana.ruiz@example.com', 'ana@ruizdental.example'],
        phones: ['+44 7700 900123', '0117 496 0222'],
        tags: ['clients', 'golf-club'],
        area: 'Bristol',
        birthday: '04-12',
        offers: 'Dentist, Ruiz Dental',
        notes: 'Met at the Clifton open house, March 2024.\nHusband Marc plays golf.',
      },
      { row: 2, at: { line: 23, column: 1 }, name: 'Tom Byrne', emails: [], phones: ['0117 496 0000'], tags: [], birthday: '1979-07-04' },
      { row: 3, at: { line: 31, column: 1 }, name: 'Clifton Lettings', emails: ['lettings@clifton.example'], phones: [], tags: [] },
    ]);
    expect(printed(read.problems)).toMatchInlineSnapshot(`
      "icloud.vcf:40:1 EMAIL: card 4: "priya(at)shah.example" is not an email address
        Correct this row (or card) in the export and import the file again: what was imported stays as it is."
    `);
  });

  it('reads a 4.0 card: PREF=1, tel: URIs, --MMDD birthdays, a data: photo', async () => {
    const read = readVcardContacts(await fixture('nextcloud-4.0.vcf'), 'nextcloud.vcf');
    expect(read).toEqual({
      people: [
        {
          row: 1,
          at: { line: 1, column: 1 },
          name: 'Zoë Quinn',
          emails: ['zoe@quinn.example', 'zoe.q@mail.example'],
          phones: ['+1-555-010-2233'],
          tags: [],
          birthday: '07-04',
        },
      ],
      problems: [],
    });
  });

  it('reads an Android 2.1 export: bare types, quoted-printable UTF-8 with soft line breaks', async () => {
    const read = readVcardContacts(await fixture('android-2.1.vcf'), 'android.vcf');
    expect(read).toEqual({
      people: [
        {
          row: 1,
          at: { line: 1, column: 1 },
          name: 'José Álvarez',
          emails: ['jose@alvarez.example'],
          phones: ['+34600111222', '+34 911 222 333'],
          tags: [],
          notes: 'Vecino de María, le gusta el vino tinto, no el blanco.\nSegunda línea.',
        },
        { row: 2, at: { line: 14, column: 1 }, name: 'Omar Haddad', emails: ['omar@haddad.example'], phones: ['020 7946 0018'], tags: [] },
      ],
      problems: [],
    });
  });

  it('reports a card it cannot read and a file that holds no card', () => {
    const broken = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ana Ruiz',
      'EMAIL:ana@example.com',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Lee Chen',
      'this line is no property',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Tom',
    ].join('\r\n');
    const read = readVcardContacts(broken, 'a.vcf');
    expect(read.people.map((p) => p.name)).toEqual(['Ana Ruiz']);
    expect(printed(read.problems)).toMatchInlineSnapshot(`
      "a.vcf:6:1 card 2: cannot be read: invalid line (no token ";" or ":") "this line is no property"
        Correct this row (or card) in the export and import the file again: what was imported stays as it is.
      a.vcf:11:1 card 3: has no END:VCARD line
        Correct this row (or card) in the export and import the file again: what was imported stays as it is."
    `);
    expect(printed(readVcardContacts('hello\n', 'b.vcf').problems)).toMatchInlineSnapshot(`
      "b.vcf:1:1 has no BEGIN:VCARD line: it is not a vCard file
        Export the contacts again as CSV with a header row (Google, Outlook or your own) or as vCard (.vcf)."
    `);
  });
});
