/**
 * What Referable signs with its secret (`REFERABLE_SECRET`): the Message-ID of each email, so a
 * bounce or reply can be told from a forgery, and each unsubscribe link, so no one can unsubscribe
 * someone else. The keyed hash itself (HMAC-SHA-256) is an adapter's: the core is given `Sign`.
 */

/** The fewest characters a secret may have: a shorter one could be guessed. */
export const SECRET_MIN_LENGTH = 32;

/** A keyed signature of `text`, as base64url: HMAC-SHA-256 with the secret, in practice. */
export type Sign = (text: string) => string;

/** The domain of an address, in lower case. */
const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * The Message-ID of a touch's email when there is a secret: opaque (no contact, plan or step name
 * shows), the same for every retry of the touch, and made only by whoever holds the secret.
 * `signedMessageIds` reads it back.
 */
export function signedMessageId(sign: Sign, touch: string, senderAddress: string): string {
  return `<${sign(`message-id\n${touch}`).slice(0, 32)}@${domainOf(senderAddress)}>`;
}

/** The touch ids of `touches` by their signed Message-IDs: how intake knows a message it sent. */
export function signedMessageIds(sign: Sign, touches: Iterable<string>, senderAddress: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const touch of touches) ids.set(signedMessageId(sign, touch, senderAddress), touch);
  return ids;
}

// base64url of an id's bytes (ids are ASCII: see IdSchema), and back.
const encode = (text: string) => btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
function decode(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    return atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return undefined;
  }
}

/** Compares two texts in time that does not depend on where they differ. */
function same(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** A keyed tag of an address: it names which address was written to without showing it. */
export function addressTag(sign: Sign, address: string): string {
  return sign(`address\n${address.trim().toLowerCase()}`).slice(0, 12);
}

/**
 * The token of an unsubscribe link: the contacts the email went to (encoded, not bare; a
 * household's email goes to several), a tag of the lead's address, and a signature of both. Only
 * whoever holds the secret can make one, and changing any part of it breaks the signature (see
 * `readUnsubscribeToken`).
 */
export function unsubscribeToken(sign: Sign, contacts: readonly string[], address: string): string {
  const payload = `${encode(contacts.join(' '))}.${addressTag(sign, address)}`;
  return `${payload}.${sign(signedPart(payload)).slice(0, 22)}`;
}

/** The text a token's signature is made of: its first two parts. */
const signedPart = (payload: string) => `unsubscribe\n${payload}`;

/** A token's three parts, or nothing when it has not three. */
function tokenParts(token: string): [who: string, address: string, signature: string] | undefined {
  const parts = token.trim().split('.');
  return parts.length === 3 ? [parts[0], parts[1], parts[2]] : undefined;
}

/**
 * What a token says, when its signature holds: the contacts the email went to (one, or a
 * household's members, the lead first), and the tag of the lead's address.
 */
export function readUnsubscribeToken(sign: Sign, token: string): { contacts: string[]; address: string } | undefined {
  const parts = tokenParts(token);
  if (!parts) return undefined;
  const [who, address, signature] = parts;
  if (!same(signature, sign(signedPart(`${who}.${address}`)).slice(0, 22))) return undefined;
  const contacts = decode(who)?.split(' ');
  return contacts?.every(Boolean) ? { contacts, address } : undefined;
}

/**
 * Every text `readUnsubscribeToken` signs to check `token`. A signer that cannot answer at once
 * (Web Crypto, in the one-click Worker) signs these first, and then checks the token with the
 * same `readUnsubscribeToken` as everyone else.
 */
export function unsubscribeTokenTexts(token: string): string[] {
  const parts = tokenParts(token);
  return parts ? [signedPart(`${parts[0]}.${parts[1]}`)] : [];
}
