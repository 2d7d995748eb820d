/**
 * A thread of the build pool (`build-pool.ts`): turns nodemailer message options into the bytes
 * MailComposer builds from them, the same bytes a transport would build. It only builds: it never
 * claims, sends or records. A message it cannot build comes back undefined, for the delivery to
 * build (and fail) exactly as it would without the pool.
 */
import type { SendMailOptions } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';

export default function buildMessages(messages: readonly SendMailOptions[]): Promise<(Uint8Array | undefined)[]> {
  return Promise.all(
    messages.map(async (options) => {
      try {
        return await new MailComposer(options).compile().build();
      } catch {
        return undefined;
      }
    }),
  );
}
