/**
 * Reading the words of a reply: whether it asks to unsubscribe, and for a testimonial reply, the
 * quote, the words that give (or refuse) consent to publish, and where they allow it. The reply
 * comes in already free of quoted history and signature (the mail adapter strips them).
 */
import type { PublishConsent } from '../model/index.ts';

type Scope = PublishConsent['scope'][number];

export type ReplyWords = {
  /** The testimonial: the reply without greeting, sign-off and the sentences about consent. */
  quote: string;
  /** Sentences that say yes to publishing, as written. */
  consent: string[];
  /** Sentences that say no to publishing, or to part of it, as written. */
  refusal: string[];
  /** Where the consent sentences allow the words to appear; empty when they name nowhere. */
  scope: Scope[];
};

const UNSUBSCRIBE = [
  /\bunsubscribe\b/i,
  /\bremove me\b/i,
  /\btake me off\b/i,
  /\bopt(?:[- ])?out\b/i,
  /\b(?:stop|no more) (?:e-?mailing|sending|contacting|writing)\b/i,
  /\bdo(?:n'?t| not) (?:e-?mail|contact|write to) me\b/i,
  /\bno more (?:e-?mails?|newsletters?)\b/i,
];

/** True when the subject or the new words of a message ask to stop receiving email. */
export function asksToUnsubscribe(subject: string, words: string): boolean {
  const topic = subject.replace(/^(?:\s*(?:re|aw|sv|antw|fwd?)\s*:\s*)+/i, '');
  if (/^\s*(?:stop|unsubscribe)\W*$/i.test(words) || /^\s*(?:stop|unsubscribe)\b/i.test(topic)) return true;
  return UNSUBSCRIBE.some((re) => re.test(words) || re.test(topic));
}

const USE = String.raw`(?:use|share|publish|quote|post|feature|print|put (?:it|this|that|them|these|my \w+))`;
const CONSENT = [
  new RegExp(
    String.raw`\b(?:happy|glad|delighted|pleased|fine|ok(?:ay)?|welcome|free)\b(?: for you)? to (?:be (?:quoted|named|featured|used)|${USE})`,
    'i',
  ),
  new RegExp(String.raw`\b(?:you (?:may|can|could|have my permission to)|feel free to|go ahead and|please do) (?:\w+ ){0,2}?${USE}`, 'i'),
  new RegExp(String.raw`\b(?:permission|consent) to (?:\w+ ){0,2}?${USE}`, 'i'),
  /\b(?:i|we) (?:give|grant) (?:you )?(?:my |our )?(?:permission|consent)\b/i,
  new RegExp(String.raw`^\W*yes\b.*\b${USE}`, 'i'),
];
const NEGATION = /\b(?:not|never)\b|n't\b|\bno\b(?! (?:problem|worries|doubt|hesitation))/i;
const NEGATIONS = /\s*\b(?:rather you didn't|not|never)\b|n't\b|\s*\bno\b(?! (?:problem|worries|doubt|hesitation))/gi;
const PUBLIC = /\b(?:publish\w*|public(?:ly)?|my (?:full |last |sur)?name)\b/i;

const SCOPES: [Scope, RegExp][] = [
  ['website', /\b(?:web ?sites?|web ?pages?|online|your site|on the web)\b/i],
  ['email', /\b(?:e-?mails?|newsletters?|mailings?)\b/i],
  ['social', /\b(?:social(?: media)?|facebook|instagram|linkedin|twitter|tiktok)\b/i],
];
const EVERYWHERE =
  /\b(?:anywhere|everywhere|wherever|all (?:of them|three)|any way you (?:like|want|wish)|however you (?:like|want|wish))\b/i;

const GREETING = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^.!?\n]{0,40}[,!]?\s*$/i;
const SIGN_OFF =
  /^(?:thanks|thank you|many thanks|cheers|best|regards|kind regards|best wishes|warm(?:est)? (?:regards|wishes)|all the best|love|yours)\b[^.!?\n]{0,20}[,!.]?\s*$/i;

/**
 * Splits a reply into the quote and what it says about consent. `signedAs` are the names the
 * writer may sign with on a line of its own ("Priya", "Priya Patel"), left out of the quote.
 */
export function readReplyWords(words: string, signedAs: readonly string[] = []): ReplyWords {
  const paragraphs = trimLetter(words, signedAs)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const sentences = paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+(?=["'“‘(]?[A-Z0-9])/));
  const consent: string[] = [];
  const refusal: string[] = [];
  const rest: string[] = [];
  for (const sentence of sentences) {
    const negated = NEGATION.test(sentence);
    if (!negated && CONSENT.some((re) => re.test(sentence))) consent.push(sentence);
    else if (negated && (PUBLIC.test(sentence) || CONSENT.some((re) => re.test(sentence.replace(NEGATIONS, ''))))) refusal.push(sentence);
    else rest.push(sentence);
  }
  const quote = (rest.length ? rest : sentences).join(' ');
  const said = consent.join(' ');
  const scope = EVERYWHERE.test(said) ? SCOPES.map(([s]) => s) : SCOPES.filter(([, re]) => re.test(said)).map(([s]) => s);
  return { quote, consent, refusal, scope };
}

/**
 * The letter without its greeting line and closing lines ("Best wishes," and a name after it, or
 * the writer's name alone on the last line).
 */
function trimLetter(words: string, signedAs: readonly string[]): string {
  const lines = words.replace(/\r\n?/g, '\n').trim().split('\n');
  const last = lines.findLastIndex((l) => l.trim());
  if (last > 0 && isSignature(lines[last], signedAs) && lines.slice(0, last).some((l) => l.trim())) lines.splice(last);
  const first = lines.findIndex((l) => l.trim());
  if (first >= 0 && GREETING.test(lines[first].trim())) lines.splice(first, 1);
  const opening = lines.findIndex((l) => l.trim());
  const signOff = lines.findLastIndex((l) => SIGN_OFF.test(l.trim()));
  // A sign-off counts only near the end (at most a name or two lines follow it) and after some
  // words: a reply that opens with "Thanks Maya!" keeps what follows.
  if (signOff > opening && lines.slice(signOff + 1).filter((l) => l.trim()).length <= 2) lines.splice(signOff);
  return lines.join('\n').trim();
}

/** A line that is only the writer's name: whole, first, or first and an initial ("— Priya P."). */
function isSignature(line: string, signedAs: readonly string[]): boolean {
  const bare = line.replace(/^[\s\-–—~]+|[\s.,!]+$/g, '').toLowerCase();
  return signedAs.some((name) => {
    const whole = name.trim().toLowerCase();
    const first = whole.split(/\s+/)[0];
    return bare === whole || bare === first || (bare.startsWith(`${first} `) && /^\p{L}\.?$/u.test(bare.slice(first.length + 1)));
  });
}
