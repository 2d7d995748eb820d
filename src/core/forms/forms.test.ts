import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { zipSync } from 'fflate';
import { ContactSchema, emptyContent, ReferralSchema, type Content } from '../model/index.ts';
import type { FormContext, FormProblem } from './form.ts';
import { FORMS, mayChangeContent, planAttachmentImport, problemsComment, problemsOfChange, readIssueForm } from './index.ts';

const contact = (id: string, name: string, more: object = {}) => ({
  id,
  file: `content/contacts/${id}.yaml`,
  data: ContactSchema.parse({ name, segment: 'past-client', ...more }),
});

function content(): Content {
  return {
    ...emptyContent(),
    contacts: [
      contact('ana-ruiz', 'Ana Ruiz', { emails: ['ana@example.org'] }),
      contact('tom-harris', 'Tom Harris'),
      contact('tom-harris-2', 'Tom Harris'),
      contact('sam-adeyemi', 'Sam Adeyemi'),
    ],
    referrals: [
      {
        id: 'ana-ruiz-sam-adeyemi',
        file: 'content/referrals/ana-ruiz-sam-adeyemi.yaml',
        data: ReferralSchema.parse({
          referrer: 'ana-ruiz',
          referred: 'sam-adeyemi',
          date: '2026-11-10',
          status: [{ status: 'introduced', date: '2026-11-10' }],
        }),
      },
    ],
  };
}

const context = (more: Partial<FormContext> = {}): FormContext => ({
  content: content(),
  today: Temporal.PlainDate.from('2026-12-01'),
  at: '2026-12-01T10:00:00Z',
  issue: { number: 12, url: 'https://github.com/agency/referable/issues/12' },
  server: 'https://github.com',
  dateOrder: 'DMY',
  ...more,
});

/** An issue body as GitHub writes it for a form: each label as a heading, `_No response_` when empty. */
function body(answers: Record<string, string>): string {
  return Object.entries(answers)
    .map(([label, value]) => `### ${label}\n\n${value || '_No response_'}`)
    .join('\n\n');
}

function fill(answers: Record<string, string>, more: Partial<FormContext> = {}) {
  const filled = readIssueForm(body(answers), FORMS);
  if (!filled) throw new Error('not a form');
  return { form: filled.form.id, result: filled.form.toChange(filled.values, context(more)) };
}

const problems = (answers: Record<string, string>, more: Partial<FormContext> = {}): FormProblem[] => {
  const { result } = fill(answers, more);
  return result.ok ? [] : result.problems;
};

const logTouch = (day: string, contact = 'Ana Ruiz', how = 'call') => ({ Contact: contact, How: how, Day: day, Note: '' });

describe('reading an issue form', () => {
  it('knows each form by its headings, and nothing else', () => {
    expect(fill(logTouch('')).form).toBe('log-touch');
    expect(readIssueForm('Please call Ana back.', FORMS)).toBeUndefined();
    expect(readIssueForm(body({ Contact: 'Ana', How: 'call' }), FORMS)).toBeUndefined();
    expect(readIssueForm(null, FORMS)).toBeUndefined();
  });

  it('reads ticked boxes, fenced text and Windows line ends', () => {
    const text = body({
      'Who was introduced': 'Sam Adeyemi',
      Status: '',
      Day: '',
      Note: '```text\nTold Ana he is looking at two flats.\n```',
      'Told the referrer': '- [X] I told the person who made the introduction how it is going (the note says what)',
    }).replaceAll('\n', '\r\n');
    expect(readIssueForm(text, FORMS)?.values).toEqual({
      referral: 'Sam Adeyemi',
      status: '',
      date: '',
      note: 'Told Ana he is looking at two flats.',
      told: ['I told the person who made the introduction how it is going (the note says what)'],
    });
  });

  it('acts only for the owner, members and collaborators', () => {
    expect(['OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'NONE', 'FIRST_TIMER'].filter(mayChangeContent)).toEqual([
      'OWNER',
      'MEMBER',
      'COLLABORATOR',
    ]);
  });
});

describe('log a touch', () => {
  it('makes the history entry npm run log makes, on the day the issue was opened', () => {
    expect(fill({ ...logTouch(''), Note: 'Coffee at Novak’s' }).result).toEqual({
      ok: true,
      change: {
        kind: 'history',
        already: false,
        summary: 'a call with Ana Ruiz on 1 December 2026',
        entry: {
          event: 'done',
          at: '2026-12-01T10:00:00Z',
          touch: 'ana-ruiz.manual.call.2026-12-01',
          contact: 'ana-ruiz',
          plan: 'manual',
          step: 'call',
          due: '2026-12-01',
          channel: 'call',
          note: 'Coffee at Novak’s',
        },
      },
    });
  });

  it('reads the day as YYYY-MM-DD or in the business order', () => {
    const day = (text: string, more: Partial<FormContext> = {}) => {
      const { result } = fill(logTouch(text), more);
      return result.ok && result.change.kind === 'history' ? result.change.entry.due : result;
    };
    expect(day('2026-11-03')).toBe('2026-11-03');
    expect(day('3/11/2026')).toBe('2026-11-03');
    expect(day('11/3/2026', { dateOrder: 'MDY' })).toBe('2026-11-03');
    expect(day('25/11/2026', { dateOrder: undefined })).toBe('2026-11-25');
  });

  it('says what is wrong with each bad answer', () => {
    expect(problems(logTouch('31/02/2026', 'Ana Ruis'))).toEqual([
      {
        field: 'Contact',
        message: 'no contact is called "Ana Ruis": write their name as in their contact file, or the file\'s name, like ana-ruiz',
      },
      { field: 'Day', message: '"31/02/2026" is not a day: write it as YYYY-MM-DD, like 2026-12-01' },
    ]);
    expect(problems(logTouch('3/11/2026', 'Tom Harris'), { dateOrder: undefined })).toEqual([
      { field: 'Contact', message: '2 contacts are called Tom Harris (tom-harris, tom-harris-2): write the one you mean' },
      {
        field: 'Day',
        message:
          '"3/11/2026" could be 3 November 2026 or 11 March 2026: write it as YYYY-MM-DD, or set site.locale or dateOrder in settings.yaml',
      },
    ]);
    expect(problems(logTouch('2026-12-02'))).toEqual([{ field: 'Day', message: '2 December 2026 is after today (1 December 2026)' }]);
    expect(problems(logTouch('', '', 'carrier pigeon'))).toEqual([
      { field: 'Contact', message: 'is empty: it is needed' },
      { field: 'How', message: '"carrier pigeon" is not one of the choices: email, call, text, card, gift, event, meeting' },
    ]);
  });

  it('finds the same touch logged before', () => {
    const first = fill(logTouch('2026-11-30')).result;
    if (!first.ok || first.change.kind !== 'history') throw new Error('not logged');
    const again = fill(logTouch('2026-11-30'), { content: { ...content(), history: [first.change.entry] } }).result;
    expect(again).toMatchObject({ ok: true, change: { already: true } });
  });
});

describe('new contact', () => {
  const answers = {
    Name: 'Joan Doe',
    Email: 'Joan@Example.com',
    Phone: '07700 900555',
    Segment: 'sphere',
    Tier: '',
    Area: 'Southover',
    Tags: 'Golf Club, school',
    Birthday: '04-12',
    'Client since': '',
    'Referred by': 'Ana Ruiz',
    'Consent to email': '- [X] They agreed to receive email from us',
    'How they agreed': 'Asked for the newsletter at the school fair',
    Notes: '',
  };

  it('makes a contact file with consent as evidence', () => {
    expect(fill(answers).result).toEqual({
      ok: true,
      change: {
        kind: 'files',
        title: 'New contact: Joan Doe',
        summary: 'a new contact, Joan Doe',
        edit: [],
        create: [
          {
            folder: 'contacts',
            id: 'joan-doe',
            labels: expect.any(Object),
            data: {
              name: 'Joan Doe',
              emails: ['joan@example.com'],
              phone: '07700 900555',
              segment: 'sphere',
              area: 'Southover',
              tags: ['golf-club', 'school'],
              dates: { birthday: '04-12' },
              consent: {
                email: {
                  basis: 'consent',
                  source: 'Asked for the newsletter at the school fair',
                  date: '2026-12-01',
                  evidence: 'GitHub issue #12',
                },
              },
              referredBy: 'ana-ruiz',
            },
          },
        ],
      },
    });
  });

  it('never assumes consent, and says what is missing', () => {
    expect(problems({ ...answers, Name: '', Email: 'joan at example', 'Consent to email': '', Birthday: '31-02' })).toEqual([
      { field: 'Name', message: 'is empty: it is needed' },
      { field: 'Email', message: '"joan at example" is not an email address' },
      { field: 'Birthday', message: '"31-02" is not a day: write it as YYYY-MM-DD, like 2026-12-01' },
      { field: 'Consent to email', message: 'is not ticked, but "How they agreed" says how they agreed: tick it if they did' },
    ]);
    expect(problems({ ...answers, 'How they agreed': '' })).toEqual([
      { field: 'How they agreed', message: 'is empty: say how and where they agreed, as evidence of their consent' },
    ]);
  });

  it('takes a free file name when the name is taken', () => {
    const { result } = fill({ ...answers, Name: 'Ana Ruiz', Email: '' });
    expect(result.ok && result.change.kind === 'files' && result.change.create[0].id).toBe('ana-ruiz-2');
  });
});

describe('referrals', () => {
  const referral = {
    'Who made the introduction': 'Ana Ruiz',
    'Who was introduced': 'Lena Park',
    'Their email': 'lena@example.com',
    'Their phone': '',
    Day: '28/11/2026',
    'What they need': 'A two-bed flat near the station',
    Note: '',
  };

  it('records someone new as a contact and the referral', () => {
    const { result } = fill(referral);
    expect(result.ok && result.change.kind === 'files' && result.change.create.map((f) => [f.folder, f.id, f.data])).toEqual([
      ['contacts', 'lena-park', { name: 'Lena Park', emails: ['lena@example.com'], segment: 'prospect', referredBy: 'ana-ruiz' }],
      [
        'referrals',
        'ana-ruiz-lena-park',
        {
          referrer: 'ana-ruiz',
          referred: 'lena-park',
          date: '2026-11-28',
          need: 'A two-bed flat near the station',
          status: [{ status: 'introduced', date: '2026-11-28' }],
        },
      ],
    ]);
  });

  it('refuses an email for someone who is a contact already', () => {
    expect(problems({ ...referral, 'Who was introduced': 'Sam Adeyemi' })).toEqual([
      { field: 'Their email', message: 'is for someone new: Sam Adeyemi is a contact already; change their contact file instead' },
    ]);
  });

  const update = { 'Who was introduced': 'Sam Adeyemi', Status: 'met', Day: '', Note: 'Two viewings booked', 'Told the referrer': '' };

  it('adds a status to the referral of the person introduced', () => {
    const { result } = fill(update);
    expect(result.ok && result.change.kind === 'files' && result.change.edit).toEqual([
      {
        folder: 'referrals',
        id: 'ana-ruiz-sam-adeyemi',
        file: 'content/referrals/ana-ruiz-sam-adeyemi.yaml',
        changes: [{ path: ['status'], value: { status: 'met', date: '2026-12-01', note: 'Two viewings booked' }, append: true }],
        labels: { status: 'Status', updates: 'Note' },
      },
    ]);
  });

  it('says what is wrong with an update', () => {
    expect(problems({ ...update, 'Who was introduced': 'Tom Harris', Status: 'introduced' })).toEqual([
      { field: 'Who was introduced', message: '2 contacts are called Tom Harris (tom-harris, tom-harris-2): write the one you mean' },
    ]);
    expect(problems({ ...update, Status: 'introduced' })).toEqual([
      { field: 'Status', message: 'is "introduced" already, since 10 November 2026' },
    ]);
    expect(problems({ ...update, Status: '', Note: '' })).toEqual([
      { field: 'Status', message: 'is empty and "Told the referrer" is not ticked: say what changed' },
    ]);
    expect(problems({ ...update, 'Who was introduced': 'Ana Ruiz' })).toEqual([
      { field: 'Who was introduced', message: 'Ana Ruiz has no referral: record it with the "New referral" form first' },
    ]);
  });
});

describe('new testimonial', () => {
  const answers = {
    'Their name as shown': 'Joan D.',
    'Their contact': '',
    'About them': 'Seller, Southover',
    'Kind of endorsement': 'consumer',
    Qualification: '',
    Organization: '',
    'How the organization reached its view': '',
    Quote: 'Sold in four days.',
    'Their words in full': 'They were <b>great</b> {really}.',
    'Day they gave it': '',
    'Where they gave it': 'Email',
    Link: '',
    'They agreed to have it published on': '- [X] website\n- [ ] email\n- [X] social',
    'Their consent, in their words': 'Use it on your website, fine',
    'Material connection': '',
    'Typical results': '',
  };

  it('keeps the consent given, and the words as MDX text', () => {
    const { result } = fill(answers);
    expect(result.ok && result.change.kind === 'files' && result.change.create[0]).toMatchObject({
      folder: 'testimonials',
      id: 'joan-d-2026-12-01',
      body: 'They were &lt;b>great&lt;/b> \\{really\\}.',
      data: { kind: 'consumer', consent: { scope: ['website', 'social'], date: '2026-12-01', evidence: 'Use it on your website, fine' } },
    });
  });

  it('keeps words without consent as a draft', () => {
    const { result } = fill({ ...answers, 'They agreed to have it published on': '', 'Their consent, in their words': '' });
    expect(result.ok && result.change.kind === 'files' && [result.change.title, result.change.create[0].data.status]).toEqual([
      'New testimonial: Joan D. (a draft: no consent to publish yet)',
      'draft',
    ]);
  });

  it('asks for what each kind of endorsement must show', () => {
    expect(problems({ ...answers, 'Kind of endorsement': 'organization', 'Their consent, in their words': '', Quote: '' })).toEqual([
      { field: 'Organization', message: 'is empty: an organization endorsement names the organization' },
      { field: 'How the organization reached its view', message: 'is empty: an organization endorsement says how it reached its view' },
      { field: 'Quote', message: 'is empty: it is needed' },
      { field: 'Their consent, in their words', message: 'is empty: paste what they said when they agreed, as evidence of their consent' },
    ]);
    expect(problems({ ...answers, 'Kind of endorsement': 'expert' })).toEqual([
      { field: 'Qualification', message: 'is empty: an expert endorsement shows what makes them an expert' },
    ]);
  });
});

describe('import contacts', () => {
  const answers = (file: string) => ({ 'The file': file, 'Segment of new contacts': 'sphere', 'Where the file came from': '', Update: '' });

  it('takes only a file attached on GitHub', () => {
    expect(fill(answers('[people.csv](https://github.com/user-attachments/files/17/people.csv)')).result).toEqual({
      ok: true,
      change: {
        kind: 'import',
        attachment: { name: 'people.csv', url: 'https://github.com/user-attachments/files/17/people.csv' },
        segment: 'sphere',
        update: false,
      },
    });
    expect(problems(answers('[people.csv](https://example.com/people.csv)'))).toEqual([
      {
        field: 'The file',
        message:
          'links to https://example.com/people.csv, which is not a file attached to this issue: drag the file itself into the box (a .vcf or .ldif zipped)',
      },
    ]);
    expect(problems(answers('Ana, Tom'))).toEqual([
      {
        field: 'The file',
        message: 'has no file attached: drag the export into the box, a .csv as it is, a .vcf or .ldif zipped (or renamed to .txt)',
      },
    ]);
  });

  it('plans the import of the downloaded file, leaving out what it cannot read and saying so', () => {
    const asked = { kind: 'import', attachment: { name: 'people.csv', url: 'u' }, segment: 'sphere', update: false } as const;
    const csv = (text: string) => new TextEncoder().encode(text);
    const existing = [
      {
        id: 'ana-ruiz',
        file: 'content/contacts/ana-ruiz.yaml',
        data: { name: 'Ana Ruiz', emails: ['ana@example.org'], segment: 'past-client' },
      },
    ];
    const planned = planAttachmentImport(
      csv('Name,Email,Phone\nAna Ruiz,ana@example.org,07700 900103\nJoan Doe,joan@example.com,\n'),
      asked,
      existing,
      context(),
    );
    expect(
      planned.ok &&
        planned.change.kind === 'files' && [
          planned.change.title,
          planned.change.create.map((c) => c.id),
          planned.change.edit.map((e) => e.id),
        ],
    ).toEqual(['Import contacts from people.csv: 1 new contact, 1 updated', ['joan-doe'], ['ana-ruiz']]);
    const partly = planAttachmentImport(
      csv('Name,Email,Birthday\nJoan Doe,joan@example.com,15\nBo Li,bo at example,\n'),
      asked,
      [],
      context(),
    );
    expect(partly.ok && partly.change.kind === 'files' && [partly.change.create.map((c) => c.data), partly.change.leftOut]).toEqual([
      [
        { name: 'Joan Doe', emails: ['joan@example.com'], segment: 'sphere' },
        { name: 'Bo Li', segment: 'sphere' },
      ],
      [
        'people.csv:2:1 Birthday: row 2, column C: "15" is not a date; imported without it',
        'people.csv:3:1 Email: row 3, column B: "bo at example" is not an email address; imported without it',
      ],
    ]);
    // A file from Polish Windows, for a business whose locale gives its code page.
    const polish = new Uint8Array(iconv.encode('Imię i nazwisko,E-mail\nŁukasz Wiśniewski,lw@example.pl\n', 'windows-1250'));
    const read = planAttachmentImport(polish, asked, [], context({ encoding: 'windows-1250' }));
    expect(read.ok && read.change.kind === 'files' && read.change.create.map((c) => c.data.name)).toEqual(['Łukasz Wiśniewski']);
    // Headers in a language the import lacks: the summary says which columns it read by their values.
    const finnish = planAttachmentImport(csv('Nimi,Sähköposti\nJoan Doe,joan@example.com\n'), asked, [], context());
    expect(finnish.ok && finnish.change.kind === 'files' && finnish.change.summary).toBe(
      'the contacts in people.csv (1 new contact, 0 updated; columns read by their values: Nimi as names, Sähköposti as email addresses)',
    );
    expect(planAttachmentImport(csv('Name,Email\n,joan at example\n'), asked, existing, context())).toEqual({
      ok: false,
      problems: [
        { field: 'The file', message: 'brings no one who could be imported' },
        { field: 'The file', message: 'people.csv:2:1 row 2: has neither a name nor an email address' },
        { field: 'The file', message: 'people.csv:2:1 Email: row 2, column B: "joan at example" is not an email address' },
      ],
    });
  });

  // Issue 16: GitHub may refuse a .vcf attached to an issue, so the owner attaches it zipped.
  it('plans the import of the exports inside an attached zip, and refuses a zip without one', () => {
    const asked = { kind: 'import', attachment: { name: 'Contacts.zip', url: 'u' }, segment: 'sphere', update: false } as const;
    const card = new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Joan Doe\r\nEMAIL:joan@example.com\r\nEND:VCARD\r\n');
    const planned = planAttachmentImport(zipSync({ 'Contacts.vcf': card }), asked, [], context());
    expect(planned.ok && planned.change.kind === 'files' && [planned.change.title, planned.change.create.map((c) => c.id)]).toEqual([
      'Import contacts from Contacts.zip/Contacts.vcf: 1 new contact, 0 updated',
      ['joan-doe'],
    ]);
    // Mailchimp's audience: three lists, one import; a person in two of them is one contact.
    const list = (rows: string) =>
      new TextEncoder().encode(`Email Address,First Name,Last Name,CONFIRM_TIME,UNSUB_TIME,LEID,EUID\n${rows}`);
    const audience = zipSync({
      'subscribed_email_audience_export_1.csv': list('joan@example.com,Joan,Doe,2024-03-01 10:00:00,,1,a\n'),
      'unsubscribed_email_audience_export_1.csv': list(
        'joan@example.com,Joan,Doe,,2025-06-10 18:22:41,1,a\nzoe@example.com,Zoë,Kim,,2025-02-01 07:00:00,2,b\n',
      ),
    });
    const both = planAttachmentImport(audience, { ...asked, attachment: { name: 'audience.zip', url: 'u' } }, [], context());
    expect(
      both.ok && both.change.kind === 'files' && [both.change.title, both.change.create.map((c) => [c.id, Object.keys(c.data)])],
    ).toEqual([
      'Import contacts from audience.zip: 2 new contacts, 0 updated',
      [
        ['joan-doe', ['name', 'emails', 'segment', 'consent', 'unsubscribed']],
        ['zoe-kim', ['name', 'emails', 'segment', 'unsubscribed']],
      ],
    ]);
    expect(planAttachmentImport(zipSync({ __MACOSX: { '._Contacts.vcf': card } }), asked, [], context())).toEqual({
      ok: false,
      problems: [
        {
          field: 'The file',
          message:
            'Contacts.zip holds no export (a .csv, .vcf, .ldif or .txt file); its files: __MACOSX/._Contacts.vcf. Zip the export itself (the .csv, .vcf or .ldif file your address book saved) and import that archive.',
        },
      ],
    });
  });
});

describe('what the owner reads', () => {
  it('gives the check’s problems under the form’s labels', () => {
    const { result } = fill({
      Name: 'Joan Doe',
      Email: 'ana@example.org',
      Phone: '',
      Segment: 'sphere',
      Tier: '',
      Area: '',
      Tags: '',
      Birthday: '',
      'Client since': '',
      'Referred by': '',
      'Consent to email': '',
      'How they agreed': '',
      Notes: '',
    });
    if (!result.ok || result.change.kind !== 'files') throw new Error('no files');
    const checked = problemsOfChange(
      [
        {
          code: 'DuplicateEmail',
          file: 'content/contacts/joan-doe.yaml',
          line: 3,
          column: 5,
          field: 'emails[0]',
          message: 'ana@example.org already belongs to contact "ana-ruiz"',
          hint: '',
        },
        {
          code: 'UnknownKey',
          file: 'content/contacts/joan-doe.yaml',
          line: 9,
          column: 1,
          field: 'shoeSize',
          message: 'is not a field',
          hint: '',
        },
        {
          code: 'MissingField',
          file: 'content/contacts/ana-ruiz.yaml',
          line: 1,
          column: 1,
          field: 'name',
          message: 'is missing',
          hint: '',
        },
      ],
      result.change.create,
    );
    expect(problemsComment(checked)).toMatchInlineSnapshot(`
      "Nothing was changed: 2 answers need correcting.

      - **Email**: ana@example.org already belongs to contact "ana-ruiz"
      - **contacts/joan-doe.yaml**: shoeSize: is not a field

      Open the form again with these corrected. This issue stays open so you can copy what you wrote; close it when you are done."
    `);
  });
});
