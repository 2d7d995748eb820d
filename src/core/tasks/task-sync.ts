import type { Channel, HistoryEntry } from '../model/index.ts';
import { parseTouchId } from '../touches/index.ts';
import { because } from '../reasons/index.ts';
import { closingNote, type Task, type TaskIssue } from './task.ts';

export type TaskSync = {
  /** Tasks with no issue yet: open one for each. */
  open: Task[];
  /** History to write: issues opened earlier but not yet recorded, and issues closed by hand. */
  record: HistoryEntry[];
  /** Issues reopened after their touch was recorded as done: the owner should look. */
  reopened: TaskIssue[];
};

/**
 * Decides what to do with today's tasks given the issues that already exist and the history.
 * An issue is found by the touch id in its body, so a rerun never opens a second one; a closed
 * issue becomes a `done` entry (or `skipped` when closed as not planned).
 */
export function syncTasks(tasks: readonly Task[], issues: readonly TaskIssue[], history: readonly HistoryEntry[], at: string): TaskSync {
  const events = new Map<string, Set<string>>();
  for (const h of history) {
    if (!events.has(h.touch)) events.set(h.touch, new Set());
    events.get(h.touch)?.add(h.event);
  }
  const has = (touch: string, event: string) => events.get(touch)?.has(event) ?? false;
  const byTouch = new Map(issues.map((i) => [i.touch, i]));
  const channelOf = new Map<string, Channel>(tasks.map((t) => [t.touch, t.channel]));

  const record: HistoryEntry[] = [];
  const reopened: TaskIssue[] = [];
  for (const issue of issues) {
    const channel = issue.channel ?? channelOf.get(issue.touch);
    if (!channel) continue;
    // A household's task records each member's touch; the first is the one the issue is found by.
    for (const touch of [issue.touch, ...(issue.household ?? [])]) {
      const parts = parseTouchId(touch);
      if (!parts) continue;
      const settled = has(touch, 'done') || has(touch, 'skipped');
      record.push(...closedEntries(issue, { at, touch, channel, ...parts }, settled, has(touch, 'sent')));
      if (touch === issue.touch && issue.state === 'open' && settled) reopened.push(issue);
    }
  }
  return { open: tasks.filter((t) => !byTouch.has(t.touch)), record, reopened };
}

type Base = Pick<HistoryEntry, 'at' | 'touch' | 'channel' | 'contact' | 'plan' | 'step' | 'due'>;

/** What an issue says of one touch that history does not know yet: opened (`sent`), and closed. */
function closedEntries(issue: TaskIssue, base: Base, settled: boolean, sent: boolean): HistoryEntry[] {
  const record: HistoryEntry[] = [];
  if (!sent) record.push({ event: 'sent', ...base, response: `issue #${issue.number}` });
  if (issue.state === 'closed' && !settled) {
    const closed = issue.closedAt ?? base.at;
    if (issue.stateReason === 'not_planned') {
      record.push({ event: 'skipped', ...base, at: closed, ...because('IssueClosedNotPlanned', { issue: issue.number }) });
    } else {
      const note = closingNote(issue);
      record.push({ event: 'done', ...base, at: closed, issue: issue.number, ...(note ? { note } : {}) });
    }
  }
  return record;
}
