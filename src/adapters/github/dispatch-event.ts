import { readFile } from 'node:fs/promises';
import { UsageError } from '../cli/index.ts';
import type { OneClickUnsubscribe } from '../../core/intake/index.ts';

/**
 * The one-click unsubscribe a `repository_dispatch` event of type `unsubscribe` carries, as
 * Actions saves it (GITHUB_EVENT_PATH): `client_payload.token` and `client_payload.at`, which the
 * endpoint sends. A file that is not one is a usage error naming the file and the field.
 */
export async function readUnsubscribeEvent(file: string): Promise<OneClickUnsubscribe> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`${file}: no such file`);
  });
  const expected = 'give the event of a repository_dispatch of type unsubscribe, as Actions saves it (GITHUB_EVENT_PATH)';
  let event: { action?: unknown; client_payload?: { token?: unknown; at?: unknown } } | null;
  try {
    event = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: not JSON; ${expected}`);
  }
  if (event?.action !== 'unsubscribe') throw new UsageError(`${file} action: should be "unsubscribe"; ${expected}`);
  const { token, at } = event.client_payload ?? {};
  if (typeof token !== 'string' || !token.trim()) throw new UsageError(`${file} client_payload.token: is missing; ${expected}`);
  if (typeof at !== 'string') throw new UsageError(`${file} client_payload.at: is missing; ${expected}`);
  try {
    return { token: token.trim(), at: Temporal.Instant.from(at) };
  } catch {
    throw new UsageError(`${file} client_payload.at: "${at.slice(0, 40)}" is not a moment like 2026-12-01T10:15:00Z`);
  }
}
