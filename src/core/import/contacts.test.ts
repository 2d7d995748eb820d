import { describe, expect, it } from 'vitest';
import { formatProblem } from '../problems/index.ts';
import { namesAgree, planImport, startImport, type ExistingContact, type ImportOptions } from './contacts.ts';
import type { ImportedPerson } from './person.ts';

const options: ImportOptions = {
  file: 'exports/contacts.csv',
  source: 'Google Contacts export contacts.csv',
  today: Temporal.PlainDate.from('2026-03-02'),
  segment: 'sphere',
  update: false,
};
let row = 1;
const person = (fields: Partial<ImportedPerson>): ImportedPerson => {
  row++;
  return { row, at: { line: row, column: 1 }, emails: [], phones: [], tags: [], ...fields };
};
const contact = (id: string, data: Record<string, unknown>): ExistingContact => ({ id, file: `content/contacts/${id}.yaml`, data });

describe('planImport', () => {
  it('creates new contacts with readable, de-duplicated ids and no consent unless a column gave it', () => {
    row = 1;
    const plan = planImport(
      [
        person({ name: 'Ana Ruiz', emails: ['ana@example.com'], phones: ['+44 7700 900123'], tags: ['golf-club'], birthday: '04-12' }),
        person({ name: 'Ana Ruiz', emails: ['ana.ruiz@other.example'] }),
        person({
          name: 'José Álvarez',
          emails: ['jose@example.es'],
          segment: 'past-client',
          emailConsent: { column: 'Newsletter', value: 'yes' },
        }),
        person({ name: '王伟', emails: ['wang.wei@example.cn'] }),
      ],
      [contact('ana-ruiz', { name: 'Ana Ruiz', emails: ['ana@ruiz-family.example'], segment: 'sphere' })],
      options,
    );
    expect(plan).toEqual({
      create: [
        {
          id: 'ana-ruiz-2',
          rows: [2],
          data: {
            name: 'Ana Ruiz',
            emails: ['ana@example.com'],
            phone: '+44 7700 900123',
            segment: 'sphere',
            tags: ['golf-club'],
            dates: { birthday: '04-12' },
          },
        },
        { id: 'ana-ruiz-3', rows: [3], data: { name: 'Ana Ruiz', emails: ['ana.ruiz@other.example'], segment: 'sphere' } },
        {
          id: 'jose-alvarez',
          rows: [4],
          data: {
            name: 'José Álvarez',
            emails: ['jose@example.es'],
            segment: 'past-client',
            consent: {
              email: {
                basis: 'consent',
                source: 'Google Contacts export contacts.csv, column "Newsletter"',
                date: '2026-03-02',
                evidence: 'row 4 of contacts.csv: Newsletter = "yes"',
              },
            },
          },
        },
        { id: 'wang-wei', rows: [5], data: { name: '王伟', emails: ['wang.wei@example.cn'], segment: 'sphere' } },
      ],
      update: [],
      unchanged: [],
      // Namesakes with no address or number in common are kept apart, and said to be.
      problems: [
        expect.objectContaining({
          code: 'SameNameKeptApart',
          message:
            'row 2: same name as "ana-ruiz", with no email address or phone in common: kept apart; merge by hand if they are one person',
        }),
        expect.objectContaining({
          code: 'SameNameKeptApart',
          message:
            'row 3: same name as "ana-ruiz-2", with no email address or phone in common: kept apart; merge by hand if they are one person',
        }),
      ],
    });
  });

  it('matches by email or by phone number written another way, and only fills what the owner left empty', () => {
    row = 1;
    const existing = [
      contact('ana', { name: 'Ana R.', emails: ['Ana@Example.com'], segment: 'past-client', notes: 'Owner notes', tags: ['vip'] }),
      contact('tom', { name: 'Tom', phone: '0117 496 0000', segment: 'sphere', dates: { clientSince: '2020-05-01' } }),
    ];
    const before = structuredClone(existing);
    const plan = planImport(
      [
        person({
          name: 'Ana Ruiz',
          emails: ['ana@example.com', 'ana@work.example'],
          phones: ['07700 900123'],
          notes: 'From Google',
          tags: ['vip', 'golf'],
          area: 'Bristol',
        }),
        person({ name: 'Tom Byrne', phones: ['+44 117 496 0000'], birthday: '1979-07-04', segment: 'prospect' }),
        person({ name: 'Ana Ruiz', emails: ['ana@work.example'] }),
      ],
      existing,
      options,
    );
    expect(plan).toEqual({
      create: [],
      update: [
        {
          id: 'ana',
          file: 'content/contacts/ana.yaml',
          name: 'Ana R.',
          rows: [2],
          changes: [
            { path: ['emails'], value: 'ana@work.example', append: true },
            { path: ['phone'], value: '07700 900123' },
            { path: ['tags'], value: 'golf', append: true },
            { path: ['area'], value: 'Bristol' },
          ],
        },
        {
          id: 'tom',
          file: 'content/contacts/tom.yaml',
          name: 'Tom',
          rows: [3],
          changes: [{ path: ['dates', 'birthday'], value: '1979-07-04' }],
        },
      ],
      unchanged: [4],
      problems: [],
    });
    // The plan is made on copies: the contacts read from disk are left as they were.
    expect(existing).toEqual(before);
  });

  it('replaces what the owner wrote only when asked to, and never replaces recorded consent', () => {
    row = 1;
    const consent = { basis: 'consent', source: 'signed up on the site', date: '2025-01-01' };
    const plan = planImport(
      [
        person({
          name: 'Ana Ruiz',
          emails: ['ana@example.com'],
          notes: 'From Google',
          segment: 'past-client',
          emailConsent: { column: 'Opt-in', value: 'yes', date: '2026-01-01' },
        }),
      ],
      [
        contact('ana', {
          name: 'Ana R.',
          emails: ['ana@example.com'],
          segment: 'sphere',
          notes: 'Owner notes',
          consent: { email: consent },
        }),
      ],
      { ...options, update: true },
    );
    expect(plan.update[0].changes).toEqual([
      { path: ['name'], value: 'Ana Ruiz' },
      { path: ['segment'], value: 'past-client' },
      { path: ['notes'], value: 'From Google' },
    ]);
  });

  it('replaces, when asked to, what the file said before the import, not what an earlier row of it gave', () => {
    // Two rows for one person disagree: the first stands, with or without update, and a second
    // run changes nothing (it flip-flopped the name, and reported the contact updated each time).
    row = 1;
    const rows = () => [
      person({ name: 'Daniel Ireland', emails: ['daniel@ireland.example'], area: 'Bristol' }),
      person({ name: 'D. IRELAND', emails: ['daniel@ireland.example'], area: 'Bath', notes: 'Squash on Tuesdays' }),
    ];
    const onFile = contact('daniel-ireland', {
      name: 'Dan Ireland',
      emails: ['daniel@ireland.example'],
      segment: 'sphere',
      area: 'Clifton',
    });
    const plan = planImport(rows(), [onFile], { ...options, update: true });
    expect(plan.update[0].changes).toEqual([
      { path: ['name'], value: 'Daniel Ireland' },
      { path: ['area'], value: 'Bristol' },
      { path: ['notes'], value: 'Squash on Tuesdays' },
    ]);
    const after = { ...onFile, data: { ...(onFile.data as object), name: 'Daniel Ireland', area: 'Bristol', notes: 'Squash on Tuesdays' } };
    expect(planImport(rows(), [after], { ...options, update: true })).toMatchObject({ update: [], unchanged: [4, 5] });
    expect(planImport(rows(), [], { ...options, update: true }).create[0].data).toMatchObject({ name: 'Daniel Ireland', area: 'Bristol' });
  });

  it('never adds back an address that bounced, nor consent for someone who unsubscribed', () => {
    row = 1;
    const plan = planImport(
      [person({ name: 'Ana Ruiz', emails: ['ana@old.example', 'ana@example.com'], emailConsent: { column: 'Opt-in', value: 'yes' } })],
      [
        contact('ana', {
          name: 'Ana Ruiz',
          emails: ['ana@example.com'],
          segment: 'sphere',
          unsubscribed: { date: '2026-01-05', evidence: '<abc@mail.example>' },
          bounced: [{ email: 'ana@old.example', date: '2025-12-01', reason: '550 5.1.1 user unknown' }],
        }),
      ],
      options,
    );
    expect(plan).toMatchObject({ create: [], update: [], unchanged: [2] });
  });

  it('matches a person by an address that bounced, though the contact is never written to it', () => {
    // A mailing list's cleaned members are imported with their address as bounced only.
    row = 1;
    const cleaned = { column: 'CLEAN_TIME', value: '2024-02-01 07:00:00', date: '2024-02-01' };
    const bounced = [{ email: 'olu@bello.example', date: '2024-02-01', reason: 'cleaned by the mailing service', code: 'BadAddress' }];
    const plan = planImport(
      [person({ name: 'Olu Bello', emails: ['olu@bello.example'], cleaned }), person({ name: 'O. Bello', emails: ['olu@bello.example'] })],
      [contact('olu-bello', { name: 'Olu Bello', segment: 'sphere', bounced })],
      options,
    );
    expect(plan).toMatchObject({ create: [], update: [], unchanged: [2, 3] });
  });

  it('matches a person with neither email nor phone by name, and reports a row that matches two contacts', () => {
    row = 1;
    const plan = planImport(
      [
        person({ name: 'Clifton Lettings', area: 'Bristol' }),
        person({ name: 'Ana Ruiz', emails: ['ana@example.com'], phones: ['0117 496 0000'] }),
      ],
      [
        contact('clifton-lettings', { name: 'Clifton Lettings', segment: 'partner' }),
        contact('ana', { name: 'Ana', emails: ['ana@example.com'], segment: 'sphere' }),
        contact('a-ruiz', { name: 'A. Ruiz', phone: '0117 496 0000', segment: 'sphere' }),
      ],
      options,
    );
    expect(plan.update).toEqual([
      {
        id: 'clifton-lettings',
        file: 'content/contacts/clifton-lettings.yaml',
        name: 'Clifton Lettings',
        rows: [2],
        changes: [{ path: ['area'], value: 'Bristol' }],
      },
    ]);
    expect(plan.problems).toMatchInlineSnapshot(`
      [
        {
          "code": "AmbiguousImportRow",
          "column": 1,
          "field": "",
          "file": "exports/contacts.csv",
          "hint": "The row matches two contacts. Merge them, or remove the shared address or number from one, then import again.",
          "kind": "matches two contacts",
          "line": 3,
          "message": "row 3: matches "ana" (by ana@example.com) and "a-ruiz" (by 0117 496 0000)",
          "row": 3,
          "unit": "row",
        },
      ]
    `);
  });

  it('merges two rows for one person in the same file into one new contact', () => {
    row = 1;
    const plan = planImport(
      [
        person({ name: 'Ana Ruiz', emails: ['ana@example.com'], phones: ['+44 7700 900123'] }),
        person({ name: 'Ana Ruiz', emails: ['ana.r@gmail.example'], phones: ['07700 900123'], tags: ['golf'] }),
      ],
      [],
      options,
    );
    expect(plan.create).toEqual([
      {
        id: 'ana-ruiz',
        rows: [2, 3],
        data: {
          name: 'Ana Ruiz',
          emails: ['ana@example.com', 'ana.r@gmail.example'],
          phone: '+44 7700 900123',
          segment: 'sphere',
          tags: ['golf'],
        },
      },
    ]);
  });

  // Issue 16: a large export's new contacts are written while the rest of it is read.
  it('hands out new contacts as it goes, makes the same plan, and names those a later row changed', () => {
    row = 1;
    const people = [
      person({ name: 'Ana Ruiz', emails: ['ana@example.com'] }),
      person({ name: 'Tom Byrne', emails: ['tom@byrne.example'] }),
      person({ name: 'Lee Chen', emails: ['lee@chen.example'] }),
      person({ name: 'Ana Ruiz', emails: ['ana@example.com', 'ana.r@gmail.example'] }),
      person({ name: 'Tom Byrne', emails: ['tom@byrne.example'] }),
    ];
    const planner = startImport([], options);
    const handed = [];
    for (const p of people.slice(0, 2)) planner.add(p);
    handed.push(planner.take());
    for (const p of people.slice(2)) planner.add(p);
    handed.push(planner.take(), planner.take());
    expect(handed.map((batch) => batch.map((c) => [c.id, c.rows]))).toEqual([
      [
        ['ana-ruiz', [2]],
        ['tom-byrne', [3]],
      ],
      [['lee-chen', [4]]],
      [],
    ]);
    expect(handed[0][0].data).toEqual({ name: 'Ana Ruiz', emails: ['ana@example.com'], segment: 'sphere' });
    const { rewrite, ...plan } = planner.finish();
    row = 1;
    expect(plan).toEqual(
      planImport(
        people.map((p) => ({ ...p })),
        [],
        options,
      ),
    );
    expect(plan.unchanged).toEqual([6]);
    expect(rewrite).toEqual([
      { id: 'ana-ruiz', rows: [2, 5], data: { name: 'Ana Ruiz', emails: ['ana@example.com', 'ana.r@gmail.example'], segment: 'sphere' } },
    ]);
  });

  // Issue 16: "Duncan Amey" disappeared into "Daniel Ireland", who shared his office number.
  it('merges by phone only when the names agree, and keeps apart people who share a number', () => {
    row = 1;
    const plan = planImport(
      [
        person({ name: 'Duncan Amey', emails: ['duncan@amey.example'], phones: ['0117 496 0555'] }),
        person({ name: 'D. IRELAND', phones: ['+44 117 496 0555'], tags: ['golf'] }),
        person({ name: 'Jose Alvarez', phones: ['0034 600 111 222'], area: 'Madrid' }),
        person({ name: 'Tom', phones: ['07700 900456'], area: 'Bath' }),
        person({ name: '\u0000 \u0000', emails: ['nobody@example.com'] }),
      ],
      [
        contact('daniel-ireland', { name: 'Daniel Ireland', phone: '0117 496 0555', segment: 'sphere' }),
        contact('jose', { name: 'José Álvarez', phone: '+34 600 111 222', segment: 'sphere' }),
        contact('tom', { name: 'Tom Byrne', phone: '07700 900456', segment: 'sphere' }),
      ],
      options,
    );
    expect(plan.create).toEqual([
      {
        id: 'duncan-amey',
        rows: [2],
        data: { name: 'Duncan Amey', emails: ['duncan@amey.example'], phone: '0117 496 0555', segment: 'sphere' },
      },
    ]);
    expect(plan.update.map((u) => [u.id, u.rows, u.changes])).toEqual([
      ['daniel-ireland', [3], [{ path: ['tags'], value: ['golf'] }]],
      ['jose', [4], [{ path: ['area'], value: 'Madrid' }]],
      ['tom', [5], [{ path: ['area'], value: 'Bath' }]],
    ]);
    expect(plan.problems.map(formatProblem).join('\n')).toMatchInlineSnapshot(`
      "exports/contacts.csv:2:1 row 2: same phone as "daniel-ireland" (Daniel Ireland): kept apart; merge by hand if they are one person
        Nothing was merged. If they are one person, copy what you need into one contact file and delete the other; if not, nothing needs doing.
      exports/contacts.csv:6:1 row 6: has no name
        Correct this row (card, entry) in the export and import the file again: what was imported stays as it is."
    `);
  });

  it('plans the exports of one archive as one import, each problem and evidence naming its own file', () => {
    row = 1;
    const planner = startImport([], { ...options, file: 'audience.zip/subscribed.csv' });
    planner.add(person({ name: 'Ana Ruiz', emails: ['ana@example.com'], emailConsent: { column: 'CONFIRM_TIME', value: '2024-03-01' } }));
    planner.from({ file: 'audience.zip/labels.vcf', source: 'vCard export audience.zip/labels.vcf', unit: 'card' });
    planner.add(person({ name: 'Ana Ruiz', emails: ['ana@example.com'], phones: ['0117 496 0000'] }));
    planner.add(person({ name: '', emails: ['who@example.com'] }));
    const plan = planner.finish();
    expect(
      plan.create.map((c) => [c.id, c.rows, c.data.phone, (c.data.consent as { email: { evidence: string } }).email.evidence]),
    ).toEqual([['ana-ruiz', [2, 3], '0117 496 0000', 'row 2 of subscribed.csv: CONFIRM_TIME = "2024-03-01"']]);
    expect(plan.problems.map((p) => `${p.file}: ${p.message}`)).toEqual(['audience.zip/labels.vcf: card 4: has no name']);
  });

  it('plans each export of an archive as if imported after the one before it: with update, a later export replaces', () => {
    const plan = (update: boolean) => {
      row = 1;
      const planner = startImport([contact('tom', { name: 'Tom Byrne', emails: ['tom@byrne.example'], area: 'Clifton' })], {
        ...options,
        update,
      });
      for (const [file, area] of [
        ['a.csv', 'Bristol'],
        ['b.csv', 'Bath'],
      ]) {
        planner.from({ file, source: file });
        planner.add(person({ name: 'Ana Ruiz', emails: ['ana@example.com'], area }));
        planner.add(person({ name: 'Ana Ruiz', emails: ['ana@example.com'], area: `${area} (second row)` }));
        planner.add(person({ name: 'Tom Byrne', emails: ['tom@byrne.example'], area }));
      }
      const { create, update: changed } = planner.finish();
      return [create[0].data.area, changed[0]?.changes.map((c) => c.value)];
    };
    // As two runs of the command would: within an export the first row stands; across them, the later.
    expect(plan(true)).toEqual(['Bath', ['Bristol', 'Bath']]);
    expect(plan(false)).toEqual(['Bristol', undefined]);
  });

  it('names the cards of a vCard file as cards', () => {
    row = 1;
    const plan = planImport(
      [person({ name: 'Duncan Amey', phones: ['0117 496 0555'] })],
      [contact('daniel-ireland', { name: 'Daniel Ireland', phone: '0117 496 0555', segment: 'sphere' })],
      { ...options, file: 'phone.vcf', unit: 'card' },
    );
    expect(plan.problems.map((p) => p.message)).toEqual([
      'card 2: same phone as "daniel-ireland" (Daniel Ireland): kept apart; merge by hand if they are one person',
    ]);
  });

  it.each([
    ['Daniel Ireland', 'D. Ireland', true],
    ['Daniel Ireland', 'daniel ireland', true],
    ['José Álvarez', 'Jose Alvarez', true],
    ["Mary Ann O'Neill", 'Mary Ann ONeill', true],
    ['Ana Ruiz', 'Ana Maria Ruiz', true],
    ['Tom', 'Tom Byrne', true],
    ['Daniel Ireland', 'Duncan Amey', false],
    ['Ana Ruiz', 'Ana Lopez', false],
    ['Ireland', 'Daniel Ireland', false],
    ['\u0000 \u0000', 'Daniel Ireland', false],
    // Issue 16: an Android export held cards named only by initials that shared a number.
    ['K.', 'K. W.', false],
    ['K. W.', 'Kieran Walsh', false],
    ['K. W.', 'k w', true],
  ])('namesAgree(%s, %s) is %s', (a, b, agree) => {
    expect([namesAgree(a, b), namesAgree(b, a)]).toEqual([agree, agree]);
  });
});
