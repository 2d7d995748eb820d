/**
 * Bounces written as plain text, with no `message/delivery-status` part: qmail and Yahoo, Exim and
 * the servers built on it (GMX, web.de, Mail.ru), OpenSMTPD, Zoho, old Gmail and Exchange notices
 * (in English, German, French and Spanish), Mimecast's postmaster notices, and mailing-list rejections. One table row per family: what marks its notice, what marks the
 * notice as temporary, and where its human words end and the returned message begins. The failed
 * recipients are the addresses that open a line of the notice, with the words after them, or
 * the address a sentence names (`Unable to deliver message to <a@b>`), which outranks them.
 */

type PlainFormat = {
  /** The mail server or provider, as the owner knows it. */
  server: string;
  /** Words only this family's notices hold. */
  marker: RegExp;
  /** Words that make the notice a delay (the server keeps trying), not a failure. */
  delay?: RegExp;
  /** When the notice names no recipient, the returned message's recipients failed. */
  returnedRecipient?: boolean;
};

const PLAIN_FORMATS: readonly PlainFormat[] = [
  { server: 'qmail', marker: /This is the qmail-send program|I'm afraid I wasn't able to deliver your message/i },
  { server: 'Yahoo', marker: /unable to deliver your message to the following address/i },
  {
    server: 'Exim',
    marker: /This message was created automatically by mail delivery software/i,
    delay: /has not yet been delivered|Delivery attempts will continue/i,
  },
  {
    server: 'OpenSMTPD',
    marker: /This is the MAILER-DAEMON, please DO NOT REPLY|An error has occurred while attempting to deliver a message/i,
    delay: /Delivery status notification: delay|has been delayed|message is delayed/i,
  },
  { server: 'Zoho', marker: /ERROR CODE\s*:\s*\d{3}/i },
  {
    server: 'Gmail',
    marker: /Delivery to the following recipients? (?:failed permanently|has been delayed)/i,
    delay: /has been delayed|Technical details of temporary failure/i,
  },
  {
    server: 'Exchange',
    marker:
      /Your message did not reach some or all of the intended recipients|Delivery has failed to these recipients|could not be reached:|Übermittlung an folgende Empfänger oder Gruppen ist fehlgeschlagen|Échec de (?:la )?remise aux destinataires|Error en la entrega a (?:estos|los siguientes) destinatarios/i,
  },
  // KDDI's au one net: "Your mail sent on: …" then "Could not be delivered to: <a@b>", from a
  // no-reply address under a Japanese subject ("メールエラー通知") no bounce subject matches.
  { server: 'KDDI', marker: /^[ \t]*Your mail sent on:[^\n]*\n[ \t]*Could not be delivered to:/m },
  // Apache James behind a carrier's gateway: the reason under "Error message below:", then the
  // envelope under "Message details:" (its RCPT TO is the recipient), from a sender no daemon name marks.
  { server: 'Apache James', marker: /^Error message below:[\s\S]*^Message details:/m },
  {
    server: 'Mimecast',
    marker: /An email that you attempted to send to the following address could not be delivered/i,
  },
  {
    server: 'mailing list',
    marker:
      /rejected by the list moderator|not allowed to post to this (?:mailing )?list|members-only list|Non-members? (?:are|is) not allowed|(?:^|\n)You are not a member of this (?:mailing )?list </i,
    returnedRecipient: true,
  },
];

/** Where a notice's own words stop and the returned message (or a transcript) starts. */
const RETURNED =
  /^[ \t]*(?:-+ ?)?(?:Below this line is a copy of the message|This is a copy of the message|Below is a copy of the original message|Original message headers|The header of the original message|Returned message|Original Message|Message headers? follows?|Original message follows|Unsent message follows|Possibly truncated original message follows|Included is a copy of the message header|Original mail as follows)/im;

/** Which senders write bounces, and how bounce subjects begin. */
const DAEMON = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounces?|mdaemon|mail\.?delivery)[+@]/i;
const SUBJECT =
  /^\s*(?:failure notice|undeliver(?:able|ed)|undelivered mail|returned mail|mail delivery (?:failed|failure|system)|delivery (?:status notification|failure|failed|has failed|notification)|mail failure|email delivery failure|message (?:not delivered|delivery failure)|warning: (?:could not send|message)|delayed mail|message status\s*-\s*undeliverable|permanent delivery failure|non remis|nicht zustellbar|unzustellbar|no se puede entregar|non recapitabile|onbestelbaar|не доставлено|недоставленное сообщение|系统退信|退信|邮件投递失败|配信不能|未配信|mail could not be delivered|there was an error sending your mail|メッセージを配信できません|メール配信に失敗しました|could not deliver|\[bounce\]|non[- ]?deliver(?:y|able)|mail system error|delivery problem|request to mailing list .* rejected|your message to .* (?:was|has been) rejected)/i;

/** A notice that a message arrived (a delivery or relay notice without a report part). */
const SUCCESS_SUBJECT =
  /^\s*(?:delivered|relayed|expanded|zugestellt|remis)\s*:|\((?:success|relay(?:ed)?|delivered)\)\s*$|successful mail delivery|delivery (?:receipt|confirmation)/i;
const SUCCESS =
  /^\s*(?:delivered|relayed|expanded|zugestellt|remis)\s*:|(?:has|have) been (?:successfully )?(?:delivered|relayed)|was (?:successfully )?(?:delivered|relayed)|successful(?:ly)? (?:mail )?deliver(?:ed|y)|delivery (?:to (?:the following|these) recipients? )?(?:was |has )?(?:succeeded|successful|complete)/im;
const FAILURE =
  /could not be delivered|couldn'?t be delivered|failed|undeliverable|permanent(?:ly)?|not (?:yet )?(?:been )?delivered|delayed|rejected|error/i;

export type PlainNotice = {
  server: string;
  /** The notice as a whole says the server keeps trying. */
  delay: boolean;
  /** Each failed recipient with the words after it; empty when the notice names none. */
  recipients: { address: string; words: string }[];
  returnedRecipient: boolean;
};

/**
 * Reads a plain-text bounce. `own` lists addresses that are never the failed recipient (the
 * business's sender, the bounce's From and To). Undefined when the message is no bounce.
 */
export function readPlainNotice(
  message: { from?: string; subject: string; text: string; failedRecipients: string[] },
  own: readonly string[],
): PlainNotice | undefined {
  const text = message.text.replace(/\r\n?/g, '\n');
  const format = PLAIN_FORMATS.find((f) => f.marker.test(text));
  const fromDaemon = DAEMON.test(message.from ?? '') || SUBJECT.test(message.subject) || message.failedRecipients.length > 0;
  if (!format && !fromDaemon) return undefined;
  const cut = RETURNED.exec(text);
  const notice = cut ? text.slice(0, cut.index) : text;
  if (!format && (SUCCESS_SUBJECT.test(message.subject) || (SUCCESS.test(notice) && !FAILURE.test(notice)))) return undefined;
  const recipients = recipientsOf(notice, own, message.failedRecipients);
  // A notice that names no one, under a bounce's subject: the returned message's recipients failed.
  const bySubject = !recipients.length && SUBJECT.test(message.subject);
  if (!format && !recipients.length && !bySubject) return undefined;
  const delay = Boolean(
    format?.delay?.test(text) || /^\s*(?:warning|delayed|delivery delayed|delivery status notification \(delay\))/i.test(message.subject),
  );
  return {
    server: format?.server ?? 'a mail server',
    delay,
    recipients,
    returnedRecipient: (format?.returnedRecipient ?? false) || bySubject,
  };
}

/**
 * The words a notice's text gives after each address it names, for a delivery report whose
 * recipient fields carry no Diagnostic-Code (Exim writes its own failures that way).
 */
export function noticeWords(text: string, own: readonly string[]): Map<string, string> {
  const flat = text.replace(/\r\n?/g, '\n');
  const cut = RETURNED.exec(flat);
  return new Map(recipientsOf(cut ? flat.slice(0, cut.index) : flat, own, []).map((r) => [r.address, r.words]));
}

/**
 * The recipients of a returned message quoted in the notice's own text, below its "Unsent message
 * follows" line (old Sendmail and the servers that copy it): its To and Cc headers. A notice
 * whose transcript names no address (a delay for a whole host) has no other record of them.
 */
export function inlineReturnedTo(text: string): string[] {
  const flat = text.replace(/\r\n?/g, '\n');
  const cut = RETURNED.exec(flat);
  if (!cut) return [];
  // The returned message's header block: from the line after the marker to the first blank line, unfolded.
  const below = flat.slice(flat.indexOf('\n', cut.index) + 1).replace(/^\s*\n/, '');
  const headers = (below.split(/\n[ \t]*\n/)[0] ?? '').replace(/\n[ \t]+/g, ' ');
  const recipients = headers.split('\n').filter((line) => /^(?:To|Cc)[ \t]*:/i.test(line));
  return [
    ...new Set(
      recipients.flatMap((line) => [...line.matchAll(/[^\s<>,;:"()]+@[^\s<>,;:"()]+\.[a-z]{2,}/gi)].map((m) => m[0].toLowerCase())),
    ),
  ];
}

/** An address opening a line (`<a@b>:`, `"a@b":`, `  a@b`, `a@b: 550 …`, `a@b, ERROR CODE :550 …`, `a@b on 11/4/2026`, `a@b (user not found)`, Sendmail's `<a@b>... Deferred: …`, `a@b [User unknown]`, Mimecast's `-- a@b`, a bullet's `* a@b`). */
const LINE = /^[ \t]*(?:-- |\* )?[<"]?([^\s<>@"',;:]+@[^\s<>:,;"()[\]]+?\.[a-z]{2,})[>"]?[ \t]*(?:[:,]|\.\.\.|\bon\b|(?=[([])|$)(.*)$/i;
/** A reply naming an address (old Sendmail: ` 550 <a@b>... User unknown`). */
const REPLY_LINE = /^[ \t]*(?:<<<[ \t]*)?[45]\d\d[ -](?:#?[45]\.\d{1,3}\.\d{1,3}[ \t]+)?<([^\s<>@]+@[^\s<>]+\.[a-z]{2,})>.*$/i;
/** An address after a label on its own line (`Unknown user: a@b`, `RCPT TO: a@b`, `Addressed To: a@b`); never a header of the returned message. */
const LABELLED = /^[ \t]*([a-z][\w .'-]{0,40}?)[ \t]*:[ \t]*<?([^\s<>@"',;:]+@[^\s<>:,;"()]+?\.[a-z]{2,})>?[ \t]*$/i;
const NOT_A_RECIPIENT =
  /^(?:from|sender|reply-to|return-path|errors-to|delivered-to|envelope-from|mail from|x-[\w-]+|message-id|in-reply-to|references|sender address)$/i;

/** An SMTP reply code (`550`, `#550`) or an enhanced status code (`5.1.1`) among words. */
const SMTP_CODE = /(?<![\w.])#?[45]\d\d(?=[\s:-])|(?<![\d.])[45]\.\d{1,3}\.\d{1,3}(?![\d.]\d)/;

/** A sentence that names the failed recipient (Trend Micro's `Unable to deliver message to <a@b>`, fml's list, `rejected recipient <a@b>`, DragonFly's `There was an error delivering your mail to <a@b>`). */
const NAMED =
  /(?:Unable to deliver (?:the )?message to|error delivering your mail to|not a member of this (?:mailing )?list|rejected recipient|recipients returned permanent errors:)[ \t]*<?([^\s<>@]+@[^\s<>]+\.[a-z]{2,})>?/i;

/** A session transcript (Sendmail, MDaemon): `RCPT To:<a@b>`, and the refusal on the next line (`<<< 550 …`, `<-- 550 …`). */
const RCPT = /RCPT TO:[ \t]*<([^<>\s@]+@[^<>\s]+)>/i;
const REFUSAL = /(?:<<<|<--|>>>|Received:?)[ \t]*([45]\d\d\b.*)$/;

function recipientsOf(notice: string, own: readonly string[], failed: readonly string[]): PlainNotice['recipients'] {
  const lines = notice.split('\n');
  // Words with no reply code (named only in X-Failed-Recipients, or a notice that gives the reply
  // in a paragraph of its own): the paragraph that holds the server's reply says why.
  const reply = notice.split(/\n[ \t]*\n/).find((paragraph) => SMTP_CODE.test(paragraph));
  const withReply = (found: Iterable<[string, string]>) =>
    [...found].map(([address, words]) => ({ address, words: SMTP_CODE.test(words) || !reply ? words : `${words} ${reply}`.trim() }));
  // A sentence that names the recipient outranks an address that merely opens a line (fml's help text).
  const named = lines.flatMap((line): [string, string][] => {
    const address = NAMED.exec(line)?.[1].toLowerCase();
    return address && !own.includes(address) ? [[address, line.trim()]] : [];
  });
  if (named.length) return withReply(named);
  const found = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const m = LINE.exec(lines[i]);
    if (!m) continue;
    const address = m[1].toLowerCase();
    if (own.includes(address)) continue;
    // Exchange names a recipient twice: first with words for people, then with the server's reply.
    const words = wordsAfter(lines, i, m[2]);
    if (!found.has(address) || (!SMTP_CODE.test(found.get(address) ?? '') && SMTP_CODE.test(words))) found.set(address, words);
  }
  const add = (address: string, words: string) => {
    if (!own.includes(address) && !found.has(address)) found.set(address, words);
  };
  for (const [i, line] of lines.entries()) {
    const reply = REPLY_LINE.exec(line);
    if (reply) add(reply[1].toLowerCase(), line.replace(/^[ \t]*(?:<<<[ \t]*)?/, '').trim());
    const labelled = LABELLED.exec(line);
    // The words below the line say why (KDDI); else the label does (IMail's "Unknown user").
    if (labelled && !NOT_A_RECIPIENT.test(labelled[1])) add(labelled[2].toLowerCase(), wordsAfter(lines, i, '') || labelled[1]);
  }
  for (let i = 0; i + 1 < lines.length; i++) {
    const address = RCPT.exec(lines[i])?.[1].toLowerCase();
    const refusal = REFUSAL.exec(lines[i + 1])?.[1];
    if (address && refusal && !own.includes(address) && !found.has(address)) found.set(address, refusal.trim());
  }
  for (const address of failed) add(address, reply ?? notice);
  return withReply(found);
}

/** The rest of the line and the lines after it to the next blank line; the next paragraph when that is empty. */
function wordsAfter(lines: readonly string[], at: number, rest: string): string {
  const out = [rest.trim()];
  let i = at + 1;
  for (; i < lines.length && lines[i].trim() && !LINE.test(lines[i]); i++) out.push(lines[i].trim());
  if (out.join('').trim()) return out.join(' ').trim();
  for (; i < lines.length && !lines[i].trim(); i++);
  for (; i < lines.length && lines[i].trim() && !LINE.test(lines[i]); i++) out.push(lines[i].trim());
  // Old Gmail: the address, a blank line, then "Technical details of permanent failure:" and the
  // words; Lotus Domino: "because:" and the words.
  if (/^Technical details of|:$/i.test(out.join(' ').trim())) {
    for (; i < lines.length && !lines[i].trim(); i++);
    for (; i < lines.length && lines[i].trim(); i++) out.push(lines[i].trim());
  }
  return out.join(' ').trim();
}
