/**
 * The Worker's half of `REFERABLE_SECRET`: HMAC-SHA-256 through Web Crypto, in base64url, as the
 * scripts sign with `node:crypto`. Web Crypto answers in a promise and the core's `Sign` at once,
 * so the texts a check needs are signed first.
 */
import type { Sign } from '../../src/core/signing/index.ts';

/** A `Sign` that knows the signatures of `texts`, made with `secret`; any other text is a bug. */
export async function signAhead(secret: string, texts: readonly string[]): Promise<Sign> {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const key = await crypto.subtle.importKey('raw', bytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signed = new Map<string, string>();
  for (const text of texts) signed.set(text, base64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, bytes(text)))));
  return (text) => {
    const signature = signed.get(text);
    if (signature === undefined) throw new Error('The Worker was asked to sign a text it did not sign ahead: a bug in Referable.');
    return signature;
  };
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}
