/**
 * Runs the real daily job (`node scripts/daily.js`) in its own process against an SMTP server,
 * as the scheduled workflow does, and reads back what it cost: wall time from spawn to exit,
 * peak memory (threads included), and its send phase, from the moments history records (the
 * first claim to the last outcome).
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAX_RSS = fileURLToPath(new URL('./max-rss.ts', import.meta.url));

export type DailyRun = { ms: number; sendMs: number; maxRssMB: number; sent: number };

export async function runDailyProcess(content: string, smtpUrl: string, date: string): Promise<DailyRun> {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', MAX_RSS, 'scripts/daily.js', '--content', content, '--date', date, '--outbox', path.join(content, '..', 'outbox')],
    { cwd: ROOT, env: { ...process.env, SMTP_URL: smtpUrl, NO_COLOR: '1', GITHUB_TOKEN: '', GITHUB_STEP_SUMMARY: '', IMAP_URL: '' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - start;
  const rss = /referable-max-rss-kb (\d+)\s*$/.exec(stderr);
  const sent = Number(/^ {2}sent +(\d+)/m.exec(stdout)?.[1]);
  if (!rss || Number.isNaN(sent) || (code !== 0 && code !== 3))
    throw new Error(`the daily job failed (exit ${code}):\n${stderr}\n${stdout}`);
  return { ms, sendMs: await sendPhase(content, date), maxRssMB: Number(rss[1]) / 1024, sent };
}

/** From the first email claimed to the last email's outcome, as the history file records them. */
async function sendPhase(content: string, date: string): Promise<number> {
  const text = await readFile(path.join(content, 'history', `${date.slice(0, 7)}.jsonl`), 'utf8');
  let first = Infinity;
  let last = -Infinity;
  for (const line of text.split('\n')) {
    if (!line.includes('"channel":"email"')) continue;
    const entry = JSON.parse(line) as { event: string; at: string };
    const at = Date.parse(entry.at);
    if (entry.event === 'claimed') first = Math.min(first, at);
    else if (entry.event === 'sent' || entry.event === 'failed' || entry.event === 'unknown') last = Math.max(last, at);
  }
  return last - first;
}
