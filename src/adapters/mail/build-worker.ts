/**
 * A thread of the build pool (`build-pool.ts`): turns nodemailer message options into the bytes
 * MailComposer builds from them, the same bytes a transport would build. It only builds: it never
 * claims, sends or records. The batch's messages come back in one buffer, moved to the sending
 * thread rather than copied, with where each ends; a message it cannot build has no bytes (its
 * end equals its start), for the delivery to build (and fail) exactly as it would without the pool.
 */
import type { SendMailOptions } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { move, transferableSymbol, valueSymbol } from 'piscina';

/** A batch's messages end to end, and the offset where each one ends. */
export type BuiltBatch = { bytes: Uint8Array; ends: number[] };

export default async function buildMessages(messages: readonly SendMailOptions[]): Promise<BuiltBatch> {
  const built = await Promise.all(
    messages.map(async (options) => {
      try {
        return await new MailComposer(options).compile().build();
      } catch {
        return undefined;
      }
    }),
  );
  const ends: number[] = [];
  let end = 0;
  for (const message of built) ends.push((end += message?.length ?? 0));
  const bytes = new Uint8Array(end);
  let start = 0;
  for (const [i, message] of built.entries()) {
    if (message) bytes.set(message, start);
    start = ends[i];
  }
  const batch: BuiltBatch = { bytes, ends };
  // piscina's protocol for a result whose buffer is moved: the buffer, and the value around it.
  return move({ [transferableSymbol]: bytes.buffer, [valueSymbol]: batch } as never) as unknown as BuiltBatch;
}
