/**
 * What a failed delivery means for the address: bad (flag it), the message refused (the touch
 * failed; the address is flagged only after repeated refusals), the mailbox full, or a temporary
 * failure (noted). Read from the enhanced status code (RFC 3463) and the server's own words.
 */

/** `BadAddress`: no such user or domain. `Refused`: spam, policy, content. The other two are noted only. */
export type BounceReason = 'BadAddress' | 'Refused' | 'MailboxFull' | 'Temporary';

// Words that outrank the status code: servers that give a generic or misleading code.
// The message, not the address, failed: Facebook's codes for the recipient's preferences, the
// message, policy and the sender's DNS (postmaster.facebook.com/response_codes), i.ua's codes for
// relaying, the sender and block lists (mail.i.ua/err/1, 6 to 10), a relay refused,
// a routing loop (RFC 3463 X.4.6, a permanent failure of this message), cPanel's "may not exist,
// they may be blacklisted".
const SURELY_REFUSED =
  /\b(?:RCP-P[23]|MSG-P[1-3]|POL-P[1-7]|DNS-P[1-3])\b|i\.ua\/err\/(?:[16-9]|10)\b|relay access denied|unable to relay|relaying denied|hop count exceeded|too many hops|mail(?:ing)? loop|message is looping|routing loop|loops back to myself|\bsender (?:address )?(?:denied|rejected|blocked)|may not exist,? (?:or )?(?:they may be|is|are) black ?listed/i;
// Passing whatever the code says: greylisting, the sender's own host holding its mail back for an
// hour (cPanel's "max defers and failures per hour"), GoDaddy's limits on sessions, messages and
// recipients an hour (IB007, IB101, IB504, IB510, IB605, IB607; godaddy.com/help, article 40685),
// Cox's and Spectrum's on connections and rates (AUP#CXCNCT, AUP#CXMXRT; AUP#I-1300 to 1490,
// 1540, 1550, 1580: cox.com and spectrum.net, email error codes), Tencent's frequency limits
// (service.mail.qq.com/detail/122), i.ua's sending limit (mail.i.ua/err/5), Exchange Online's
// limit on the messages a recipient receives an hour (5.2.121, 5.2.122).
const SURELY_PASSING =
  /greylist|grey-listed|graylist|max defers and failures per hour|\bIB(?:007|101|504|510|605|607)\b|frequency limited|(?<![\d.])[45]\.2\.12[12](?![\d.]\d)|mailbox unavailable or access deni?n?ed|i\.ua\/err\/5\b|AUP#(?:CXCNCT|CXMXRT|[A-Za-z]*-?1(?:3\d\d|4\d\d|54\d|55\d|58\d))\b/i;
// A quota on what a sending host may relay in a day or an hour ("You've reached your daily relay
// quota"): our side's limit, which passes; checked before the mailbox quotas, whose words it shares.
const SENDING_QUOTA = /\b(?:daily|hourly) (?:relay|sending|outbound) quota\b|\brelay quota\b/i;
const SURELY_BAD =
  /\bAS\(201806281\)|i\.ua\/err\/[23]\b|deactivated mailbox|Recipient address rejected: Access denied|suppression list|user ?unknown|unknown user|no such (?:user|mailbox|recipient)|invalid mailbox|user not found|invalid recipient|(?:account|mailbox|address|user) (?:does ?n[o']t|did not) exist|RESOLVER\.ADR\.(?:RecipNotFound|RecipientNotFound|ExRecipNotFound)|doesn'?t have an? \S+ account/i;
const FULL =
  /i\.ua\/err\/4\b|\bmailbox (?:is )?full|mailbox exceeds (?:the )?allowed size|\bfull mailbox|over ?quota|overdrawn\b[^.]{0,40}\bquota|disk ?space quota|quota (?:\w+ ){0,2}(?:exceeded|exceded)|exceed(?:s|ed)? (?:\w+ ){0,3}(?:quota|storage)|QuotaExceeded|insufficient (?:system )?storage|storage (?:space|limit|quota)|mailbox (?:size|storage) limit|out of (?:storage|space)|(?:inbox|mailbox) is over|mailbox exceeded the (?:local )?limit|postfach\b[^.]{0,40}\bvoll\b|boîte (?:aux lettres|de réception)[^.]{0,30}\bpleine|buzón[^.]{0,30}\blleno|casella[^.]{0,30}\bpiena|ящик переполнен|邮箱已满|邮箱空间不足|容量超過/i;
const REFUSED =
  /\bspam\b|\bjunk\b|unsolicited|\bblock(?:ed|list|ing)\b|black ?list|\b(?:DNS)?RBL\b|\bDNSBL\b|spamhaus|spamcop|barracuda|\bpolicy\b|\bpolicies\b|virus|malware|phishing|reputation|\bDMARC\b|\bSPF\b|\bDKIM\b|unauthenticated|not authori[sz]ed|NotAuthorized|relay(?:ing)? (?:access )?(?:denied|not permitted)|(?:message|content|mail) (?:was )?(?:rejected|refused|not accepted)|message (?:is )?too (?:large|big)|size limit|exceeds? (?:the )?(?:maximum )?(?:message )?size|administrative prohibition|sender verif(?:y|ication) failed|sender (?:address )?rejected|not allowed to post|(?:not|no) (?:have )?permission to post|投稿する権限がない|non-?members?|not a member of|\bmoderator\b|rejected by the list|content filter|suspicious|\bdenied\b|prohibited|\bbanned\b|service refus(?:ed|e)\b|not accepting connections|\bRFC ?5322\b/i;
const BAD =
  /user ?unknown|unknown (?:user|recipient|address|local[- ]part|mailbox)|no such (?:user|mailbox|recipient|address|account|person|domain|host)|(?:does ?n[o']t|did not|not) exist|address (?:rejected|not found|invalid|couldn'?t be found|could not be found|is not valid)|recipient (?:address )?(?:rejected|not found|invalid|unknown)|invalid (?:mailbox|recipient|address|user)|mailbox (?:unavailable|not found|is (?:disabled|inactive|unavailable)|disabled|inactive|not available)|(?:account|mailbox|user) (?:has been |is |was )?(?:disabled|deactivated|inactive|suspended|closed|expired|terminated|deleted|removed)|no mailbox here|unroutable|unrouteable|host (?:or domain name )?not found|domain (?:name )?(?:not found|does not exist)|couldn'?t find any host|non-?existent (?:hosts?|domain)|no MX|(?:name or service|hostname) not known|bad destination|not a valid (?:mailbox|recipient|address|user)|no longer (?:available|in use|active|valid|with)|user not found|not our customer|archived recipient|destinataire archiv|unknown or illegal alias|address(?:ee)? unknown|invalid mailbox|not listed in (?:the )?(?:Domino )?Directory|not listed in (?:the )?(?:public )?Name & Address Book|unbekannt|existiert nicht|adresse inconnue|destinataire inconnu|n'existe pas|no se encontró la dirección|no existe|не существует|не найден|不存在|宛先不明|見つかりません/i;
const TEMPORARY =
  /\bdelayed\b|not (?:yet )?been delivered|not delivered yet|will (?:be )?retr(?:y|ied)|will (?:continue|keep) (?:to )?(?:try|trying)|try(?:ing)? again later|temporar(?:y|ily)|timed out|time ?out|greylist|deferred|\bretrying\b/i;

// A server that gave up after retrying for days, or could not reach the recipient's server at all
// (old Gmail: "did not accept our requests to connect … socket error"): the cause was passing or
// on the way there, and the address may be fine.
const GAVE_UP =
  /\bexpired\b|retry time(?:out)? (?:exceeded|reached)|retry time not reached|failing for a long time|too long in (?:the )?queue|in the queue too long|could not be delivered within|not delivered within|not responding|delivery time expired|no route to host|network is unreachable|connection (?:refused|timed out)|did not accept our requests to connect|socket error/i;

// A domain that publishes a null MX (RFC 7505) accepts no mail at all: permanent, whatever the
// code (Gmail writes 4.0.0 beside it). Sendmail says so in the words of RFC 7504's 521 and RFC
// 7505's 556 replies, "Host does not accept mail", with 5.7.27; not Exim's "does not accept mail
// from domains…", which is about our sender.
const NULL_MX = /\bnull MX\b|(?<![\d.])5\.1\.10(?![\d.]\d)|\b(?:host|domain) does not accept mail\b(?! from)/i;
// Refused before any recipient was named (at the greeting, HELO or MAIL FROM, as Exim reports the
// stage, or as a session transcript shows the reply to MAIL FROM): the server turned down our host
// or our sender, so the address is not known to be bad.
const BEFORE_RECIPIENT = /\bafter (?:initial connection|(?:HELO|EHLO)\b|MAIL FROM\b)|>>> MAIL FROM:\s*<[^<>]*>\s*<<<\s*[45]\d\d\b/i;
// Refused in answer to the message itself, after its content was sent (Exim's "after end of data",
// Postfix's "in reply to end of DATA command"): the recipient was accepted at RCPT TO, so the
// reply is about this message (RFC 5321, section 4.1.1.4), not the address.
const AFTER_DATA = /\bafter end of data\b|\bin reply to end of DATA command\b/i;

/** The enhanced code the remote server gave (inside the diagnostic), else the report's own. */
export function statusOf(status: string, diagnostic: string): string {
  const inWords = /(?<![\d.])([245])[.](\d{1,3})[.](\d{1,3})(?![\d.]\d)/.exec(diagnostic);
  const inWordsCode = inWords ? `${inWords[1]}.${inWords[2]}.${inWords[3]}` : '';
  if (inWordsCode && (!status || /^\d\.0\.0$/.test(status) || status[0] === inWordsCode[0])) return inWordsCode;
  return status;
}

/**
 * Why a delivery failed: `permanent` is the report's verdict (5.x.x, or a plain-text bounce's
 * "permanent error"); `status` the enhanced code, if any; `words` the server's diagnostic.
 */
export function bounceReason(permanent: boolean, status: string, words: string): BounceReason {
  const [, subject, detail] = /^\d\.(\d{1,3})\.(\d{1,3})$/.exec(status) ?? [];
  const code = subject === undefined ? '' : `${subject}.${detail}`;
  if (SENDING_QUOTA.test(words)) return 'Temporary';
  if (code === '2.2' || FULL.test(words)) return 'MailboxFull';
  if (NULL_MX.test(words)) return 'BadAddress';
  if (!permanent || SURELY_PASSING.test(words)) return 'Temporary';
  if (SURELY_REFUSED.test(words) || BEFORE_RECIPIENT.test(words) || code === '4.6') return 'Refused';
  if (SURELY_BAD.test(words)) return 'BadAddress';
  if (subject === '7' || subject === '6' || code === '3.4' || code === '2.3' || code === '1.7' || code === '1.8') return 'Refused';
  if (subject === '1' || code === '2.1' || code === '4.4') return 'BadAddress';
  if (code === '4.7' || code === '4.300' || (subject === '4' && GAVE_UP.test(words))) return 'Temporary';
  if (REFUSED.test(words)) return 'Refused';
  if (BAD.test(words)) return 'BadAddress';
  // X.2.0 says the mailbox exists (RFC 3463): with no words against the address, the message was refused.
  if (code === '2.0') return 'Refused';
  if ((TEMPORARY.test(words) || GAVE_UP.test(words)) && !/\b5\d\d\b/.test(words)) return 'Temporary';
  // Exim's callout check failed with no reason given: it checks senders as well as recipients, so
  // the address is not known to be bad.
  if (/callout verification failed/i.test(words)) return 'Refused';
  if (AFTER_DATA.test(words)) return 'Refused';
  // A permanent failure with no clue: the address is the likeliest cause.
  return 'BadAddress';
}

/** Whether words report a temporary failure (used where no code says which). */
export const soundsTemporary = (words: string) => TEMPORARY.test(words);
