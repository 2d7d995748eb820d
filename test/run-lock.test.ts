/**
 * Two runs never overlap (issue 15): two real daily jobs started at the same moment on the same
 * content, in outbox and SMTP mode; a lock left by a dead run on this machine is taken over; a
 * lock from another machine is reported and left alone; intake waits its turn too.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../src/core/problems/index.ts';
import { FIXTURE } from './helpers/email-fixture.ts';
import { runScript } from './helpers/run-script.ts';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink.ts';
import { removeTree, writeTree } from './helpers/temp-dir.ts';

let dir = '';
let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
  await removeTree(dir);
});

async function setup() {
  dir = await writeTree({});
  const content = path.join(dir, 'content');
  await cp(FIXTURE, content, { recursive: true });
  return { content, outbox: path.join(dir, 'outbox'), lock: path.join(content, 'history', '.lock') };
}
const args = (at: { content: string; outbox: string }) => ['--content', at.content, '--outbox', at.outbox, '--date', '2026-11-03'];
const daily = (at: { content: string; outbox: string }, env: NodeJS.ProcessEnv = {}) => runScript('daily', args(at), env);
const claims = async (content: string) =>
  (await readFile(path.join(content, 'history', '2026-11.jsonl'), 'utf8'))
    .split('\n')
    .filter((l) => l.includes('"event":"claimed"'))
    .map((l) => (JSON.parse(l) as { touch: string }).touch)
    .sort();
const HELD =
  /^Another run holds .*history\/\.lock: npm run daily \(pid \d+ on .+\) since \d{4}-\d\d-\d\dT[\d:.]+Z\. This run did nothing: run it again once that one has finished\.\n$/;

describe('the run lock', () => {
  it.each(['outbox', 'smtp'])('two daily runs started at the same moment (%s): each touch is claimed and sent once', async (mode) => {
    const at = await setup();
    // A slow server keeps the first run holding the lock while the second starts.
    if (mode === 'smtp') sink = await startSmtpSink({ replyDelayMs: 1500 });
    const env = { SMTP_URL: sink?.url ?? '' };
    const [a, b] = await Promise.all([daily(at, env), daily(at, env)]);
    const [winner, loser] = a.code === EXIT.locked ? [b, a] : [a, b];
    expect(winner.code).toBe(EXIT.ok);
    if (mode === 'smtp' || loser.code !== EXIT.ok) {
      expect(loser.code).toBe(EXIT.locked);
      expect(loser.stderr).toMatch(HELD);
      expect(loser.stdout).toBe('');
    }
    // An outbox run can be over before the other starts: then that one finds the day done.
    const touches = await claims(at.content);
    expect(new Set(touches).size).toBe(touches.length);
    if (sink) expect(sink.received.map((r) => r.to[0]).sort()).toEqual(['ana@mail.example', 'priya@mail.example', 'tom@mail.example']);
    else expect((await readdir(at.outbox)).filter((f) => f.endsWith('.eml'))).toHaveLength(3);
    await expect(readFile(at.lock)).rejects.toThrow('ENOENT');
  });

  it('takes over a lock left by a run that died on this machine', async () => {
    const at = await setup();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const stale = { pid: dead, host: hostname(), since: '2026-11-03T08:00:00.000Z', command: 'npm run daily' };
    await mkdir(path.dirname(at.lock), { recursive: true });
    await writeFile(at.lock, JSON.stringify(stale));
    const run = await daily(at);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stderr).toContain(`Took over ${at.lock} from npm run daily (pid ${dead} on ${hostname()}) since 2026-11-03T08:00:00.000Z`);
    expect(await claims(at.content)).toHaveLength(4);
    await expect(readFile(at.lock)).rejects.toThrow('ENOENT');
  });

  it('reports a lock from another machine and never breaks it; intake waits too', async () => {
    const at = await setup();
    await mkdir(path.dirname(at.lock), { recursive: true });
    const other = JSON.stringify({ pid: 1, host: 'ci-runner-7', since: '2026-11-03T08:00:00.000Z', command: 'npm run daily' });
    await writeFile(at.lock, other);
    const run = await daily(at);
    expect(run.code).toBe(EXIT.locked);
    expect(run.stderr).toBe(
      `Another run holds ${at.lock}: npm run daily (pid 1 on ci-runner-7) since 2026-11-03T08:00:00.000Z, on another machine, so it is not broken from here: this run did nothing. If no run is going there, delete ${at.lock} and run again.\n`,
    );
    const intake = await runScript('intake', ['--content', at.content, path.join(dir, 'none.eml')]);
    expect(intake.code).toBe(EXIT.locked);
    expect(intake.stderr).toContain('Another run holds');
    expect(await readFile(at.lock, 'utf8')).toBe(other);
    await expect(readdir(at.outbox)).rejects.toThrow('ENOENT');
  });
});
