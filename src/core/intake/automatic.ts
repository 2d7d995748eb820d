/**
 * Messages a program sent: an out-of-office or vacation notice, an autoresponder, a list's bulk
 * mail, a helpdesk's acknowledgement, a challenge–response filter's request, a read receipt, a
 * meeting response, a recall, a mail system's success notice, a "has left" notice. They are never
 * a testimonial, a request or a touch. Known by the headers programs set (RFC 3834
 * `Auto-Submitted`, `X-Autoreply`, `Precedence`), by the subjects they write, and by the words
 * only they use, in the languages the business's contacts are likely to write in.
 */
import type { IncomingMessage } from './run.ts';

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
 * Whether the subject is one an autoresponder writes: it opens with a phrase only programs use
 * ("Automatic reply:", "Abwesenheitsnotiz:", "Réponse automatique :"), or it is an away phrase
 * with nothing new after it ("Out of office", "On holiday until 3 January"). "Re: On holiday
 * plans" is a person answering, and "Out of office move" a person's own words.
 */
function isVacationSubject(subject: string): boolean {
  if (PROGRAM_SUBJECT.test(subject.replace(PREFIXES, '')) || CHALLENGE_SUBJECT.test(subject)) return true;
  return !PREFIXES.test(subject) && (AWAY_SUBJECT.test(subject) || NOTICE_SUBJECT.test(subject));
}

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

/** Headers only autoresponders set (cPanel, Yahoo, Zimbra, FirstClass, vacation programs). */
const AUTORESPONDER_HEADERS = [
  'x-autoreply',
  'x-autorespond',
  'x-autoresponse',
  'x-auto-response',
  'x-autoreply-from',
  'x-mail-autoreply',
  'x-autogenerated',
  'x-fc-machinegenerated',
  'x-vacation',
];

/**
 * The opening of an out-of-office notice that carries no header or subject of its own, in the
 * languages of the subjects above: "I am out of the office until…", "Thank you for your email.
 * I'm on leave…", "Vielen Dank für Ihre E-Mail. Ich bin bis … außer Haus", "Gracias por su
 * mensaje. Estaré fuera de la oficina…". "I'm back from holiday" is not one.
 */
const AWAY_GREETING =
  '(?:hi|hello|dear|good (?:morning|afternoon|day)|sehr geehrte|liebe|hallo|guten tag|hola|estimad[oa]s?|buenos días|bonjour|madame|monsieur|buongiorno|gentil[ei]|beste|geachte|goedendag|olá|prezad[oa]s?|bom dia)';
const AWAY_THANKS = [
  '(?:many )?thanks?(?: you)? for your (?:e-?mail|message)',
  '(?:vielen )?dank für ihre (?:e-?mail|nachricht)',
  '(?:muchas )?gracias por su (?:mensaje|correo(?: electrónico)?|e-?mail)',
  'merci (?:pour|de) votre (?:message|e-?mail|courriel)',
  'grazie per (?:il (?:suo |tuo )?messaggio|la (?:sua |tua )?e-?mail)',
  'bedankt voor (?:uw|je) (?:bericht|e-?mail)',
  'obrigad[oa] pel[ao] (?:sua )?(?:mensagem|e-?mail)',
];
// "Ich bin" and "außer Haus" with nothing between, or a when ("bis einschließlich 13. November":
// a date's dot is no sentence's end); "Je suis ravie, même si j'étais absente…" is a person's.
const BETWEEN = '(?:[^.,;!?\\n]|(?<=\\d)\\.){0,40}?';
const away = (iAm: string, when: string, words: string) => `(?:${iAm}) (?:(?:${when})\\b${BETWEEN}\\s)?(?:${words})`;
const AWAY_SAYS = [
  "(?:I am|I['’]m|I will be|I['’]ll be) (?:currently |now )?(?:out of (?:the )?office|away from (?:the |my )?(?:office|desk)|on (?:annual |parental |maternity |paternity )?(?:leave|holiday|vacation))\\b",
  away(
    'ich bin',
    'bis|vom|von|ab|heute|derzeit|zurzeit|momentan|aktuell|leider',
    'nicht im büro|außer haus|abwesend|im urlaub|nicht erreichbar',
  ),
  away('estaré|estoy', 'hasta|desde|del|hoy|actualmente', 'fuera de la oficina|de vacaciones|ausente'),
  away('je suis|je serai', 'actuellement|jusqu|du|aujourd', 'absente?|en congés?|en vacances|hors du bureau'),
  away('sono|sarò', 'attualmente|fino|dal|oggi', 'in ferie|fuori (?:sede|ufficio)|assente'),
  away('ik ben', 'momenteel|tot|van|vanaf|vandaag', 'afwezig|niet op kantoor|met vakantie'),
  away('estou|estarei', 'atualmente|até|desde|hoje', 'fora do escritório|de férias|ausente'),
];
const AWAY = new RegExp(
  `^(?:${AWAY_GREETING}\\b[^\\n]{0,60}\\n+)?(?:(?:${AWAY_THANKS.join('|')})[.!,]?\\s*)?(?:${AWAY_SAYS.join('|')})`,
  'iu',
);

/**
 * Words only a program writes to the sender of a message it took in: a helpdesk's "we have
 * received your request" with its ticket or its team, a challenge–response filter asking the
 * sender to prove they are human, Outlook's recall, a mailbox's "no longer monitored" or "my
 * address has changed" notice. A person who writes "I have received your email and will reply
 * within a few days" is none of these.
 */
const RECEIVED =
  /\bwe(?:['’]ve| have) (?:now )?received your (?:request|message|e-?mail|enquiry|inquiry)\b|\byour (?:request|ticket|case|enquiry|inquiry)\b[^.\n]{0,20}\bhas been (?:received|logged|created|opened)\b/i;
const RECEIVED_BY_DESK =
  /\b(?:ticket|case|request|incident|conversation|reference)\s*(?:id|number|no\.?)?\s*[:#(]?\s*#?[a-z]{0,4}\d{3,}|\bwithin (?:\d+|one|two|three) (?:business |working )?(?:hours?|days?)\b|\b(?:support|service|help) ?(?:team|desk|staff|representative|agent)s?\b|\bone of (?:the|our) team\b/i;
const PROGRAM_WORDS = [
  // Challenge–response filters (Boxbe, Spam Arrest, MailWasher)
  /\b(?:verify|confirm|prove) (?:that )?you(?:['’]re| are) (?:a )?(?:human|real person|not a (?:robot|spammer|computer))/i,
  /\b(?:complete|finish) the (?:sender )?verification\b|\bchallenge[- ]response\b/i,
  /\byour (?:message|e-?mail)\b(?:[^.\n]|\.(?=\S)){0,80}\b(?:has been|is being|was) (?:waitlisted|held|quarantined|put on hold)\b/i,
  /\byour (?:message|e-?mail) has not been delivered yet\b/i,
  // Outlook's recall: "Ana Ruiz would like to recall the message, …"
  /^[^\n]{1,80} would like to recall the message\b/i,
];
const MOVED =
  /\b(?:no longer (?:works? (?:at|for|with)|employed)|has left the (?:company|firm|business|organi[sz]ation|practice))\b|\b(?:this|my) (?:e-?mail )?(?:address|mailbox|account) (?:is|will be) (?:no longer (?:in use|monitored|active|valid)|closed|deactivated)\b|\bmy (?:e-?mail )?address has changed\b|\bmy new e-?mail address is\b/i;

/**
 * The stock sentences of an out-of-office that opens with neither "I am away" nor a greeting the
 * AWAY pattern knows ("I'm travelling with limited signal until 9 November. For anything urgent
 * please ring…"). Any one a person may write; two together only a notice does.
 */
const AWAY_STOCK = [
  /\b(?:limited|no|intermittent) (?:access to (?:my )?e-?mails?|(?:phone |mobile )?signal|connectivity)\b/i,
  /\b(?:anything|something|matters?|enquir(?:y|ies)|quer(?:y|ies)|cases?) (?:that (?:is|are) )?urgent\b|\burgent (?:matters|enquiries|queries|cases)\b/i,
  /\b(?:on|upon|after) my return\b|\bwill wait for me\b/i,
  /\b(?:until|till|through) (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?(?:the )?\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i,
];

function hasProgramWords(words: string): boolean {
  const text = words.trim();
  const opening = text.split(/\n\s*\n/)[0] ?? '';
  if (AWAY.test(text) || MOVED.test(opening)) return true;
  if (AWAY_STOCK.filter((re) => re.test(text)).length >= 2) return true;
  if (RECEIVED.test(text) && RECEIVED_BY_DESK.test(text)) return true;
  return PROGRAM_WORDS.some((re) => re.test(text));
}

/**
 * The new address a "my address has changed" or "has left" notice gives, when it names one that
 * is not `known`: intake notes it and changes nothing.
 */
export function newAddressIn(words: string, known: readonly string[]): string | undefined {
  const found = /\bnew (?:e-?mail )?address(?: is)?\s*:?\s*<?([^\s<>,;:"]+@[^\s<>,;:"]+?)>?(?=[\s,;:]|\.?(?:\s|$))/i
    .exec(words)?.[1]
    ?.toLowerCase();
  return found && !known.includes(found) ? found : undefined;
}

/** Whether a program sent the message rather than a person. */
export function isAutomatic(message: Pick<IncomingMessage, 'headers' | 'subject' | 'words'>): boolean {
  const h = (name: string) => (message.headers[name] ?? '').trim().toLowerCase();
  const submitted = h('auto-submitted');
  if (submitted && submitted !== 'no') return true;
  if (AUTORESPONDER_HEADERS.some((name) => h(name))) return true;
  if (h('x-post-messageclass').includes('autoresponder') || h('delivered-to') === 'autoresponder') return true;
  // A mail system's own mailbox (RFC 5321's postmaster, the MAILER-DAEMON of its notices) is no person.
  if (/(?:^|[\s<("])(?:mailer-daemon|mail-daemon|postmaster|mail-delivery-subsystem)@/.test(h('from'))) return true;
  // Exchange marks what a mailbox rule sent (an out-of-office, a "has left" notice). Not so
  // `X-Auto-Response-Suppress`: Outlook sets it on what people write too, so it proves nothing
  // (https://www.jitbit.com/maxblog/18-detecting-outlook-autoreplyout-of-office-emails-and-x-auto-response-suppress-header/).
  if (h('x-ms-exchange-inbox-rules-loop')) return true;
  if (hasProgramWords(message.words)) return true;
  if (/^(?:bulk|junk|list|auto_reply|auto-reply)$/.test(h('precedence'))) return true;
  // A report (a read receipt, RFC 8098; a delivery or feedback report) is a program's doing.
  if (h('content-type').startsWith('multipart/report')) return true;
  return isVacationSubject(message.subject);
}
