/**
 * Intake from a mailbox over IMAP (imapflow). New messages are the ones neither seen nor marked
 * with the `$ReferableIntake` keyword. After their effect is written to the content, recognised
 * messages are marked \Seen and the keyword; messages left alone get only the keyword, so they
 * stay unread for the owner and are never taken in twice. A crash between writing and marking is
 * harmless: intake of the same message again changes nothing, and marks it then.
 */
import { ImapFlow } from 'imapflow';
import { readIntakeContent, writeIntake } from '../fs/index.ts';
import { parseMessage } from './mail-parse.ts';
import { clockOn, todayIn, UsageError, processOutput, type Output } from '../cli/index.ts';
import type { Sign } from '../../core/signing/index.ts';
import { planIntake, type IncomingMessage, type IntakePlan, formatIntakeSummary, formatOutcome } from '../../core/intake/index.ts';

/** The keyword that marks a message as taken in (RFC 3501 keywords need PERMANENTFLAGS \*). */
export const TAKEN_IN = '$ReferableIntake';

export type ImapTarget = { host: string; port: number; secure: boolean; user: string; pass: string; mailbox: string };

/** Reads `imap://user:password@host[:port][/MAILBOX]` (or `imaps://`); undefined when it is not one. */
export function parseImapUrl(url: string): ImapTarget | undefined {
  try {
    const u = new URL(url);
    if ((u.protocol !== 'imap:' && u.protocol !== 'imaps:') || !u.hostname || !u.username) return undefined;
    const secure = u.protocol === 'imaps:';
    return {
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: u.port ? Number(u.port) : secure ? 993 : 143,
      secure,
      user: decodeURIComponent(u.username),
      pass: decodeURIComponent(u.password),
      mailbox: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
    };
  } catch {
    // Not a URL, or a broken %-escape in the user or password.
    return undefined;
  }
}

/** `imap://host:port/INBOX`: the mailbox without user or password, for messages. */
function describeImap(target: ImapTarget): string {
  return `${target.secure ? 'imaps' : 'imap'}://${target.host}:${target.port}/${target.mailbox}`;
}

type ImapIntake = { ok: true; fetched: number; plan: IntakePlan; unreadable: string[] } | { ok: false; reason: string };

/**
 * Takes in the new messages of the mailbox at `target` into the content folder `dir`. `today`
 * defaults to the business's today. Never throws for a mailbox that cannot be reached: says why.
 */
async function intakeFromImap(target: ImapTarget, dir: string, today?: Temporal.PlainDate, sign?: Sign): Promise<ImapIntake> {
  const read = await readIntakeContent(dir);
  const { problems } = read;
  const input = read.input && sign ? { ...read.input, sign } : read.input;
  if (!input) return { ok: false, reason: problems.map((p) => `${p.file} ${p.message}`).join('; ') };
  const client = new ImapFlow({
    host: target.host,
    port: target.port,
    secure: target.secure,
    auth: { user: target.user, pass: target.pass },
    logger: false,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
  client.on('error', () => {}); // a dropped socket also rejects the pending command, which is reported
  try {
    await client.connect();
  } catch (error) {
    return { ok: false, reason: `could not log in to ${describeImap(target)}: ${reasonOf(error)}` };
  }
  try {
    const lock = await client.getMailboxLock(target.mailbox);
    try {
      const keywords = client.mailbox ? (client.mailbox.permanentFlags?.has('\\*') ?? false) : false;
      const uids = (await client.search({ seen: false, ...(keywords ? { unKeyword: TAKEN_IN } : {}) }, { uid: true })) || [];
      const messages: { uid: number; message?: IncomingMessage; problem?: string }[] = [];
      const check = { trustedAuthServId: input.settings.intake?.trustedAuthServId };
      for (const m of uids.length ? await client.fetchAll(uids, { uid: true, source: true }, { uid: true }) : []) {
        const source = `imap:${target.mailbox}/${m.uid}`;
        const message = m.source
          ? await parseMessage(m.source, source, check).catch((error: Error) => `could not be parsed as an email: ${error.message}`)
          : undefined;
        if (typeof message === 'object') messages.push({ uid: m.uid, message });
        else messages.push({ uid: m.uid, problem: `${source}: ${message ?? 'is not an email message'}` });
      }
      const parsed = messages.flatMap((m) => (m.message ? [m.message] : []));
      const at = clockOn(today, input.settings.timeZone)();
      const plan = await local(async () => planIntake(parsed, input, today ?? todayIn(input.settings.timeZone), at));
      const written = await local(() => writeIntake(dir, plan));
      if (!written.ok) return { ok: false, reason: written.reason };
      // Only now that the effect is on disk are the messages marked.
      const recognised = new Set(plan.outcomes.filter((o) => o.kind !== 'unknown').map((o) => o.source));
      const seen = messages.filter((m) => m.message && recognised.has(m.message.source)).map((m) => m.uid);
      const rest = messages.map((m) => m.uid).filter((uid) => !seen.includes(uid));
      if (seen.length) await client.messageFlagsAdd(seen, ['\\Seen', ...(keywords ? [TAKEN_IN] : [])], { uid: true });
      if (rest.length && keywords) await client.messageFlagsAdd(rest, [TAKEN_IN], { uid: true });
      const unreadable = messages.flatMap((m) => (m.problem ? [m.problem] : []));
      return { ok: true, fetched: messages.length, plan, unreadable };
    } finally {
      lock.release();
    }
  } catch (error) {
    if (error instanceof LocalFailure) throw error.cause;
    return { ok: false, reason: `${describeImap(target)}: ${reasonOf(error)}` };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * What the daily job and `npm run intake -- --imap` call: takes in the mailbox at `url` and prints
 * what happened. Returns what failed (the mailbox could not be read, or messages could not be
 * parsed), or undefined when all went well.
 */
export async function takeInMailbox(
  url: string,
  dir: string,
  options: { date?: string; dryRun?: boolean; sign?: Sign } = {},
  io: Output = processOutput,
): Promise<string | undefined> {
  const target = parseImapUrl(url);
  if (!target)
    throw new UsageError('IMAP_URL is not an imap:// or imaps:// URL with a user (its value is not shown: it may hold a password)');
  if (options.dryRun) {
    io.out(`${describeImap(target)}: not read in a dry run.`);
    return undefined;
  }
  const result = await intakeFromImap(target, dir, options.date ? Temporal.PlainDate.from(options.date) : undefined, options.sign);
  if (!result.ok) {
    io.err(`Intake from the mailbox failed, nothing was marked read: ${result.reason}`);
    return `nothing was marked read: ${result.reason}`;
  }
  for (const o of result.plan.outcomes) io.out(formatOutcome(o));
  for (const line of result.unreadable) io.err(line);
  io.out(`${describeImap(target)}: ${formatIntakeSummary(result.fetched, result.plan, result.unreadable.length)}`);
  const n = result.unreadable.length;
  return n ? `${n} message${n === 1 ? '' : 's'} could not be read (listed above) and stay unread` : undefined;
}

/** A failure on this side (content, disk, a bug), which must not pass for a mailbox problem. */
class LocalFailure extends Error {}

async function local<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new LocalFailure('intake failed', { cause: error });
  }
}

function reasonOf(error: unknown): string {
  const e = error as { responseText?: string; code?: string; message?: string };
  return e.responseText || [e.code, e.message].filter(Boolean).join(' ') || String(error);
}
