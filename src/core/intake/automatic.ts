/**
 * Messages a program sent: an out-of-office or vacation notice, an autoresponder, a list's bulk
 * mail. They are never a testimonial, a request or a touch. Known by the headers programs set
 * (RFC 3834 `Auto-Submitted`, `X-Autoreply`, `Precedence`) and by the subjects vacation notices
 * use, in the languages the business's contacts are likely to write in.
 */
import type { IncomingMessage } from './run.ts';

const VACATION_SUBJECT = new RegExp(
  `^\\s*(?:${[
    // English
    'automatic reply',
    'auto(?:matic)?[- ]?(?:reply|response|responder|antwort)',
    'out of (?:the )?office',
    'away from (?:the |my )?(?:office|desk)',
    'on (?:vacation|holiday|leave|annual leave|parental leave)',
    'vacation (?:reply|notice|message)',
    'i am (?:currently )?(?:out|away|on leave|on holiday|on vacation)',
    // German, Dutch, Scandinavian
    'automatische antwort',
    'abwesenheits?(?:notiz|meldung|nachricht)',
    'abwesend',
    'automatisch antwoord',
    'afwezig(?:heid)?',
    'autosvar',
    'fraværende',
    'frånvaro',
    'automaattinen vastaus',
    // French, Spanish, Portuguese, Italian
    'réponse automatique',
    'reponse automatique',
    'absence du bureau',
    'absent(?:e)? du bureau',
    'respuesta automática',
    'respuesta automatica',
    'fuera de la oficina',
    'ausente',
    'resposta automática',
    'resposta automatica',
    'fora do escritório',
    'mensagem automática',
    'mensagem automatica',
    'estou (?:de férias|fora|ausente)',
    'ausência',
    'ausencia',
    'risposta automatica',
    'fuori (?:sede|ufficio)',
    // Polish, Czech, Turkish, Russian
    'automatyczna odpowiedź',
    'odpowiedź automatyczna',
    'autoodpowiedź',
    'autoodpowiedz',
    'nieobecność',
    'nieobecnosc',
    'automatická odpověď',
    'otomatik yanıt',
    'автоответ',
    'автоматический ответ',
    'нет на месте',
    // Chinese, Japanese
    '自动回复',
    '自動回覆',
    '自動返信',
    '自動応答',
    '不在',
    '休暇',
  ].join('|')})`,
  'i',
);

/** Whether a program sent the message rather than a person. */
export function isAutomatic(message: Pick<IncomingMessage, 'headers' | 'subject'>): boolean {
  const h = (name: string) => (message.headers[name] ?? '').trim().toLowerCase();
  const submitted = h('auto-submitted');
  if (submitted && submitted !== 'no') return true;
  if (h('x-autoreply') || h('x-autorespond') || h('x-autoresponse') || h('x-auto-response')) return true;
  if (/^(?:bulk|junk|list|auto_reply|auto-reply)$/.test(h('precedence'))) return true;
  // A report (a read receipt, RFC 8098; a delivery or feedback report) is a program's doing.
  if (h('content-type').startsWith('multipart/report')) return true;
  return VACATION_SUBJECT.test(message.subject.replace(/^(?:\s*(?:re|aw|sv|antw|fwd?)\s*:\s*)+/i, ''));
}
