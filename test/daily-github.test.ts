/**
 * The daily job end to end with both real edges set in the environment: SMTP_URL at a loopback
 * smtp-server and GITHUB_API_URL at the local GitHub API server (issue 6).
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE } from './helpers/email-fixture.ts';
import { startGitHubApi, type GitHubApi } from './helpers/github-api.ts';
import { runScript } from './helpers/run-script.ts';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink.ts';
import { addToTree, removeTree, writeTree } from './helpers/temp-dir.ts';

const CALL = 'ana-ruiz.catch-up-call.call.2026-11-03';
let dir = '';
let sink: SmtpSink;
let api: GitHubApi;
beforeEach(async () => {
  dir = await writeTree({});
  await cp(FIXTURE, path.join(dir, 'content'), { recursive: true });
  sink = await startSmtpSink();
  api = await startGitHubApi();
});
afterEach(async () => {
  await sink.close();
  await api.close();
  await removeTree(dir);
});

const content = () => path.join(dir, 'content');
const env = (extra: NodeJS.ProcessEnv = {}) => ({
  SMTP_URL: sink.url,
  GITHUB_TOKEN: 'test-token',
  GITHUB_REPOSITORY: 'agency/referable',
  GITHUB_API_URL: api.url,
  GITHUB_STEP_SUMMARY: '',
  ...extra,
});
const daily = (date: string, extra: string[] = [], more: NodeJS.ProcessEnv = {}) =>
  runScript('daily', ['--content', content(), '--outbox', path.join(dir, 'outbox'), '--date', date, ...extra], env(more));
const history = async () =>
  (await readFile(path.join(content(), 'history', '2026-11.jsonl'), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const counts = (stdout: string) => Object.fromEntries([...stdout.matchAll(/^ {2}(\w+) +(\d+)/gm)].map((m) => [m[1], Number(m[2])]));
const patchIssue = (number: number, body: object) =>
  fetch(`${api.url}/repos/agency/referable/issues/${number}`, {
    method: 'PATCH',
    headers: { authorization: 'token test-token' },
    body: JSON.stringify(body),
  });
const posts = () => api.requests.filter((r) => r.startsWith('POST')).length;

describe('the daily job with SMTP and GitHub issues', () => {
  it('sends the emails and opens the issues; a second run does nothing new; a closed issue comes back as done by hand', async () => {
    const summaryFile = path.join(dir, 'step-summary.md');
    const first = await daily('2026-11-03', [], { GITHUB_STEP_SUMMARY: summaryFile });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(counts(first.stdout)).toEqual({
      sent: 3,
      failed: 0,
      unknown: 0,
      skipped: 1,
      held: 0,
      missed: 0,
      deferred: 0,
      tasks: 1,
      done: 0,
    });
    expect(first.stdout).toContain('5 touches due today: email 4, call 1');
    expect(first.stdout).toContain('1 issue opened in agency/referable');
    expect(first.stdout).toContain('1 personal touch waiting in the issues of agency/referable: close each issue when it is done');
    expect(sink.received.map((m) => m.to[0]).sort()).toEqual(['ana@mail.example', 'priya@mail.example', 'tom@mail.example']);

    expect(api.issues).toHaveLength(1);
    const [issue] = api.issues;
    expect(issue.title).toBe('Call Ana to catch up (Ana Ruiz, 2026-11-03)');
    expect(issue.labels.map((l) => l.name)).toEqual(['referable', 'call']);
    expect(issue.body).toContain('**Why now:**');
    expect(issue.body).toContain('**Suggested line:**\n\n> Ask how the garden at the new house is coming on.');
    expect(issue.body).toContain(`<!-- referable-touch: ${CALL} -->`);
    const call = (await history()).filter((e) => e.touch === CALL);
    expect(call.map((e) => e.event)).toEqual(['claimed', 'sent']);
    expect(call[1].response).toBe('issue #1 https://github.example/agency/referable/issues/1');

    const markdown = await readFile(summaryFile, 'utf8');
    expect(markdown).toContain('## Daily run for 2026-11-03 (Tuesday)');
    expect(markdown).toContain('| sent | 3 |');
    expect(markdown).toContain('### Needs you');
    expect(markdown).toContain(`<details><summary>Skipped (1)</summary>`);

    const before = (await history()).length;
    const second = await daily('2026-11-03');
    expect(second.code).toBe(0);
    expect(counts(second.stdout)).toEqual({
      sent: 0,
      failed: 0,
      unknown: 0,
      skipped: 0,
      held: 0,
      missed: 0,
      deferred: 0,
      tasks: 0,
      done: 0,
    });
    expect(sink.received).toHaveLength(3);
    expect(api.issues).toHaveLength(1);
    expect(posts()).toBe(1);
    expect(await history()).toHaveLength(before);

    // What the owner wrote last before closing it is kept as the touch's note (issue 14); a bot's
    // comment, an empty one and one written after closing are not.
    api.addComment(1, 'Left a voicemail');
    api.addComment(1, 'Spoke to Ana: thinking of selling in the spring.\nCall again in March.');
    api.addComment(1, 'Referable saw this', { login: 'github-actions[bot]', type: 'Bot' });
    api.addComment(1, '  ');
    await patchIssue(1, { state: 'closed', state_reason: 'completed' });
    const late = api.addComment(1, 'Forgot to say: she liked the card');
    late.created_at = new Date(Date.parse(api.issues[0].closed_at!) + 60_000).toISOString();
    const next = await daily('2026-11-04');
    expect(next.code).toBe(0);
    expect(counts(next.stdout)).toMatchObject({ sent: 0, tasks: 0, done: 1 });
    expect(next.stdout).toContain(`Done by hand since the last run:\n  ${CALL}: done (issue #1)`);
    expect(next.stdout).toContain('Nothing needs you today.');
    const done = (await history()).filter((e) => e.touch === CALL).at(-1);
    expect(done).toMatchObject({
      event: 'done',
      issue: 1,
      contact: 'ana-ruiz',
      channel: 'call',
      note: 'Spoke to Ana: thinking of selling in the spring.\nCall again in March.',
    });

    // Recorded once: a later run finds the issue closed and writes nothing more.
    const settled = (await history()).length;
    await daily('2026-11-04');
    expect(await history()).toHaveLength(settled);

    await patchIssue(1, { state: 'open' });
    const reopened = await daily('2026-11-05');
    expect(reopened.code).toBe(3);
    expect(reopened.stdout).toContain(`issue #1 was reopened after ${CALL} was recorded as done`);
    expect(api.issues).toHaveLength(1);
  });

  it('--dry-run opens nothing and asks GitHub nothing', async () => {
    const run = await daily('2026-11-03', ['--dry-run']);
    expect(run.code).toBe(0);
    expect(counts(run.stdout)).toMatchObject({ ready: 3, tasks: 1 });
    expect(api.requests).toEqual([]);
    expect(sink.received).toEqual([]);
    expect(await history()).toEqual([]);
  });

  it('when GitHub refuses, sends the emails, keeps the personal touch for the next run, and says so', async () => {
    const refused = await daily('2026-11-03', [], { GITHUB_TOKEN: 'wrong-token' });
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain(
      "GitHub answered 401: Bad credentials: check the GITHUB_TOKEN. Today's personal touches are in the task list",
    );
    expect(refused.stdout).toContain(`${CALL}: its issue could not be opened today: tried again on the next run`);
    expect(refused.stdout + refused.stderr).not.toContain('wrong-token');
    expect(sink.received).toHaveLength(3);
    expect(await readFile(path.join(dir, 'outbox', 'tasks-2026-11-03.md'), 'utf8')).toContain('Call Ana to catch up');
    expect((await history()).filter((e) => e.touch === CALL)).toEqual([]);

    const retried = await daily('2026-11-04');
    expect(retried.code).toBe(0);
    expect(api.issues.map((i) => i.title)).toEqual(['Call Ana to catch up (Ana Ruiz, 2026-11-04)']);
    expect(api.issues[0].body).toContain(`<!-- referable-touch: ${CALL} -->`);
    expect(sink.received).toHaveLength(3);
  });

  it('opens the issue of a personal touch whose run was cut off between its claim and the issue', async () => {
    const claim = {
      event: 'claimed',
      at: '2026-11-03T09:00:00Z',
      touch: CALL,
      contact: 'ana-ruiz',
      plan: 'catch-up-call',
      step: 'call',
      due: '2026-11-03',
      channel: 'call',
    };
    await addToTree(content(), { 'history/2026-11.jsonl': `${JSON.stringify(claim)}\n` });
    const run = await daily('2026-11-03');
    expect(run.code).toBe(0);
    expect(api.issues).toHaveLength(1);
    expect((await history()).filter((e) => e.touch === CALL).map((e) => e.event)).toEqual(['claimed', 'failed', 'claimed', 'sent']);
  });
});
