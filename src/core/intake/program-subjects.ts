/**
 * The subjects programs write: an autoresponder's ("Automatic reply:", "Abwesenheitsnotiz:", an
 * away phrase with nothing new after it), a receipt's, a meeting response's, a recall's, a mail
 * system's notice, a challenge–response filter's tag, in the languages the business's contacts
 * are likely to write in. `automatic.ts` weighs them with the headers and the words. Pure.
 */

// Subjects that only an autoresponder begins with: whatever follows is the original subject.
const PROGRAM_PHRASES = [
  // English
  'automatic reply',
  'auto(?:matic)?[- ]?(?:reply|response|responder|antwort)',
  'vacation (?:reply|notice|message)',
  // German, Dutch, Scandinavian, Finnish
  'automatische antwort',
  'abwesenheits?(?:notiz|meldung|nachricht)',
  'automatisch antwoord',
  'autosvar',
  'automati(?:sk|skt) svar',
  'automaattinen vastaus',
  // French, Spanish, Portuguese, Italian
  'r[ée]ponse automatique',
  'respuesta autom[áa]tica',
  'resposta autom[áa]tica',
  'mensagem autom[áa]tica',
  'risposta automatica',
  // Polish, Czech, Turkish, Hungarian, Romanian, Greek, Ukrainian, Bulgarian, Russian
  'automatyczna odpowied[źz]',
  'odpowied[źz] automatyczna',
  'autoodpowied[źz]',
  'automatická odpověď',
  'otomatik yanıt',
  'automatikus válasz',
  'r[ăa]spuns automat',
  'αυτόματη απάντηση',
  'автоматична відповідь',
  'автоматичен отговор',
  'автоответ',
  'автоматический ответ',
  // Chinese, Korean, Japanese
  '自动回复',
  '自动答复',
  '자동 ?(?:회신|응답)',
  '自動回覆',
  '自動返信',
  '自動応答',
  '(?:不在|休暇)の(?:お知らせ|ご連絡)',
  // Success and delay notices a mail system writes as plain text
  'delivery status notification',
  'successful mail delivery report',
  // Helpdesks acknowledging a ticket (Freshdesk, ServiceNow, HubSpot)
  'ticket (?:received|created|opened)',
  "we(?:['’]ve| have) received your (?:request|message|e-?mail|enquiry|inquiry)",
  'your (?:request|ticket|case) (?:#?\\d+ )?has been (?:received|created|opened|logged)',
];

// Words people also begin a subject with ("On holiday plans", "Out of office move"): an
// autoresponder's only when nothing but a separator, a date or when the person is back follows.
const AWAY_PHRASES = [
  'out of (?:the )?office',
  'away from (?:the |my )?(?:office|desk)',
  'on (?:vacation|holiday|leave|annual leave|parental leave)',
  'i am (?:currently )?(?:out of (?:the )?office|away from (?:the |my )?(?:office|desk)|away|out|on (?:leave|holiday|vacation))',
  // Lotus Notes: "Ana Ruiz is out of the office."
  '[^:]{0,60}\\bis (?:currently )?(?:out of (?:the )?office|away|on (?:vacation|holiday|leave))',
  'absence',
  'abwesend',
  'afwezig(?:heid)?',
  'fravær(?:ende)?',
  'frånvaro',
  'absen(?:ce|te?) du bureau',
  'fuera de la oficina',
  'ausente',
  'fora do escritório',
  'estou (?:de férias|fora|ausente)',
  'aus[êe]ncia',
  'fuori (?:sede|ufficio)',
  'nieobecno(?:ść|sc)(?: w (?:biurze|pracy))?',
  'нет на месте',
  '不在',
  '休暇',
];

/** What may follow an away phrase in an autoresponder's subject: the end, a separator, a date, a return. */
const AWAY_ENDS =
  '(?=\\s*$|\\s*[\\]】):：\\-–—|,.!;(/]|\\s+(?:\\d|(?:until|till|through|from|back|returning|auto-?reply|reply|response|notice|notification|message|bis|ab|vom|jusqu|hasta|desde|fino|dal|tot|van|до)(?![\\p{L}])))';

const LEADING = '^\\s*[\\[【(]?\\s*';
const PROGRAM_SUBJECT = new RegExp(`${LEADING}(?:${PROGRAM_PHRASES.join('|')})`, 'iu');
const AWAY_SUBJECT = new RegExp(`${LEADING}(?:${AWAY_PHRASES.join('|')})${AWAY_ENDS}`, 'iu');
/** Reply and forward prefixes: `Re:`, `AW:`, `SV:`, `Antw:`, `Fwd:`, `WG:`, `TR:`, `RV:`, `RES:`. */
const PREFIXES = /^(?:\s*(?:re|aw|sv|antw|fwd?|wg|tr|rv|res|odp)\s*:\s*)+/i;

/**
 * What a mail program writes before the colon when the sender clicks rather than writes, or when
 * it reports on a message: a read or not-read receipt (Outlook's and RFC 8098 MDNs, in the
 * languages Outlook speaks), a meeting response, Outlook's recall and its report, Exchange's
 * success and delay notices. Only with the colon, and never after a reply prefix: "Re: Accepted:
 * …" is a person answering one.
 */
const NOTICE_PHRASES = [
  // Read receipts: English, German, French, Spanish, Italian, Dutch, Scandinavian, Portuguese, Polish
  '(?:not )?read',
  '(?:nicht )?gelesen',
  '(?:non )?lu',
  '(?:no )?le[íi]do',
  '(?:non )?letto',
  '(?:niet )?gelezen',
  '(?:ikke |inte )?(?:læst|läst|lest)',
  '(?:não )?lido',
  '(?:nie )?przeczytan[oa]',
  // Meeting responses
  'accepted',
  'tentative(?:ly accepted)?',
  'declined',
  'new time proposed',
  '(?:mit vorbehalt )?angenommen',
  'abgelehnt',
  'accepté',
  'refusé',
  'provisoire',
  'aceptado',
  'rechazado',
  'provisional',
  'accettato',
  'rifiutato',
  'geaccepteerd',
  'geweigerd',
  // Exchange's success and delay notices
  'delivered',
  'relayed',
  'delivery delayed',
  'zugestellt',
  // Outlook's message recall
  'recall',
  'rückruf',
  'message recall (?:success|failure|report)',
];
const NOTICE_SUBJECT = new RegExp(`^\\s*(?:${NOTICE_PHRASES.join('|')})[\\s\\u00a0]*:`, 'iu');

/** A challenge–response filter's tag after the subject (Spam Arrest, Boxbe): "… [Verification Required]". */
const CHALLENGE_SUBJECT = /[[(](?:verification required|action required|please verify|sender verification)[\])]\s*$/i;

/**
 * Whether a program wrote the subject: it opens with a phrase only programs use ("Automatic
 * reply:", "Abwesenheitsnotiz:", "Réponse automatique :"), ends with a challenge's tag, or, with
 * no reply prefix, is an away phrase with nothing new after it ("Out of office", "On holiday
 * until 3 January") or a notice's ("Read:", "Accepted:"). "Re: On holiday plans" is a person
 * answering, and "Out of office move" a person's own words.
 */
export function isProgramSubject(subject: string): boolean {
  if (PROGRAM_SUBJECT.test(subject.replace(PREFIXES, '')) || CHALLENGE_SUBJECT.test(subject)) return true;
  return !PREFIXES.test(subject) && (AWAY_SUBJECT.test(subject) || NOTICE_SUBJECT.test(subject));
}
