import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../model/index.ts';
import { issuesSince, readBackIssues } from './task-handover.ts';
import type { TaskIssue } from './task.ts';

const base = { contact: 'ana-ruiz', plan: 'catch-up-call', step: 'call', due: '2026-11-03', channel: 'call' as const };
const CALL = 'ana-ruiz.catch-up-call.call.2026-11-03';
const entry = (event: HistoryEntry['event'], at: string, extra: object = {}): HistoryEntry =>
  ({ event, at, touch: CALL, ...base, ...extra }) as HistoryEntry;
const email = (at: string): HistoryEntry => ({
  event: 'sent',
  at,
  touch: 'tom.news.send.2026-11-20',
  contact: 'tom',
  plan: 'news',
  step: 'send',
  due: '2026-11-20',
  channel: 'email',
});
const issue = (extra: Partial<TaskIssue> = {}): TaskIssue => ({
  number: 7,
  url: 'https://github.example/a/r/issues/7',
  touch: CALL,
  channel: 'call',
  state: 'open',
  ...extra,
});

describe('issuesSince', () => {
  it('reads everything on a first run', () => {
    expect(issuesSince([])).toBeUndefined();
  });

  it('goes back to the oldest issue still open, or the last run, with an hour to spare', () => {
    const open = [
      entry('claimed', '2026-11-03T09:00:00Z'),
      entry('sent', '2026-11-03T09:00:01Z', { response: 'issue #7' }),
      email('2026-11-20T07:00:00.123456789Z'),
    ];
    expect(issuesSince(open)).toBe('2026-11-03T08:00:00Z');
    const done = [...open, entry('done', '2026-11-10T12:00:00Z', { issue: 7 })];
    expect(issuesSince(done)).toBe('2026-11-20T06:00:00Z');
    // A task written to a file has no issue to wait for.
    const listed = [
      entry('sent', '2026-11-03T09:00:01Z', { response: 'task written to outbox/tasks-2026-11-03.md' }),
      email('2026-11-20T07:00:00Z'),
    ];
    expect(issuesSince(listed)).toBe('2026-11-20T06:00:00Z');
  });
});

describe('readBackIssues', () => {
  const AT = '2026-11-04T07:00:00Z';

  it('records an issue closed by hand as done, once', () => {
    const history = [entry('claimed', '2026-11-03T09:00:00Z'), entry('sent', '2026-11-03T09:00:01Z', { response: 'issue #7' })];
    const closed = issue({ state: 'closed', closedAt: '2026-11-03T16:30:00Z', stateReason: 'completed' });
    const read = readBackIssues([closed], history, AT);
    expect(read.record).toEqual([entry('done', '2026-11-03T16:30:00Z', { issue: 7 })]);
    expect(read.waiting).toEqual([]);
    expect(readBackIssues([closed], [...history, ...read.record], AT).record).toEqual([]);
  });

  it('keeps an open issue waiting, and notices one reopened after it was done', () => {
    const history = [entry('claimed', '2026-11-03T09:00:00Z'), entry('sent', '2026-11-03T09:00:01Z', { response: 'issue #7' })];
    expect(readBackIssues([issue()], history, AT)).toMatchObject({ record: [], reopened: [], waiting: [issue()] });
    const done = [...history, entry('done', '2026-11-03T16:30:00Z', { issue: 7 })];
    const reopened = issue({ stateReason: 'reopened' });
    expect(readBackIssues([reopened], done, AT)).toMatchObject({ record: [], reopened: [reopened], waiting: [] });
  });

  it('records the issue of a run that died before writing it, and retries a claim whose issue never opened', () => {
    const claimed = [entry('claimed', '2026-11-03T09:00:00Z')];
    expect(readBackIssues([issue()], claimed, AT).record).toEqual([entry('sent', AT, { response: 'issue #7' })]);
    expect(readBackIssues([], claimed, AT).record).toEqual([
      entry('failed', AT, {
        temporary: true,
        reason: 'the run that claimed it ended before its issue was opened',
        code: 'RunEndedBeforeIssue',
      }),
    ]);
  });
});
