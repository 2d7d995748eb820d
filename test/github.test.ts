import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitHubFromEnv, type GitHubTasks } from '../src/adapters/github/index.ts';
import type { HistoryEntry } from '../src/core/model/index.ts';
import { syncTasks, type Task } from '../src/core/tasks/index.ts';
import { startGitHubApi, type GitHubApi } from './helpers/github-api.ts';

const task = (contact: string, channel: Task['channel']): Task => ({
  touch: `${contact}.quarterly-call.${channel}.2026-11-25`,
  contact,
  channel,
  date: '2026-11-25',
  title: `Call ${contact} (2026-11-25)`,
  body: `Call them.\n\n<!-- referable-touch: ${contact}.quarterly-call.${channel}.2026-11-25 -->`,
  labels: ['referable', channel],
});
const TASKS = [task('ana-ruiz', 'call'), task('tom-byrne', 'card')];
const AT = '2026-11-25T07:00:00Z';

/** One run of the task half of the daily job: read issues back, record, open what is missing. */
async function run(gh: GitHubTasks, tasks: Task[], history: HistoryEntry[]) {
  const issues = await gh.listTaskIssues('2026-01-01T00:00:00Z');
  const sync = syncTasks(tasks, issues, history, AT);
  history.push(...sync.record);
  for (const t of sync.open) {
    const issue = await gh.openTaskIssue(t);
    const [contact, plan, step, due] = t.touch.split('.');
    history.push({
      event: 'sent',
      at: AT,
      touch: t.touch,
      contact,
      plan,
      step,
      due,
      channel: t.channel,
      response: `issue #${issue.number}`,
    });
  }
  return sync;
}

describe('GitHub issues as the task list', () => {
  let api: GitHubApi;
  let gh: GitHubTasks;
  beforeEach(async () => {
    api = await startGitHubApi();
    gh = gitHubFromEnv({ GITHUB_TOKEN: 'test-token', GITHUB_REPOSITORY: 'agency/referable', GITHUB_API_URL: api.url })!;
  });
  afterEach(() => api.close());

  it('is used only when a token and a repository are set', () => {
    expect(gitHubFromEnv({ GITHUB_REPOSITORY: 'agency/referable' })).toBeUndefined();
    expect(gitHubFromEnv({ GITHUB_TOKEN: 'x' })).toBeUndefined();
  });

  it('opens one issue per personal touch, and a rerun opens none', async () => {
    const history: HistoryEntry[] = [];
    const first = await run(gh, TASKS, history);
    expect(first.open.map((t) => t.touch)).toEqual(TASKS.map((t) => t.touch));
    expect(api.issues.map((i) => ({ number: i.number, labels: i.labels.map((l) => l.name), state: i.state }))).toEqual([
      { number: 1, labels: ['referable', 'call'], state: 'open' },
      { number: 2, labels: ['referable', 'card'], state: 'open' },
    ]);
    expect(history.map((h) => [h.event, h.touch])).toEqual([
      ['sent', 'ana-ruiz.quarterly-call.call.2026-11-25'],
      ['sent', 'tom-byrne.quarterly-call.card.2026-11-25'],
    ]);

    const second = await run(gh, TASKS, history);
    expect(second).toEqual({ open: [], record: [], reopened: [] });
    expect(api.issues).toHaveLength(2);
  });

  it('records an issue opened by a run that died before writing history', async () => {
    await gh.openTaskIssue(TASKS[0]);
    const history: HistoryEntry[] = [];
    const sync = await run(gh, TASKS, history);
    expect(sync.open.map((t) => t.contact)).toEqual(['tom-byrne']);
    expect(history.map((h) => [h.event, h.contact, h.event === 'sent' ? h.response : ''])).toEqual([
      ['sent', 'ana-ruiz', 'issue #1'],
      ['sent', 'tom-byrne', 'issue #2'],
    ]);
  });

  it('brings issues closed by hand back as done, and notices reopened ones', async () => {
    const history: HistoryEntry[] = [];
    await run(gh, TASKS, history);
    await fetch(`${api.url}/repos/agency/referable/issues/1`, {
      method: 'PATCH',
      headers: { authorization: 'token test-token' },
      body: JSON.stringify({ state: 'closed', state_reason: 'completed' }),
    });
    await fetch(`${api.url}/repos/agency/referable/issues/2`, {
      method: 'PATCH',
      headers: { authorization: 'token test-token' },
      body: JSON.stringify({ state: 'closed', state_reason: 'not_planned' }),
    });
    const after = await run(gh, [], history);
    expect(
      after.record.map((h) => ({
        event: h.event,
        contact: h.contact,
        channel: h.channel,
        issue: h.event === 'done' ? h.issue : undefined,
      })),
    ).toEqual([
      { event: 'skipped', contact: 'tom-byrne', channel: 'card', issue: undefined },
      { event: 'done', contact: 'ana-ruiz', channel: 'call', issue: 1 },
    ]);

    await fetch(`${api.url}/repos/agency/referable/issues/1`, {
      method: 'PATCH',
      headers: { authorization: 'token test-token' },
      body: JSON.stringify({ state: 'open' }),
    });
    const reopened = await run(gh, [], history);
    expect(reopened.record).toEqual([]);
    expect(reopened.reopened.map((i) => i.number)).toEqual([1]);
  });

  it('waits out a rate-limit answer and retries a server error', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 1);
    api.failNext('GET', {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { message: 'API rate limit exceeded' },
    });
    api.failNext('POST', { status: 500 });
    const history: HistoryEntry[] = [];
    await run(gh, [TASKS[0]], history);
    expect(api.requests.filter((r) => r.startsWith('GET')).length).toBe(2);
    expect(api.requests.filter((r) => r.startsWith('POST')).length).toBe(2);
    expect(api.issues).toHaveLength(1);
    expect(history.map((h) => h.event)).toEqual(['sent']);
  });

  it('reads every page of a long issue list', async () => {
    for (let n = 0; n < 130; n++) {
      api.issues.push({
        number: n + 1,
        title: `t${n}`,
        body: `<!-- referable-touch: c${n}.p.call.2026-11-01 -->`,
        labels: [{ name: 'referable' }, { name: 'call' }],
        assignees: [],
        state: 'open',
        state_reason: null,
        closed_at: null,
        updated_at: '2026-11-01T00:00:00Z',
        html_url: '',
      });
    }
    const issues = await gh.listTaskIssues('2026-01-01T00:00:00Z');
    expect(issues).toHaveLength(130);
    expect(api.requests.filter((r) => r.startsWith('GET'))).toHaveLength(2);
  });
});
