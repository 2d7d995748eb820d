/**
 * Rendering and sending 10,000 personalised newsletters from generated content: rendering alone,
 * compiling MJML per recipient for comparison, sending alone, the daily job's send phase (claim,
 * render, send, record) against a bare pooled nodemailer loop sending the same messages, the same
 * with the messages built on worker threads, the same send phase through Amazon SES v2's SDK to a
 * local stand-in (as a ratio to SMTP's), the whole daily job as a real command against its own
 * send phase, and the outbox. The SMTP server and the SES stand-in run on loopback, each in its own
 * process. SES's rate limit is a separate benchmark: `npm run bench -- ses-rate`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { stringify } from 'yaml';
import { EMAILS_DIR, readContent, openHistoryJournal, takeRunLock } from '../src/adapters/fs/index.ts';
import { signerFromEnv } from '../src/adapters/signing/index.ts';
import { compileLayouts, compileMjml } from '../src/adapters/layouts/index.ts';
import { toMailOptions, createBuildPool, createOutbox, createSmtpDelivery, openSesDelivery } from '../src/adapters/mail/index.ts';
import { emailPreparer, deliverEmails } from '../src/core/daily/index.ts';
import { type Delivery, type OutgoingEmail, createPersonalizer, type EmailDraft, renderEmail } from '../src/core/email/index.ts';
import { renderBody } from '../src/core/markup/index.ts';
import { planTouches } from '../src/core/planning/index.ts';
import type { Settings } from '../src/core/model/index.ts';
import { generateContent, SETTINGS } from '../test/helpers/generate-content.ts';
import { addToTree, removeTree, writeTree } from '../test/helpers/temp-dir.ts';
import { fmtMs, perSecond, printTable, timeIt } from './lib/measure.ts';
import { startSink } from './lib/sink.ts';
import { runDailyProcess } from './lib/daily-process.ts';
import { startSesStandIn } from './lib/ses-stand-in.ts';

const EMAILS = 10_000;
// About 70% of generated contacts get the newsletter (segment, address, consent, unsubscribes).
const CONTACTS = 14_600;
const DAY = Temporal.PlainDate.from('2026-11-03');
const NOW = '2026-11-03T09:00:00Z';
const POOL = 5;

const dir = await writeTree({}, 'referable-bench-email-');
const tree = generateContent({ contacts: CONTACTS, seed: 42 });
tree['settings.yaml'] = stringify({ ...SETTINGS, limits: { perDay: 1_000_000, perSecond: 1_000_000 } });
await addToTree(path.join(dir, 'content'), tree);
const { content, problems } = await readContent(path.join(dir, 'content'));
if (problems.length || !content.settings) throw new Error(`generated content has problems: ${problems[0]?.message}`);
const settings: Settings = content.settings;

const compile = await measure(() => compileLayouts(settings));
const { layouts } = compile.value;
const newsletter = layouts.get('newsletter');
if (!newsletter) throw new Error(`the newsletter layout did not compile: ${compile.value.problems[0]?.message}`);
const input = { content, settings, today: DAY, layouts, now: () => NOW };
const personalizer = createPersonalizer(content, settings, DAY, { renderBody });
// Newsletter touches that can be sent (a few are held back by consent rules at send time).
const touches = planTouches({ ...content, settings, history: [] }, { from: DAY, days: 1 })
  .due.filter((t) => t.template === 'newsletter' && personalizer.personalize(t).ok)
  .slice(0, EMAILS);
const n = touches.length;

// Rendering: personalising, filling the compiled layout and building the message, per email.
// Timed without keeping the results, as the job keeps none; the messages are kept afterwards.
const prepare = emailPreparer(input);
const prepared = await measure(() => touches.reduce((count, t) => count + (prepare(t).ok ? 1 : 0), 0), { warmup: true });
if (prepared.value !== n) throw new Error(`${n - prepared.value} touches could not be prepared`);
const drafts = touches.map((t) => personalizer.personalize(t)).flatMap((p) => (p.ok ? [p.draft] : [])) as EmailDraft[];
const fill = await measure(() => drafts.reduce((bytes, d) => bytes + renderEmail(newsletter, d.fields).html.length, 0), { warmup: true });
const messages: OutgoingEmail[] = touches.flatMap((t) => {
  const p = prepare(t);
  return p.ok ? [p.email] : [];
});

// Compiling MJML for each recipient instead, on a sample.
const source = await readFile(path.join(EMAILS_DIR, 'newsletter.mjml'), 'utf8');
const SAMPLE = 40;
const perRecipient = await measure(
  async () => {
    for (let i = 0; i < SAMPLE; i++)
      await compileMjml(source, path.join(EMAILS_DIR, 'newsletter.mjml'), path.resolve(EMAILS_DIR), settings.business.colours);
  },
  { warmup: true },
);

// Sending, to a loopback smtp-server in another process.
const sink = await startSink();
const smtpUrl = `smtp://127.0.0.1:${sink.port}`;

async function bareLoop(batch: readonly OutgoingEmail[]): Promise<number> {
  const transport = nodemailer.createTransport({
    pool: true,
    host: '127.0.0.1',
    port: sink.port,
    maxConnections: POOL,
    maxMessages: Infinity,
  });
  const before = await sink.count();
  await Promise.all(batch.map((m) => transport.sendMail(toMailOptions(m))));
  transport.close();
  return (await sink.count()) - before;
}

async function throughDelivery(delivery: Delivery, batch: readonly OutgoingEmail[], concurrency: number): Promise<number> {
  let sent = 0;
  for (let i = 0; i < batch.length; i += concurrency) {
    const outcomes = await Promise.all(batch.slice(i, i + concurrency).map((m) => delivery.send(m)));
    sent += outcomes.filter((o) => o.status === 'sent').length;
  }
  await delivery.close();
  return sent;
}

const smtp = () => createSmtpDelivery(smtpUrl, { perSecond: settings.limits.perSecond, maxConnections: POOL });

// The same phase as a real run makes it: under the run lock, with signed Message-IDs and
// unsubscribe links, and the breaker (always on in the loop).
const signer = signerFromEnv({ REFERABLE_SECRET: 'a bench secret of forty characters, fixed' });
const prepareSigned = emailPreparer({ ...input, ...(signer.ok && signer.sign ? { sign: signer.sign } : {}) });

/** The send phase; `pooled` builds the messages on worker threads (the pool starts inside the timing). */
async function sendPhase(round: number, signed = false, pooled = false): Promise<number> {
  const history = path.join(dir, `history-phase-${signed ? 'signed-' : ''}${pooled ? 'pooled-' : ''}${round}`);
  const lock = signed ? await takeRunLock(history, 'bench') : undefined;
  if (lock && !lock.ok) throw new Error(lock.message);
  const journal = await openHistoryJournal(history, '2026-11');
  const before = await sink.count();
  const builder = pooled ? createBuildPool() : undefined;
  const report = await deliverEmails({
    touches,
    prepare: signed ? prepareSigned : prepare,
    delivery: smtp(),
    journal,
    now: () => NOW,
    ...(builder ? { builder } : {}),
  });
  await builder?.close();
  await journal.close();
  await lock?.release();
  const sent = report.results.filter((r) => r.outcome.status === 'sent').length;
  if ((await sink.count()) - before !== sent) throw new Error('the server and the job disagree on what was sent');
  return sent;
}

await bareLoop(messages.slice(0, 1_000)); // warm-up: connections, JIT
// The machine is shared: bare loop and send phase take turns, and the medians are compared.
const ROUNDS = 3;
const bares: Awaited<ReturnType<typeof measure<number>>>[] = [];
const phases: typeof bares = [];
const signedPhases: typeof bares = [];
const pooledPhases: typeof bares = [];
// The server process's CPU time during the bare loop and the pooled phase, per turn.
const bareServer: number[] = [];
const pooledServer: number[] = [];
const serverCpu = async <T>(fn: () => Promise<T>, into: number[]) => {
  const before = await sink.cpuMs();
  const value = await fn();
  into.push((await sink.cpuMs()) - before);
  return value;
};
for (let round = 0; round < ROUNDS; round++) {
  bares.push(await serverCpu(() => measure(() => bareLoop(messages)), bareServer));
  phases.push(await measure(() => sendPhase(round)));
  signedPhases.push(await measure(() => sendPhase(round, true)));
  pooledPhases.push(await serverCpu(() => measure(() => sendPhase(round, true, true)), pooledServer));
}
const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
const bare = median(bares.map((b) => b.ms));
const phase = { ms: median(phases.map((p) => p.ms)), cpuMs: median(phases.map((p) => p.cpuMs)), value: phases[0].value };
const bareCpu = median(bares.map((b) => b.cpuMs));
const bareMain = median(bares.map((b) => b.mainMs));
const signedPhase = {
  ms: median(signedPhases.map((p) => p.ms)),
  cpuMs: median(signedPhases.map((p) => p.cpuMs)),
  value: signedPhases[0].value,
};
const pooledPhase = {
  ms: median(pooledPhases.map((p) => p.ms)),
  cpuMs: median(pooledPhases.map((p) => p.cpuMs)),
  mainMs: median(pooledPhases.map((p) => p.mainMs)),
  value: pooledPhases[0].value,
};
const adapter = await measure(() => throughDelivery(smtp(), messages, n));

// The whole daily job: the real command in its own process, on the same content (no history
// yet), its send phase read back from history.
const job = await runDailyProcess(path.join(dir, 'content'), smtpUrl, DAY.toString());

// The same send phase through the SES adapter: the AWS SDK, one SendEmail request with the raw
// message each, to a stand-in that allows any rate (SES's own rate is `npm run bench -- ses-rate`).
const standIn = await startSesStandIn({ maxSendRate: 1_000_000 });
async function sesPhase(name: string, batch: typeof touches): Promise<number> {
  const start = await openSesDelivery({ perSecond: 1_000_000, sender: settings.sender.email, config: standIn.config });
  if (!start.ok) throw new Error(start.problem);
  const journal = await openHistoryJournal(path.join(dir, `history-${name}`), '2026-11');
  const before = (await standIn.count()).accepted;
  const report = await deliverEmails({ touches: batch, prepare, delivery: start.delivery, journal, now: () => NOW });
  await journal.close();
  await start.delivery.close();
  const sent = report.results.filter((r) => r.outcome.status === 'sent').length;
  const accepted = (await standIn.count()).accepted - before;
  if (accepted !== sent) {
    const tally = Object.entries(Object.groupBy(report.results, (r) => r.outcome.status)).map(([k, v]) => `${k} ${v?.length}`);
    throw new Error(`the stand-in took ${accepted}, the job recorded ${tally.join(', ')}`);
  }
  return sent;
}
await sesPhase('ses-warm-up', touches.slice(0, 1_000)); // warm-up: the SDK, connections, JIT
const sesSend = await measure(() => sesPhase('ses', touches));
await standIn.close();

const outbox = await measure(() => throughDelivery(createOutbox(path.join(dir, 'outbox')), messages, 20));
await sink.close();
await removeTree(dir);

const us = (ms: number, count: number) => (Number.isNaN(ms) ? '' : `${((ms * 1000) / count).toFixed(0)} µs`);
console.log(
  `${n.toLocaleString('en')} personalised newsletters from ${CONTACTS.toLocaleString('en')} generated contacts; SMTP pool of ${POOL} to a loopback smtp-server in another process.\n`,
);
const row = (work: string, count: number, m: { ms: number; cpuMs: number }) => [
  work,
  count.toLocaleString('en'),
  fmtMs(m.ms),
  perSecond(count, m.ms),
  us(m.ms, count),
  us(m.cpuMs, count),
];
printTable(
  ['work', 'emails', 'time', 'emails/s', 'per email', 'CPU per email'],
  [
    ['compile all layouts once', String(layouts.size), fmtMs(compile.ms), '', '', ''],
    row('render (personalise + fill + message)', n, prepared),
    row('  fill the compiled layout alone', n, fill),
    row('  compile MJML per recipient instead', SAMPLE, perRecipient),
    row('send: bare nodemailer pooled loop', n, { ms: bare, cpuMs: bareCpu }),
    row('send: the SMTP adapter alone', adapter.value, adapter),
    row('job send phase (claim, render, send, record)', phase.value, phase),
    row('  the same, locked and signed (REFERABLE_SECRET)', signedPhase.value, signedPhase),
    row('  the same, built on worker threads (both cores)', pooledPhase.value, pooledPhase),
    row('  the same through SES (SDK, raw MIME, stand-in)', sesSend.value, sesSend),
    row('whole daily job (npm run daily, own process)', job.sent, { ms: job.ms, cpuMs: Number.NaN }),
    row('  its send phase (first claim to last outcome)', job.sent, { ms: job.sendMs, cpuMs: Number.NaN }),
    row('outbox adapter (.eml files)', outbox.value, outbox),
  ],
);
console.log(
  `\nSend phase / bare pooled loop (median of ${ROUNDS} turns each): ${(bare / phase.ms).toFixed(2)} in wall time (aim: 0.8 or more), ${(bareCpu / phase.cpuMs).toFixed(2)} in sender CPU time`,
);
console.log(
  `Locked and signed send phase / bare pooled loop: ${(bare / signedPhase.ms).toFixed(2)} in wall time, ${(phase.ms / signedPhase.ms).toFixed(2)} of the unsigned phase (aim: within 5%)`,
);
console.log(
  `Send phase on both cores (signed, build pool) / bare single-process pooled loop: ${(bare / pooledPhase.ms).toFixed(2)} in wall time (aim: 1.3 or more); its CPU per email counts the worker threads too`,
);
// What two cores allow, from CPU times (steadier than wall times on a shared machine): a phase
// needs at least its sending thread's time on one core, and its process's time (build threads
// too) with the server's on the two.
const serverBare = median(bareServer);
const serverPooled = median(pooledServer);
const bareNeeds = Math.max(bareMain, (bareCpu + serverBare) / 2);
const pooledNeeds = Math.max(pooledPhase.mainMs, (pooledPhase.cpuMs + serverPooled) / 2);
console.log(
  `CPU per email (medians): bare loop: sending thread ${us(bareMain, n)}, its process ${us(bareCpu, n)}, the server process ${us(serverBare, n)}; on both cores: sending thread ${us(pooledPhase.mainMs, pooledPhase.value)}, its process (build threads too) ${us(pooledPhase.cpuMs, pooledPhase.value)}, the server process ${us(serverPooled, pooledPhase.value)}`,
);
console.log(
  `  so on an idle 2-core machine the send phase on both cores could reach about ${(bareNeeds / pooledNeeds).toFixed(2)}× the bare loop (aim: 1.3): each needs the busier of its sending thread on one core and its process with the server on two (bare ${us(bareNeeds, n)}, both cores ${us(pooledNeeds, pooledPhase.value)} per email)`,
);
console.log(
  `Whole daily job / its own send phase: ${(job.ms / job.sendMs).toFixed(2)} (aim: 1.1 or less); peak memory ${job.maxRssMB.toFixed(0)} MB`,
);
console.log(
  `Render after compile: ${us(prepared.ms, n)} per email, ${us(prepared.cpuMs, n)} of CPU (target: 150 µs or less); compiling per recipient: ${us(perRecipient.ms, SAMPLE)}`,
);
console.log(
  `Send phase through SES / through SMTP, the same ${n.toLocaleString('en')} emails: ${(sesSend.ms / phase.ms).toFixed(2)} in wall time, ${(sesSend.cpuMs / phase.cpuMs).toFixed(2)} in sender CPU time (above 1: SES is slower)`,
);
console.log('Target: the daily job for 10,000 contacts, about 9,000 emails, in 8 s or less.');

/**
 * Wall time of `fn`, this process's CPU time (every thread) and this thread's (the machine is
 * shared: CPU time is steadier).
 */
async function measure<T>(
  fn: () => T | Promise<T>,
  { warmup = false } = {},
): Promise<{ ms: number; cpuMs: number; mainMs: number; value: T }> {
  if (warmup) await fn();
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const main = process.threadCpuUsage();
  const { ms, value } = await timeIt(fn);
  const used = process.cpuUsage(cpu);
  const mine = process.threadCpuUsage(main);
  return { ms, cpuMs: (used.user + used.system) / 1000, mainMs: (mine.user + mine.system) / 1000, value };
}
