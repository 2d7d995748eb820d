/**
 * The outbox: every email a run would send, as one `.eml` file per touch named by its id. Used
 * when `SMTP_URL` is unset; each file is written to a temporary name and renamed, so a killed
 * run never leaves half a message.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Delivery, OutgoingEmail } from '../../core/email/index.ts';
import type { SendOutcome } from '../../core/touches/index.ts';
import { toMailOptions } from './mail-options.ts';

/** The file an outbox writes for a touch. */
function outboxFile(dir: string, touch: string): string {
  return path.join(dir, `${touch}.eml`);
}

/** Writes a file into the outbox atomically: a temporary name, then a rename. */
export async function writeOutboxFile(dir: string, name: string, text: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(temp, text);
  await rename(temp, file);
  return file;
}

export function createOutbox(dir: string): Delivery {
  // CRLF, as RFC 5322 and SMTP carry it: the file is the very message SMTP would send, and mail
  // clients that expect CRLF in an .eml file open it as mail rather than as text.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let ready: Promise<unknown> | undefined;
  return {
    name: `${dir.replace(/\/+$/, '')}/`,
    async send(email: OutgoingEmail): Promise<SendOutcome> {
      const file = outboxFile(dir, email.touch);
      const temp = path.join(dir, `.${email.touch}.${process.pid}.tmp`);
      try {
        ready ??= mkdir(dir, { recursive: true });
        await ready;
        const message = email.raw ?? (await transport.sendMail(toMailOptions(email))).message;
        await writeFile(temp, message);
        await rename(temp, file);
      } catch (error) {
        // Nothing reached the outbox under its real name: the touch can be tried again.
        return { status: 'failed', temporary: true, reason: `could not write ${file}: ${(error as Error).message}` };
      }
      return { status: 'sent', messageId: email.messageId, response: `written to ${file}` };
    },
    // Each file is written at once: nothing waits to be given up.
    abort() {},
    async close() {
      transport.close();
    },
  };
}
