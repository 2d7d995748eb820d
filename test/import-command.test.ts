import { afterEach, describe, expect, it } from 'vitest';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { runScript, ROOT } from './helpers/run-script.ts';
import { addToTree, removeTree, writeTree } from './helpers/temp-dir.ts';

const settings = await readFile(path.join(ROOT, 'test/fixtures/minimal/settings.yaml'), 'utf8');
const fixture = (name: string) => path.join(ROOT, 'test/fixtures/import', name);

// The owner's own file: comments, an order of their choosing, a flow list.
const ANA = `# Ana: met at the Clifton open house
name: Ana Ruiz # not "Ana R."
segment: past-client
tier: top
emails: [ana.ruiz@example.com] # personal first
phone: "07700 900123"
notes: Owner's notes stay.
`;

async function snapshotFolder(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out: Record<string, string> = {};
  for (const e of files) out[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(path.join(e.parentPath, e.name), 'utf8');
  return out;
}

describe('npm run import', () => {
  let dir: string;
  afterEach(async () => removeTree(dir));

  it("imports a Google export, merges into the owner's file keeping its comments, reports bad values, and changes nothing the second time", async () => {
    dir = await writeTree({ 'settings.yaml': settings, 'contacts/ana.yaml': ANA });
    const first = await runScript('import', [fixture('google-contacts.csv'), '--content', dir, '--date', '2026-03-02']);
    expect(first.stdout.replaceAll(dir, 'DIR').replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/google-contacts.csv (Google Contacts export):
        6 new contacts
        1 contact updated
        0 already up to date
        2 values left out
      New contacts:
        tom-byrne: Tom Byrne, row 3
        jose-alvarez: José Álvarez, row 4
        priya-shah: Priya Shah, row 5
        accounts-harbourbank-example: accounts@harbourbank.example, row 6
        clifton-lettings: Clifton Lettings, row 7
        lee-chen: Lee Chen, row 10
      Updated:
        ana: Ana Ruiz, rows 2, 9: emails, tags, area, dates.birthday, offers
      "
    `);
    expect(first.stderr.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/google-contacts.csv:9:1 E-mail 1 - Value: row 5, column S: "priya.shah@@example.com" is not an email address; imported without it
        The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.
      test/fixtures/import/google-contacts.csv:14:1 Birthday: row 10, column N: "1990-02-30" is not a date; imported without it
        The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.
      "
    `);
    expect(first.code).toBe(1);

    const files = await snapshotFolder(dir);
    expect(files['contacts/ana.yaml']).toBe(`# Ana: met at the Clifton open house
name: Ana Ruiz # not "Ana R."
segment: past-client
tier: top
emails: [ana.ruiz@example.com, ana@ruizdental.example, ana.work@ruizdental.example, ana.r@gmail.example] # personal first
phone: "07700 900123"
tags:
  - clients
  - golf-club
area: Bristol
dates:
  birthday: 1985-04-12
offers: Dentist, Ruiz Dental
notes: Owner's notes stay.
`);
    expect(files['contacts/tom-byrne.yaml']).toBe(`name: Tom Byrne
emails:
  - tom@byrne.example
phone: 0117 496 0000
segment: sphere
dates:
  birthday: 07-04
`);

    const check = await runScript('check', ['--content', dir]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);

    const second = await runScript('import', [fixture('google-contacts.csv'), '--content', dir, '--date', '2026-03-09']);
    expect(second.stdout.split('\n').slice(1, 5)).toEqual([
      '  0 new contacts',
      '  0 contacts updated',
      '  8 already up to date',
      '  2 values left out',
    ]);
    expect(await snapshotFolder(dir)).toEqual(files);
  });

  it("imports vCards of every version into one folder without duplicates, and --update replaces the owner's values", async () => {
    dir = await writeTree({ 'settings.yaml': settings, 'contacts/ana.yaml': ANA });
    for (const file of ['icloud.vcf', 'nextcloud-4.0.vcf', 'android-2.1.vcf', 'outlook.csv']) {
      await runScript('import', [fixture(file), '--content', dir, '--date', '2026-03-02']);
    }
    expect(Object.keys(await snapshotFolder(dir)).sort()).toEqual([
      'contacts/ana.yaml',
      'contacts/clifton-lettings.yaml',
      'contacts/jose-alvarez.yaml',
      'contacts/mary-ann-oneill.yaml',
      'contacts/omar-haddad.yaml',
      'contacts/priya-shah.yaml',
      'contacts/renee-dubois.yaml',
      'contacts/tom-byrne.yaml',
      'contacts/zoe-quinn.yaml',
      'settings.yaml',
    ]);
    expect(await readFile(path.join(dir, 'contacts/jose-alvarez.yaml'), 'utf8')).toBe(`name: José Álvarez
emails:
  - jose@alvarez.example
phone: '+34600111222'
segment: sphere
notes: |-
  Vecino de María, le gusta el vino tinto, no el blanco.
  Segunda línea.
`);
    const update = await runScript('import', [fixture('icloud.vcf'), '--content', dir, '--update', '--segment', 'prospect']);
    // The phone is the same number written another way, so it stays as the owner wrote it.
    expect(update.stdout).toContain('Updated:\n  ana: Ana Ruiz, card 1: notes\n');
    const ana = await readFile(path.join(dir, 'contacts/ana.yaml'), 'utf8');
    expect(ana).toContain('phone: "07700 900123"\n');
    expect(ana).toContain('segment: past-client\n');
    expect(ana).toContain('notes: |-\n  Met at the Clifton open house, March 2024.\n  Husband Marc plays golf.\n');
    expect((await runScript('check', ['--content', dir])).code).toBe(0);
  });

  it('takes a header map, records consent with its source and date, and stops at a bad command line', async () => {
    dir = await writeTree({ 'settings.yaml': settings });
    const map = 'Customer=name,Contact address=email,Newsletter=emailConsent,Signed up=consentDate';
    const run = await runScript('import', [
      fixture('generic-semicolon.csv'),
      '--content',
      dir,
      '--map',
      map,
      '--source',
      'Open-house sign-up sheet',
      '--date',
      '2026-03-02',
    ]);
    expect(run.code).toBe(1);
    expect(await readFile(path.join(dir, 'contacts/hannah-lee.yaml'), 'utf8')).toBe(`name: Hannah Lee
emails:
  - hannah@lee.example
phone: 07700 900789
segment: past-client
tags:
  - referrer
  - vip
dates:
  clientSince: 2024-06-01
consent:
  email:
    basis: consent
    source: Open-house sign-up sheet, column "Newsletter"
    date: 2025-11-02
    evidence: 'row 2 of generic-semicolon.csv: Newsletter = "yes"'
`);
    expect(await readFile(path.join(dir, 'contacts/omar-haddad.yaml'), 'utf8')).not.toContain('consent');

    const bad = await runScript('import', [fixture('generic-semicolon.csv'), '--content', dir, '--map', 'Customer=fullname']);
    expect(bad.stderr).toContain('--map: "fullname" is not a field');
    expect(bad.code).toBe(2);
    const missing = await runScript('import', ['no-such.csv', '--content', dir]);
    expect([missing.stderr.trim(), missing.code]).toEqual(['no-such.csv: no such file', 2]);
  });

  // Issue 16: different people who share a phone are kept apart; dates follow settings.yaml.
  it('keeps apart people who share a phone, merges one written with an initial, and reads dates in the order settings give', async () => {
    dir = await writeTree({ 'settings.yaml': `${settings}dateOrder: MDY\n` });
    const google = await runScript('import', [fixture('google-shared-phone.csv'), '--content', dir, '--date', '2026-03-02']);
    expect(google.stdout.replaceAll(dir, 'DIR').replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/google-shared-phone.csv (Google Contacts export):
        3 new contacts
        0 contacts updated
        1 already up to date
        1 kept apart from a contact with the same phone
        1 row not imported
      New contacts:
        daniel-ireland: Daniel Ireland, row 2
        duncan-amey: Duncan Amey, row 3
        jose-alvarez: Jose Alvarez, rows 5, 6
      "
    `);
    expect(google.stderr.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/google-shared-phone.csv:3:1 row 3: same phone as "daniel-ireland" (Daniel Ireland): kept apart; merge by hand if they are one person
        Nothing was merged. If they are one person, copy what you need into one contact file and delete the other; if not, nothing needs doing.
      test/fixtures/import/google-shared-phone.csv:7:1 row 7: has neither a name nor an email address
        Correct this row (card, entry) in the export and import the file again: what was imported stays as it is.
      "
    `);
    expect(google.code).toBe(1);

    const outlook = await runScript('import', [fixture('outlook-utf16le-nobom.csv'), '--content', dir, '--date', '2026-03-02']);
    expect(outlook.stdout.replaceAll(dir, 'DIR').replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/outlook-utf16le-nobom.csv (Outlook export, UTF-16LE):
        2 new contacts
        0 contacts updated
        0 already up to date
        1 value left out
      New contacts:
        grace-okafor: Grace Okafor, row 2
        lukasz-nowak: Łukasz Nowak, row 3
      "
    `);
    expect(await readFile(path.join(dir, 'contacts/grace-okafor.yaml'), 'utf8')).toContain('birthday: 1969-07-04\n');
    const check = await runScript('check', ['--content', dir]);
    expect([check.stderr, check.code]).toEqual(['', 0]);
  });

  // Issue 16: an Android export's cards named only by initials, "K." and "K. W.", shared a home
  // number and were merged into one contact.
  it('keeps apart cards named only by initials that share a phone, and a full name that shares one with them', async () => {
    dir = await writeTree({ 'settings.yaml': settings });
    const run = await runScript('import', [fixture('android-initials-shared-phone.vcf'), '--content', dir, '--date', '2026-03-02']);
    expect(run.stdout.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/android-initials-shared-phone.vcf (vCard export):
        3 new contacts
        0 contacts updated
        0 already up to date
        2 kept apart from a contact with the same phone
      New contacts:
        k: K., card 1
        k-w: K. W., card 2
        kieran-walsh: Kieran Walsh, card 3
      "
    `);
    expect(run.stderr.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/android-initials-shared-phone.vcf:7:1 card 2: same phone as "k" (K.): kept apart; merge by hand if they are one person
      test/fixtures/import/android-initials-shared-phone.vcf:14:1 card 3: same phone as "k-w" (K. W.): kept apart; merge by hand if they are one person
        Nothing was merged. If they are one person, copy what you need into one contact file and delete the other; if not, nothing needs doing.
      "
    `);
    const check = await runScript('check', ['--content', dir]);
    expect([check.stderr, check.code]).toEqual(['', 0]);
  });

  // Issue 16: a Windows Address Book card (FolkerKinzel.VCards' v2_1.vcf) has "Handy" for its mobile
  // and Thunderbird's CSV in roundcube's tests "mobile": words with no digits all matched as one
  // number, and "Greta" took in "Greta Hahn".
  it('drops a phone written in words, so two people whose phones say "n/a" are not one', async () => {
    dir = await writeTree({ 'settings.yaml': settings });
    const run = await runScript('import', [fixture('wab-2.1-phone-words.vcf'), '--content', dir, '--date', '2026-03-02']);
    expect(run.stdout.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/wab-2.1-phone-words.vcf (vCard export):
        2 new contacts
        0 contacts updated
        0 already up to date
        2 values left out
      New contacts:
        greta: Greta, card 1
        greta-hahn: Greta Hahn, card 2
      "
    `);
    expect(run.stderr.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/wab-2.1-phone-words.vcf:1:1 TEL: card 1: "siehe Notiz" is not a phone number; imported without it
      test/fixtures/import/wab-2.1-phone-words.vcf:11:1 TEL: card 2: "n/a" is not a phone number; imported without it
        The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.
      "
    `);
    expect(await readFile(path.join(dir, 'contacts/greta-hahn.yaml'), 'utf8')).toContain('phone: 0221 4711 0815\n');
  });

  // Issue 16: a file in a code page nothing in it names is read in the one of the business's locale.
  it("reads a Polish Outlook export in the code page of the business's locale, or in the one --encoding names", async () => {
    const polish = settings.replace('site:\n', 'site:\n  locale: pl-PL\n');
    dir = await writeTree({ 'settings.yaml': polish });
    const run = await runScript('import', [fixture('outlook-polish-windows-1250.csv'), '--content', dir, '--date', '2026-03-02']);
    expect(run.stdout.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/outlook-polish-windows-1250.csv (Outlook export, WINDOWS-1250):
        4 new contacts
        0 contacts updated
        0 already up to date
      New contacts:
        lukasz-wisniewski: Łukasz Wiśniewski, row 2
        malgorzata-zolkiewska: Małgorzata Żółkiewska, row 3
        grzegorz-brzeczyszczykiewicz: Grzegorz Brzęczyszczykiewicz, row 4
        agnieszka-dabrowska-nowak: Agnieszka Dąbrowska-Nowak, row 5
      "
    `);
    expect([run.stderr, run.code]).toEqual(['', 0]);
    expect(await readFile(path.join(dir, 'contacts/malgorzata-zolkiewska.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "name: Małgorzata Żółkiewska
      emails:
        - m.zolkiewska@example.pl
      phone: +48 512 345 678
      segment: sphere
      tags:
        - klienci
        - sasiedzi
      area: Kraków
      notes: Sprzedaż domu w Łodzi, 2024
      "
    `);

    // Without a locale, Western Windows's code page garbles the names: --encoding reads them as written.
    await removeTree(dir);
    dir = await writeTree({ 'settings.yaml': settings });
    const western = await runScript('import', [fixture('outlook-polish-windows-1250.csv'), '--content', dir, '--date', '2026-03-02']);
    expect(western.stdout).toContain('(Outlook export, WINDOWS-1252)');
    expect(western.stdout).toContain('£ukasz Wiœniewski');
    await removeTree(dir);
    dir = await writeTree({ 'settings.yaml': settings });
    const named = await runScript('import', [
      fixture('outlook-polish-windows-1250.csv'),
      '--content',
      dir,
      '--date',
      '2026-03-02',
      '--encoding',
      'Windows-1250',
    ]);
    expect(named.stdout).toContain('(Outlook export, WINDOWS-1250)');
    expect((await readdir(path.join(dir, 'contacts'))).sort()).toEqual([
      'agnieszka-dabrowska-nowak.yaml',
      'grzegorz-brzeczyszczykiewicz.yaml',
      'lukasz-wisniewski.yaml',
      'malgorzata-zolkiewska.yaml',
    ]);

    const unknown = await runScript('import', [fixture('outlook-polish-windows-1250.csv'), '--content', dir, '--encoding', 'polish']);
    expect([unknown.stderr.trim(), unknown.code]).toEqual([
      '--encoding: "polish" is not an encoding the import knows (use one like windows-1250, iso-8859-2 or utf-16le)',
      2,
    ]);
  });

  it("reads an ambiguous date in the order of the business's locale when settings give no dateOrder", async () => {
    const csv = 'Name,Email,Birthday\nAna Ruiz,ana@example.com,03/04/1980\n';
    for (const [locale, birthday] of [
      ['en-GB', '1980-04-03'],
      ['en-US', '1980-03-04'],
    ]) {
      dir = await writeTree({ 'settings.yaml': settings.replace('site:\n', `site:\n  locale: ${locale}\n`), 'people.csv': csv });
      const run = await runScript('import', [path.join(dir, 'people.csv'), '--content', dir, '--date', '2026-03-02']);
      expect([run.stderr, run.code]).toEqual(['', 0]);
      expect(await readFile(path.join(dir, 'contacts/ana-ruiz.yaml'), 'utf8')).toContain(`birthday: ${birthday}\n`);
      await removeTree(dir);
    }
    // A locale the owner did not write is no hint: the date is reported, not guessed.
    dir = await writeTree({ 'settings.yaml': settings, 'people.csv': csv });
    const run = await runScript('import', [path.join(dir, 'people.csv'), '--content', dir, '--date', '2026-03-02']);
    expect(run.stderr).toContain('"03/04/1980" could be 1980-04-03 (day first) or 1980-03-04 (month first); imported without it');
  });

  it('imports a card without a value ical.js throws on, and names that value without a stack', async () => {
    dir = await writeTree({ 'settings.yaml': settings });
    const run = await runScript('import', [fixture('vcard-4.0-value-type.vcf'), '--content', dir, '--date', '2026-03-02']);
    expect(run.stdout.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/vcard-4.0-value-type.vcf (vCard export):
        3 new contacts
        0 contacts updated
        0 already up to date
        1 value left out
      New contacts:
        ana-ruiz: Ana Ruiz, card 1
        tom-byrne: Tom Byrne, card 2
        grace-kim: Grace Kim, card 3
      "
    `);
    expect(run.stderr.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/vcard-4.0-value-type.vcf:9:1 NOTE: card 2: "Married 20 June 2015" is marked VALUE=date-and-or-time but is not one; imported without it
        The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.
      "
    `);
    expect(run.code).toBe(1);
    expect(Object.keys(await snapshotFolder(dir)).sort()).toEqual([
      'contacts/ana-ruiz.yaml',
      'contacts/grace-kim.yaml',
      'contacts/tom-byrne.yaml',
      'settings.yaml',
    ]);
  });

  it("imports Thunderbird's LDIF export, naming entries, and changes nothing the second time", async () => {
    dir = await writeTree({ 'settings.yaml': settings });
    const run = () => runScript('import', [fixture('thunderbird.ldif'), '--content', dir, '--date', '2026-03-02']);
    const first = await run();
    expect(first.stdout.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/thunderbird.ldif (LDIF export):
        3 new contacts
        0 contacts updated
        0 already up to date
        2 values left out
        1 entry not imported
      New contacts:
        ana-ruiz: Ana Ruiz, entry 1
        jose-alvarez: José Álvarez, entry 2
        tom-byrne: Tom Byrne, entry 3
      "
    `);
    expect(first.stderr.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/thunderbird.ldif:40:1 birthday: entry 3: "1975-13-2" is not a date; imported without it
        The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.
      test/fixtures/import/thunderbird.ldif:40:1 mozillaSecondEmail: entry 3: "none" is not an email address; imported without it
        The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.
      test/fixtures/import/thunderbird.ldif:59:1 entry 4: cannot be read: Expected end of input or entry but "g" found.
        Correct this row (card, entry) in the export and import the file again: what was imported stays as it is.
      "
    `);
    expect(await readFile(path.join(dir, 'contacts/ana-ruiz.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "name: Ana Ruiz
      emails:
        - ana.ruiz@example.com
        - ana@ruizdental.example
      phone: +44 7700 900123
      segment: sphere
      tags:
        - past-clients
        - landlords
      area: Bristol
      dates:
        birthday: 1980-04-12
      offers: Practice owner, Ruiz Dental
      notes: |-
        Met at the Clifton open day.
        Prefers a call after 6pm.
      "
    `);
    const check = await runScript('check', ['--content', dir]);
    expect([check.stderr, check.code]).toEqual(['', 0]);
    const before = await snapshotFolder(dir);
    expect((await run()).stdout).toContain('0 new contacts\n  0 contacts updated\n  3 already up to date\n');
    expect(await snapshotFolder(dir)).toEqual(before);
  });

  // Issue 16: GitHub may refuse a .vcf or .ldif attached to an issue, and a zip is what a phone makes of a file.
  it('imports the one export in a zip beside what macOS adds, names its problems inside the archive, and changes nothing the second time', async () => {
    dir = await writeTree({ 'settings.yaml': settings });
    const run = () => runScript('import', [fixture('macos-compress.zip'), '--content', dir, '--date', '2026-03-02']);
    const first = await run();
    expect(first.stdout.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/macos-compress.zip/contacts.vcf (vCard export):
        4 new contacts
        0 contacts updated
        0 already up to date
        1 value left out
      New contacts:
        ana-ruiz: Ana Ruiz, card 1
        tom-byrne: Tom Byrne, card 2
        clifton-lettings: Clifton Lettings, card 3
        priya-shah: Priya Shah, card 4
      "
    `);
    expect(first.stderr.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/macos-compress.zip/contacts.vcf:40:1 EMAIL: card 4: "priya(at)shah.example" is not an email address; imported without it
        The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.
      "
    `);
    expect(first.code).toBe(1);
    expect(await readFile(path.join(dir, 'contacts/tom-byrne.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "name: Tom Byrne
      phone: 0117 496 0000
      segment: sphere
      dates:
        birthday: 1979-07-04
      "
    `);
    const check = await runScript('check', ['--content', dir]);
    expect([check.stderr, check.code]).toEqual(['', 0]);
    const before = await snapshotFolder(dir);
    expect((await run()).stdout).toContain('0 new contacts\n  0 contacts updated\n  4 already up to date\n');
    expect(await snapshotFolder(dir)).toEqual(before);
  });

  it("imports a vCard zipped by Info-ZIP, Thunderbird's LDIF zipped by Python and a gzipped vCard", async () => {
    dir = await writeTree({ 'settings.yaml': settings });
    const firstLines = [];
    for (const file of ['info-zip-iphone.zip', 'python-zipfile-ldif.zip', 'google-contacts.vcf.gz']) {
      const run = await runScript('import', [fixture(file), '--content', dir, '--date', '2026-03-02']);
      firstLines.push(...run.stdout.replaceAll(ROOT, '').split('\n').slice(0, 2));
    }
    expect(firstLines).toEqual([
      'test/fixtures/import/info-zip-iphone.zip/Contacts.vcf (vCard export):',
      '  3 new contacts',
      'test/fixtures/import/python-zipfile-ldif.zip/Thunderbird/thunderbird.ldif (LDIF export):',
      '  3 new contacts',
      'test/fixtures/import/google-contacts.vcf.gz (vCard export):',
      '  2 new contacts',
    ]);
    expect(await readFile(path.join(dir, 'contacts/nguyen-thi-lan.yaml'), 'utf8')).toContain('name: Nguyễn Thị Lan\n');
    const check = await runScript('check', ['--content', dir]);
    expect([check.stderr, check.code]).toEqual(['', 0]);
  });

  it("imports Mailchimp's audience list by list, and each label of a Google Takeout, skipping the tables that are not an address book", async () => {
    dir = await writeTree({ 'settings.yaml': settings });
    const run = (file: string) => runScript('import', [fixture(file), '--content', dir, '--date', '2026-03-02']);
    const mailchimp = await run('mailchimp-audience.zip');
    const takeout = await run('takeout-contacts.zip');
    expect([mailchimp.stderr, mailchimp.code, takeout.stderr, takeout.code]).toEqual(['', 0, '', 0]);
    expect((mailchimp.stdout + takeout.stdout).replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/mailchimp-audience.zip/subscribed_email_audience_export_5b2e9f.csv (Mailchimp audience export):
        3 new contacts
        0 contacts updated
        0 already up to date
      New contacts:
        ana-ruiz: Ana Ruiz, row 2
        tom-byrne: Tom Byrne, row 3
        jose-alvarez: José Álvarez, row 4

      test/fixtures/import/mailchimp-audience.zip/unsubscribed_email_audience_export_5b2e9f.csv (Mailchimp audience export):
        1 new contact
        1 contact updated
        0 already up to date
      New contacts:
        zoe-kim: Zoë Kim, row 3
      Updated:
        ana-ruiz: Ana Ruiz, row 2: unsubscribed

      test/fixtures/import/mailchimp-audience.zip/cleaned_email_audience_export_5b2e9f.csv (Mailchimp audience export):
        1 new contact
        0 contacts updated
        0 already up to date
      New contacts:
        olu-bello: Olu Bello, row 2
      test/fixtures/import/takeout-contacts.zip/Takeout/Contacts/Clients/Clients.vcf (vCard export):
        1 new contact
        0 contacts updated
        0 already up to date
      New contacts:
        priya-shah: Priya Shah, card 1

      test/fixtures/import/takeout-contacts.zip/Takeout/Contacts/All Contacts/All Contacts.vcf (vCard export):
        1 new contact
        0 contacts updated
        1 already up to date
      New contacts:
        lee-chen: Lee Chen, card 2
      Skipped test/fixtures/import/takeout-contacts.zip/Takeout/YouTube and YouTube Music/subscriptions/subscriptions.csv: its columns are not an address book the import knows (import it alone if it is one)
      "
    `);
    // The unsubscribed list's Ana is the subscribed list's: one contact, who has since unsubscribed.
    expect(await readFile(path.join(dir, 'contacts/ana-ruiz.yaml'), 'utf8')).toContain(
      "unsubscribed:\n  date: 2025-06-10\n  evidence: 'row 2 of unsubscribed_email_audience_export_5b2e9f.csv: UNSUB_TIME",
    );
    const check = await runScript('check', ['--content', dir]);
    expect([check.stderr, check.code]).toEqual(['', 0]);
    const before = await snapshotFolder(dir);
    const again = [await run('mailchimp-audience.zip'), await run('takeout-contacts.zip')];
    expect(again.map((r) => r.stdout.match(/^ {2}\d+ new contacts?$/gm))).toEqual([
      ['  0 new contacts', '  0 new contacts', '  0 new contacts'],
      ['  0 new contacts', '  0 new contacts'],
    ]);
    expect(await snapshotFolder(dir)).toEqual(before);
  });

  // outlook-vcards.zip: Outlook's "Save as" vCards, a file a person in a folder, zipped as Windows'
  // Compressed folder does (Python's zipfile writing the names in code page 437 without the UTF-8 flag).
  it('tells an archive of many exports a line an export, then the total', async () => {
    dir = await writeTree({ 'settings.yaml': settings });
    const run = await runScript('import', [fixture('outlook-vcards.zip'), '--content', dir, '--date', '2026-03-02']);
    expect([run.stderr, run.code]).toEqual(['', 0]);
    expect(run.stdout.replaceAll(ROOT, '')).toMatchInlineSnapshot(`
      "test/fixtures/import/outlook-vcards.zip/Contacts/Renée Lefèvre.vcf (vCard export, WINDOWS-1252): 1 new contact, 0 contacts updated, 0 already up to date
      test/fixtures/import/outlook-vcards.zip/Contacts/Ana Ruiz.vcf (vCard export): 1 new contact, 0 contacts updated, 0 already up to date
      test/fixtures/import/outlook-vcards.zip/Contacts/Tom Byrne.vcf (vCard export): 1 new contact, 0 contacts updated, 0 already up to date
      test/fixtures/import/outlook-vcards.zip/Contacts/Leo Novak.vcf (vCard export): 1 new contact, 0 contacts updated, 0 already up to date
      test/fixtures/import/outlook-vcards.zip, 4 exports: 4 new contacts, 0 contacts updated, 0 already up to date (list them with --verbose)
      "
    `);
    expect(await readFile(path.join(dir, 'contacts/renee-lefevre.yaml'), 'utf8')).toContain('name: Renée Lefèvre\n');
  });

  it('refuses an archive cut short, one locked with a password and one of tables it does not know, naming the archive and what it holds, and writes nothing', async () => {
    dir = await writeTree({ 'settings.yaml': settings });
    const told = [];
    for (const file of ['info-zip-truncated.zip', 'info-zip-password.zip', 'hubspot-shopify.zip']) {
      const run = await runScript('import', [fixture(file), '--content', dir, '--date', '2026-03-02']);
      expect([run.stdout, run.code]).toEqual(['', 1]);
      told.push(run.stderr.replaceAll(ROOT, ''));
    }
    expect(told.join('')).toMatchInlineSnapshot(`
      "test/fixtures/import/info-zip-truncated.zip is not a whole zip archive: it was cut short, or is damaged
        Zip the export again, without a password, and import that archive (or import the export itself, not zipped).
      test/fixtures/import/info-zip-password.zip cannot be unpacked: Contacts.vcf in it is damaged, or locked with a password
        Zip the export again, without a password, and import that archive (or import the export itself, not zipped).
      test/fixtures/import/hubspot-shopify.zip holds 2 exports (hubspot-contacts.csv and shopify-customers.csv), none of them an address book the import knows by its columns
        Take the exports out of the archive and import them one at a time, each as it is or zipped alone.
      "
    `);
    expect(await snapshotFolder(dir)).toEqual({ 'settings.yaml': settings });
  });

  it('shares a large import with worker threads, and a second import of it writes nothing (issue 16)', async () => {
    // Past 2,000 files the contacts are read, and new ones written, by workers.
    const rows = Array.from({ length: 2500 }, (_, i) => `Person ${i},Number${i},p${i}@example.com,+44 7700 ${100000 + i}`);
    dir = await writeTree({ 'settings.yaml': settings, 'contacts/ana.yaml': ANA });
    await addToTree(dir, {
      // The last rows: Ana is on file already; Person 5 again, with a second address, after the
      // file for the first Person 5 was written.
      'export.csv': [
        'First Name,Last Name,E-mail Address,Mobile Phone',
        ...rows,
        'Ana,Ruiz,ana.ruiz@example.com,',
        'Person 5,Number5,p5@example.com; p5@work.example,',
      ].join('\n'),
    });
    const csv = path.join(dir, 'export.csv');

    const first = await runScript('import', [csv, '--content', dir, '--date', '2026-03-02']);
    expect([first.stderr, first.code]).toEqual(['', 0]);
    // Too many to list: the owner is told how to see them.
    expect(first.stdout.replaceAll(dir, 'DIR')).toBe(
      'DIR/export.csv (CSV file):\n  2,500 new contacts (list them with --verbose)\n  0 contacts updated\n  1 already up to date\n',
    );
    expect(await readFile(path.join(dir, 'contacts/person-2499-number2499.yaml'), 'utf8')).toBe(`name: Person 2499 Number2499
firstName: Person 2499
emails:
  - p2499@example.com
phone: +44 7700 102499
segment: sphere
`);

    const files = await snapshotFolder(dir);
    const times = async () => Promise.all(Object.keys(files).map(async (f) => (await stat(path.join(dir, f))).mtimeMs));
    const before = await times();
    const second = await runScript('import', [csv, '--content', dir, '--date', '2026-03-09']);
    expect([second.stderr, second.code]).toEqual(['', 0]);
    expect(second.stdout.replaceAll(dir, 'DIR')).toBe(
      'DIR/export.csv (CSV file):\n  0 new contacts\n  0 contacts updated\n  2,502 already up to date\n',
    );
    expect(await snapshotFolder(dir)).toEqual(files);
    expect(await times()).toEqual(before);
  });
  // Issue 16: every bad value with its hint made two lines a value; 1,000 bad birthdays, 2,000 lines.
  it('prints problems by kind: a kind with many rows on one line naming its first rows, each hint once; --verbose lists all', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `Person ${i},p${i}@example.com,${i % 5 === 0 ? '15' : '1980-01-02'}`);
    dir = await writeTree({ 'settings.yaml': settings, 'export.csv': ['Name,Email,Birthday', ...rows, 'Ana Ruiz,none,'].join('\n') });
    const csv = path.join(dir, 'export.csv');
    const quiet = await runScript('import', [csv, '--content', dir, '--date', '2026-03-02']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout.replaceAll(dir, 'DIR').split('\n').slice(0, 5)).toEqual([
      'DIR/export.csv (CSV file):',
      '  41 new contacts (list them with --verbose)',
      '  0 contacts updated',
      '  0 already up to date',
      '  9 values left out',
    ]);
    expect(quiet.stderr.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "DIR/export.csv Birthday (column C) not a date: 8 rows (rows 2, 7, 12, 17, 22, …; --verbose lists all)
        The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.
      DIR/export.csv:42:1 Email: row 42, column B: "none" is not an email address; imported without it
        The person was imported without this value: add it to their contact file by hand, or correct the export and import it again.
      "
    `);
    const verbose = await runScript('import', [csv, '--content', dir, '--date', '2026-03-02', '--verbose']);
    const lines = verbose.stderr.replaceAll(dir, 'DIR').trimEnd().split('\n');
    expect(lines).toHaveLength(8 + 1 + 1 + 1);
    expect(lines[7]).toBe('DIR/export.csv:37:1 Birthday: row 37, column C: "15" is not a date; imported without it');
    // Under Actions every problem is still an annotation with its own line, counted or not.
    const actions = await runScript('import', [csv, '--content', dir, '--date', '2026-03-02'], { GITHUB_ACTIONS: 'true' });
    const annotations = actions.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toHaveLength(9);
    expect(annotations[0].replaceAll(dir, 'DIR').replace(/::Birthday.*$/, '')).toBe(
      '::error file=DIR/export.csv,line=2,col=1,title=BadImportValue',
    );
  });
});
