/**
 * Which field each column of a CSV export fills: Google's and Outlook's own headers (Outlook's in
 * the languages it is sold in), common words for any other table, and the owner's header map.
 * Pure.
 */
import type { ImportField } from './person.ts';

export type CsvFormat = 'google' | 'outlook' | 'yahoo' | 'linkedin' | 'generic';
/** Header (any case) → field. */
export type HeaderMap = ReadonlyMap<string, ImportField>;

/** A header reduced for comparison: lower case, no accents, letters and digits only. */
function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const table = (entries: Record<string, ImportField>) => new Map(Object.entries(entries).map(([h, f]) => [headerKey(h), f]));

const GOOGLE = table({
  name: 'name',
  'given name': 'firstName',
  'additional name': 'middleName',
  'family name': 'lastName',
  'first name': 'firstName',
  'middle name': 'middleName',
  'last name': 'lastName',
  'organization name': 'organization',
  'organization title': 'title',
  'organization 1 - name': 'organization',
  'organization 1 - title': 'title',
  birthday: 'birthday',
  notes: 'notes',
  labels: 'tags',
  'group membership': 'tags',
  'address 1 - city': 'area',
});

// Yahoo Mail's export: told by its "Messenger ID" and "Yahoo Phone" columns; its bare "Home",
// "Work", "Other" and "Primary" are phone numbers, and "Title" is a job title.
const YAHOO = table({
  first: 'firstName',
  middle: 'middleName',
  last: 'lastName',
  email: 'email',
  'alternate email 1': 'email',
  'alternate email 2': 'email',
  primary: 'phone',
  mobile: 'phone',
  home: 'phone',
  work: 'phone',
  other: 'phone',
  'yahoo phone': 'phone',
  category: 'tags',
  title: 'title',
  company: 'organization',
  'home city': 'area',
  'work city': 'area',
  birthday: 'birthday',
  comments: 'notes',
});

/**
 * Outlook's CSV headers by language, as its desktop export writes them ("Export to a file",
 * "Comma Separated Values"). A file is taken as Outlook's when it has at least five of a
 * language's headers, the e-mail column among them.
 */
const OUTLOOK: Record<string, ReadonlyMap<string, ImportField>> = {
  en: table({
    'first name': 'firstName',
    'middle name': 'middleName',
    'last name': 'lastName',
    'e-mail address': 'email',
    'e-mail 2 address': 'email',
    'e-mail 3 address': 'email',
    'primary phone': 'phone',
    'mobile phone': 'phone',
    'home phone': 'phone',
    'home phone 2': 'phone',
    'business phone': 'phone',
    'business phone 2': 'phone',
    'other phone': 'phone',
    company: 'organization',
    'job title': 'title',
    birthday: 'birthday',
    notes: 'notes',
    categories: 'tags',
    'home city': 'area',
    'business city': 'area',
  }),
  de: table({
    vorname: 'firstName',
    'weitere vornamen': 'middleName',
    nachname: 'lastName',
    'e-mail-adresse': 'email',
    'e-mail 2: adresse': 'email',
    'e-mail 3: adresse': 'email',
    haupttelefon: 'phone',
    mobiltelefon: 'phone',
    'telefon privat': 'phone',
    'telefon privat 2': 'phone',
    'telefon geschäftlich': 'phone',
    'telefon geschäftlich 2': 'phone',
    'weiteres telefon': 'phone',
    firma: 'organization',
    position: 'title',
    geburtstag: 'birthday',
    notizen: 'notes',
    kategorien: 'tags',
    'ort privat': 'area',
    'ort geschäftlich': 'area',
  }),
  fr: table({
    prénom: 'firstName',
    'deuxième prénom': 'middleName',
    nom: 'lastName',
    'adresse de messagerie': 'email',
    'adresse de messagerie 2': 'email',
    'adresse de messagerie 3': 'email',
    'téléphone principal': 'phone',
    'tél. mobile': 'phone',
    'téléphone mobile': 'phone',
    'tél. domicile': 'phone',
    'téléphone (domicile)': 'phone',
    'tél. bureau': 'phone',
    'téléphone (bureau)': 'phone',
    'téléphone 2 (bureau)': 'phone',
    'téléphone 2 (domicile)': 'phone',
    'téléphone (autre)': 'phone',
    société: 'organization',
    'titre (fonction)': 'title',
    fonction: 'title',
    anniversaire: 'birthday',
    notes: 'notes',
    catégories: 'tags',
    'ville (domicile)': 'area',
    'ville (bureau)': 'area',
  }),
  es: table({
    nombre: 'firstName',
    'segundo nombre': 'middleName',
    apellidos: 'lastName',
    'dirección de correo electrónico': 'email',
    'dirección de correo electrónico 2': 'email',
    'dirección de correo electrónico 3': 'email',
    // Spanish Outlook writes the third address's header with "del".
    'dirección del correo electrónico 3': 'email',
    'teléfono principal': 'phone',
    'teléfono móvil': 'phone',
    particular: 'phone',
    'teléfono particular': 'phone',
    'teléfono del trabajo': 'phone',
    'teléfono del trabajo 2': 'phone',
    'teléfono particular 2': 'phone',
    móvil: 'phone',
    'otro teléfono': 'phone',
    organización: 'organization',
    compañía: 'organization',
    puesto: 'title',
    cumpleaños: 'birthday',
    notas: 'notes',
    categorías: 'tags',
    'ciudad de residencia': 'area',
    'ciudad del trabajo': 'area',
    'ciudad de trabajo': 'area',
  }),
  it: table({
    nome: 'firstName',
    'secondo nome': 'middleName',
    cognome: 'lastName',
    'indirizzo posta elettronica': 'email',
    'indirizzo posta elettronica 2': 'email',
    'indirizzo posta elettronica 3': 'email',
    'indirizzo e-mail': 'email',
    'indirizzo e-mail 2': 'email',
    'indirizzo e-mail 3': 'email',
    'telefono principale': 'phone',
    cellulare: 'phone',
    abitazione: 'phone',
    ufficio: 'phone',
    'telefono (uff.)': 'phone',
    'telefono 2 (uff.)': 'phone',
    'telefono (ab.)': 'phone',
    'telefono 2 (ab.)': 'phone',
    'altro telefono': 'phone',
    'telefono mobile': 'phone',
    società: 'organization',
    posizione: 'title',
    qualifica: 'title',
    compleanno: 'birthday',
    note: 'notes',
    categorie: 'tags',
    'città (ab.)': 'area',
    'città (uff.)': 'area',
  }),
  nl: table({
    voornaam: 'firstName',
    'middelste naam': 'middleName',
    achternaam: 'lastName',
    'e-mailadres': 'email',
    'e-mailadres 2': 'email',
    'e-mailadres 3': 'email',
    hoofdtelefoon: 'phone',
    'mobiele telefoon': 'phone',
    'telefoon thuis': 'phone',
    'telefoon op werk': 'phone',
    'telefoon op werk 2': 'phone',
    'telefoon thuis 2': 'phone',
    'andere telefoon': 'phone',
    bedrijf: 'organization',
    functie: 'title',
    verjaardag: 'birthday',
    notities: 'notes',
    categorieën: 'tags',
    'plaats (thuis)': 'area',
    'plaats (werk)': 'area',
    woonplaats: 'area',
  }),
  pt: table({
    nome: 'firstName',
    'segundo nome': 'middleName',
    sobrenome: 'lastName',
    'primeiro nome': 'firstName',
    'último nome': 'lastName',
    'nome do meio': 'middleName',
    apelido: 'lastName',
    'endereço de email': 'email',
    'endereço de email 2': 'email',
    'endereço de email 3': 'email',
    'endereço de e-mail': 'email',
    'endereço de e-mail 2': 'email',
    'endereço de e-mail 3': 'email',
    'endereço de correio eletrónico': 'email',
    'endereço de correio eletrónico 2': 'email',
    'telefone principal': 'phone',
    'telefone celular': 'phone',
    telemóvel: 'phone',
    'telefone residencial': 'phone',
    'telefone comercial': 'phone',
    'telefone comercial 2': 'phone',
    'telefone residencial 2': 'phone',
    'outro telefone': 'phone',
    celular: 'phone',
    'fone comercial': 'phone',
    'fone de casa': 'phone',
    empresa: 'organization',
    cargo: 'title',
    aniversário: 'birthday',
    anotações: 'notes',
    observações: 'notes',
    notas: 'notes',
    categorias: 'tags',
    'cidade residencial': 'area',
    'cidade comercial': 'area',
  }),
  ja: table({
    姓: 'lastName',
    名: 'firstName',
    ミドルネーム: 'middleName',
    '電子メール アドレス': 'email',
    '電子メール 2 アドレス': 'email',
    '電子メール 3 アドレス': 'email',
    携帯電話: 'phone',
    自宅電話: 'phone',
    会社電話: 'phone',
    会社名: 'organization',
    役職: 'title',
    誕生日: 'birthday',
    メモ: 'notes',
    分類: 'tags',
  }),
};

// Headers of any other table, reduced by headerKey.
const WORDS = table({
  name: 'name',
  fullname: 'name',
  displayname: 'name',
  contactname: 'name',
  firstname: 'firstName',
  givenname: 'firstName',
  forename: 'firstName',
  first: 'firstName',
  middlename: 'middleName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  last: 'lastName',
  segment: 'segment',
  tier: 'tier',
  tags: 'tags',
  tag: 'tags',
  labels: 'tags',
  groups: 'tags',
  categories: 'tags',
  area: 'area',
  city: 'area',
  town: 'area',
  homecity: 'area',
  workcity: 'area',
  birthday: 'birthday',
  dateofbirth: 'birthday',
  dob: 'birthday',
  birthdate: 'birthday',
  clientsince: 'clientSince',
  customersince: 'clientSince',
  company: 'organization',
  organization: 'organization',
  organisation: 'organization',
  jobtitle: 'title',
  position: 'title',
  notes: 'notes',
  note: 'notes',
  comments: 'notes',
  emailconsent: 'emailConsent',
  consent: 'emailConsent',
  optin: 'emailConsent',
  emailoptin: 'emailConsent',
  subscribed: 'emailConsent',
  marketingconsent: 'emailConsent',
  acceptsemailmarketing: 'emailConsent',
  consentdate: 'consentDate',
  optindate: 'consentDate',
  subscribedon: 'consentDate',
  // Thunderbird's export in German: its name, phone and city columns.
  vorname: 'firstName',
  nachname: 'lastName',
  anzeigename: 'name',
  mobiltelnr: 'phone',
  teldienstlich: 'phone',
  telprivat: 'phone',
  privatort: 'area',
  dienstlichort: 'area',
  arbeitstitel: 'title',
  notizen: 'notes',
});

// Thunderbird's birthday in three columns; in German its day column is "Geburtstag", which
// elsewhere (Outlook) is the whole birthday.
const BIRTH_PARTS = table({
  birthyear: 'birthYear',
  birthmonth: 'birthMonth',
  birthday: 'birthDay',
  geburtsjahr: 'birthYear',
  geburtsmonat: 'birthMonth',
  geburtstag: 'birthDay',
});

/** The format of a CSV export and the field of each of its columns (undefined: not imported). */
export function readHeaders(headers: readonly string[], map: HeaderMap): { format: CsvFormat; fields: (ImportField | undefined)[] } {
  const keys = headers.map(headerKey);
  const mapped = new Map([...map].map(([h, f]) => [headerKey(h), f]));
  const outlook = outlookLanguage(keys);
  const format: CsvFormat =
    keys.some((k) => /^email\dvalue$/.test(k)) || keys.includes('givenname')
      ? 'google'
      : keys.includes('connectedon') && keys.includes('url')
        ? 'linkedin'
        : keys.includes('messengerid') && keys.includes('yahoophone')
          ? 'yahoo'
          : outlook
            ? 'outlook'
            : 'generic';
  // Thunderbird writes a birthday in three columns: "Birth Year", "Birth Month", "Birth Day".
  const inParts = keys.includes('birthmonth') || keys.includes('geburtsmonat');
  const fields = keys.map((key) => {
    const own = mapped.get(key);
    if (own) return own;
    if (inParts && BIRTH_PARTS.has(key)) return BIRTH_PARTS.get(key);
    if (format === 'google') {
      if (/^email\dvalue$/.test(key)) return 'email';
      if (/^phone\dvalue$/.test(key)) return 'phone';
      if (GOOGLE.has(key)) return GOOGLE.get(key);
    }
    if (format === 'yahoo') return YAHOO.get(key);
    if (outlook?.has(key)) return outlook.get(key);
    if (WORDS.has(key)) return WORDS.get(key);
    if (format === 'google' || format === 'outlook') return undefined;
    if (/e?mail/.test(key) && !/(label|type)$/.test(key)) return 'email';
    if (/phone|mobile|^cell|^tel/.test(key) && !/(label|type)$/.test(key)) return 'phone';
    return undefined;
  });
  return { format, fields };
}

function outlookLanguage(keys: readonly string[]): ReadonlyMap<string, ImportField> | undefined {
  // Languages share words ("Nome" is Italian and Portuguese): the one that knows the most headers wins.
  let best: ReadonlyMap<string, ImportField> | undefined;
  let most = 4;
  for (const headers of Object.values(OUTLOOK)) {
    const known = keys.filter((k) => headers.has(k));
    if (known.length > most && known.some((k) => headers.get(k) === 'email')) [best, most] = [headers, known.length];
  }
  return best;
}
