/**
 * Handing personal touches over: as GitHub issues when the job has them, else as a task list.
 * Issues are read back first, so a closed one becomes `done` in history and a rerun finds the
 * issue it opened before instead of opening another. Pure: the issue tracker and the journal are
 * given, and their failures come back as values.
 */
import { type Journal, claimEntry, eachMember, lastEntries, type DueTouch } from '../touches/index.ts';
import type { HistoryEntry } from '../model/index.ts';
import { because } from '../reasons/index.ts';
import { syncTasks } from './task-sync.ts';
import type { Task, TaskIssue } from './task.ts';

/** What an outside call gave back: a value, or why not (never a thrown error). */
type Answer<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The issue tracker as the daily job uses it (GitHub in practice). */
export type TaskIssues = {
  /** Where the issues live, for the summary: `owner/repo`. */
  where: string;
  /** Referable's issues updated since `since` (ISO moment), or all of them. */
  list(since: string | undefined): Promise<Answer<TaskIssue[]>>;
  open(task: Task): Promise<Answer<TaskIssue>>;
};

/** What reading the issues back found, before today's touches are planned. */
export type IssueReadBack = {
  issues: TaskIssue[];
  /** History to write: issues opened but not recorded, issues closed by hand, claims never opened. */
  record: HistoryEntry[];
  reopened: TaskIssue[];
  /** Open issues whose touch is not yet done: personal touches still waiting for someone. */
  waiting: TaskIssue[];
};

// Clocks on a runner and at GitHub may disagree a little; read back a margin before.
const MARGIN = { hours: 1 };

/**
 * Which issues to read back: every issue updated since the earlier of the last run and the oldest
 * personal touch still open in history, since its issue was opened after its claim. Undefined on
 * a first run: read them all.
 */
export function issuesSince(history: readonly HistoryEntry[]): string | undefined {
  let since: string | undefined;
  let lastRun: string | undefined;
  const earlier = (a: string | undefined, b: string) => (a === undefined || b < a ? b : a);
  const first = new Map<string, string>();
  for (const entry of history) {
    if (lastRun === undefined || entry.at > lastRun) lastRun = entry.at;
    if (!first.has(entry.touch)) first.set(entry.touch, entry.at);
  }
  for (const entry of lastEntries(history).values())
    if (isOpenIssueTouch(entry)) since = earlier(since, first.get(entry.touch) ?? entry.at);
  if (lastRun !== undefined) since = earlier(since, lastRun);
  if (since === undefined) return undefined;
  return Temporal.Instant.from(since).subtract(MARGIN).toString({ smallestUnit: 'second' });
}

/** A personal touch whose issue is (or may be) open: claimed, or sent as an issue and not yet done. */
function isOpenIssueTouch(last: HistoryEntry): boolean {
  if (last.channel === 'email') return false;
  return last.event === 'claimed' || (last.event === 'sent' && (last.response ?? '').startsWith('issue #'));
}

/**
 * Brings the issues back into history: found issues not yet recorded become `sent`, closed ones
 * `done` (or `skipped` when closed as not planned), and a personal touch claimed by a run that
 * ended before its issue was opened becomes a temporary failure, so it is planned again.
 */
export function readBackIssues(issues: readonly TaskIssue[], history: readonly HistoryEntry[], at: string): IssueReadBack {
  const sync = syncTasks([], issues, history, at);
  const found = new Set(issues.flatMap((i) => [i.touch, ...(i.household ?? [])]));
  const unopened: HistoryEntry[] = [];
  for (const last of lastEntries(history).values()) {
    if (last.event !== 'claimed' || last.channel === 'email' || found.has(last.touch)) continue;
    unopened.push({ ...last, event: 'failed', at, temporary: true, ...because('RunEndedBeforeIssue') });
  }
  const record = [...sync.record, ...unopened];
  const last = lastEntries([...history, ...record]);
  const waiting = issues.filter((i) => i.state === 'open' && !isSettledByHand(last.get(i.touch)));
  return { issues: [...issues], record, reopened: sync.reopened, waiting };
}

function isSettledByHand(last: HistoryEntry | undefined): boolean {
  return last?.event === 'done' || last?.event === 'skipped';
}

export type HandOver = {
  /** Where the tasks went: the task-list file, or the repository of the issues. */
  where?: string;
  opened: { task: Task; issue: TaskIssue }[];
  /** Tasks whose issue could not be opened: recorded as temporary failures, tried again next run. */
  failed: { task: Task; reason: string }[];
};

/**
 * Opens an issue for each task, claiming each batch in history (flushed) before its issues are
 * opened and recording each issue as `sent`. A task whose issue exists already is not opened again.
 */
export async function openIssues(
  tasks: readonly Task[],
  touches: ReadonlyMap<string, DueTouch>,
  tracker: TaskIssues,
  existing: readonly TaskIssue[],
  journal: Journal,
  now: () => string,
  batchSize = 20,
): Promise<HandOver> {
  const have = new Set(existing.map((i) => i.touch));
  const todo = tasks.filter((t) => !have.has(t.touch) && touches.has(t.touch));
  const result: HandOver = { where: tracker.where, opened: [], failed: [] };
  for (let start = 0; start < todo.length; start += batchSize) {
    const batch = todo.slice(start, start + batchSize);
    const at = now();
    await journal.append(
      batch.flatMap((t) => eachMember(touches.get(t.touch)!).map((one) => claimEntry(one, at))),
      { durable: true },
    );
    for (const task of batch) {
      const members = eachMember(touches.get(task.touch)!);
      const answer = await tracker.open(task);
      const when = now();
      if (answer.ok) {
        result.opened.push({ task, issue: answer.value });
        const response = `issue #${answer.value.number} ${answer.value.url}`.trim();
        await journal.append(members.map((one) => ({ ...claimEntry(one, when), event: 'sent' as const, response })));
      } else {
        result.failed.push({ task, reason: answer.reason });
        const why = because('IssueNotOpened', { detail: answer.reason });
        await journal.append(members.map((one) => ({ ...claimEntry(one, when), event: 'failed' as const, temporary: true, ...why })));
      }
    }
  }
  return result;
}

/** History for tasks written to a task list: claimed, then sent to where they went. */
export function taskListEntries(tasks: readonly Task[], touches: ReadonlyMap<string, DueTouch>, where: string, at: string): HistoryEntry[] {
  return tasks.flatMap((task) => {
    const touch = touches.get(task.touch);
    if (!touch) return [];
    return eachMember(touch).flatMap((one) => {
      const claimed = claimEntry(one, at);
      return [claimed, { ...claimed, event: 'sent' as const, response: `task written to ${where}` }];
    });
  });
}
