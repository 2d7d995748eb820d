/**
 * The secret that signs Message-IDs and unsubscribe links: `REFERABLE_SECRET` in the environment,
 * turned into the core's `Sign` (HMAC-SHA-256, base64url). Without it, Message-IDs stay readable
 * and emails offer only the mailto unsubscribe.
 */
import { createHmac } from 'node:crypto';
import { SECRET_MIN_LENGTH as MIN_LENGTH, type Sign } from '../../core/signing/index.ts';

export type SignerFromEnv = { ok: true; sign?: Sign; note?: string } | { ok: false; problem: string };

/** The signer for `env.REFERABLE_SECRET`; a note says what is missing without one. Never shows the secret. */
export function signerFromEnv(env: NodeJS.ProcessEnv): SignerFromEnv {
  const secret = env.REFERABLE_SECRET;
  if (!secret) {
    return {
      ok: true,
      note: 'REFERABLE_SECRET is not set: Message-IDs are not signed and emails offer only the mailto unsubscribe (README: "Use it for real", step 3).',
    };
  }
  if (secret.length < MIN_LENGTH) {
    return {
      ok: false,
      problem: `REFERABLE_SECRET is too short: use at least ${MIN_LENGTH} random characters (openssl rand -base64 33 makes one).`,
    };
  }
  return { ok: true, sign: (text) => createHmac('sha256', secret).update(text).digest('base64url') };
}
