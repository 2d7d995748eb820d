/**
 * The daily job's logic: settle what an earlier run left open, plan today's touches, record the
 * skipped and missed ones, send the emails through the given delivery, and write up the personal
 * touches as tasks. The script gives it the edges (delivery, journal, clock); this module
 * decides.
 */
import { deliverEmails, type HeldTouch, type Journal, type Prepared, type TouchResult } from './deliver.ts';
import { buildMessage, type Delivery } from './message.ts';
import { createPersonalizer } from './personalize.ts';
import { planTouches } from './plan-touches.ts';
import { renderEmail, type CompiledLayout } from './render-email.ts';
import type { HistoryEntry, Settings } from './schema/index.ts';
import { claimEntry, emailsClaimedOn, heldByHistory, lastEntries, resolveOpenClaims, skippedEntry } from './send-journal.ts';
import { composeTask, type Task } from './task.ts';
import type { DueTouch, SkippedTouch } from './touch.ts';
import type { Content } from './validate.ts';

export type DailyInput = {
  content: Content;
  settings: Settings;
  today: Temporal.PlainDate;
  /** Compiled layouts by name; a layout with problems is absent and given in `layoutProblems`. */
  layouts: ReadonlyMap<string, CompiledLayout>;
  layoutProblems?: ReadonlyMap<string, string>;
  /** The moment for history entries and the Date header, ISO 8601. */
  now: () => string;
};

export type DailyReport = {
  /** Claims of earlier runs with no outcome, now recorded as unknown. */
  recovered: HistoryEntry[];
  results: TouchResult[];
  held: HeldTouch[];
  skipped: SkippedTouch[];
  missed: SkippedTouch[];
  /** Emails over `limits.perDay`: not recorded, planned again on a later run. */
  deferred: DueTouch[];
  tasks: Task[];
};

/** Makes each email touch ready to send: personalized, rendered, with its message. */
export function emailPreparer(input: DailyInput): (touch: DueTouch) => Prepared {
  const { content, settings, today, layouts, layoutProblems } = input;
  const personalizer = createPersonalizer(content, settings, today);
  return (touch) => {
    const name = touch.template ?? 'note';
    const layout = layouts.get(name);
    if (!layout) {
      const why = layoutProblems?.get(name) ?? 'does not exist';
      return { ok: false, reason: `layout emails/${name}.mjml ${why}`, record: false };
    }
    const personal = personalizer.personalize(touch);
    if (!personal.ok) return { ok: false, reason: personal.reason, record: true };
    const rendered = renderEmail(layout, personal.draft.fields);
    return { ok: true, email: buildMessage(personal.draft, rendered, settings, Temporal.Instant.from(input.now())) };
  };
}

/**
 * Runs the day. With no delivery and journal it is a dry run: everything is planned and rendered,
 * nothing is sent or recorded.
 */
export type DailyEdges = {
  delivery: Delivery;
  journal: Journal;
  /** Hands the personal touches over (a task-list file for now); returns where they went. */
  writeTasks: (tasks: readonly Task[]) => Promise<string>;
  onResult?: (result: TouchResult) => void;
};

export async function runDaily(input: DailyInput, edges?: DailyEdges): Promise<DailyReport> {
  const { content, settings, today, now } = input;
  const recovered = resolveOpenClaims(content.history, now());
  const history = [...content.history, ...recovered];
  const plan = planTouches({ ...content, settings, history }, { from: today, days: 1 });
  const last = lastEntries(history);
  const emails: DueTouch[] = [];
  const personal: DueTouch[] = [];
  const held: HeldTouch[] = [];
  for (const touch of plan.due) {
    const reason = heldByHistory(last.get(touch.id));
    if (reason) held.push({ touch, reason, recorded: false });
    else (touch.channel === 'email' ? emails : personal).push(touch);
  }
  const room = Math.max(0, settings.limits.perDay - emailsClaimedOn(history, today, settings.timeZone));
  const sending = emails.slice(0, room);
  const deferred = emails.slice(room);
  const contacts = new Map(content.contacts.map((c) => [c.id, c.data]));
  const tasks = personal.flatMap((t) => {
    const contact = contacts.get(t.contact);
    return contact ? [composeTask(t, contact, history.filter((h) => h.contact === t.contact))] : [];
  });
  const report: DailyReport = { recovered, results: [], held, skipped: plan.skipped, missed: plan.missed, deferred, tasks };
  const prepare = emailPreparer(input);

  if (!edges) {
    for (const touch of sending) {
      const prepared = prepare(touch);
      if (prepared.ok) report.results.push({ touch, outcome: { status: 'sent', messageId: prepared.email.messageId, response: 'dry run: not sent' } });
      else held.push({ touch, reason: prepared.reason, recorded: false });
    }
    return report;
  }

  const at = now();
  await edges.journal.append(
    [
      ...recovered,
      ...plan.skipped.map((s) => skippedEntry(s, 'skipped', at)),
      ...plan.missed.map((m) => skippedEntry(m, 'missed', at)),
    ],
    { durable: true },
  );
  if (tasks.length) {
    const where = await edges.writeTasks(tasks);
    const byId = new Map(personal.map((t) => [t.id, t]));
    await edges.journal.append(taskEntries(tasks, byId, where, now()), { durable: true });
  }
  const delivered = await deliverEmails({ touches: sending, prepare, delivery: edges.delivery, journal: edges.journal, now, onResult: edges.onResult });
  report.results = delivered.results;
  held.push(...delivered.held);
  return report;
}

/** History for personal touches handed over as tasks: claimed, then sent to where they went. */
function taskEntries(tasks: readonly Task[], touches: ReadonlyMap<string, DueTouch>, where: string, at: string): HistoryEntry[] {
  return tasks.flatMap((task) => {
    const touch = touches.get(task.touch);
    if (!touch) return [];
    const claimed = claimEntry(touch, at);
    return [claimed, { ...claimed, event: 'sent' as const, response: `task written to ${where}` }];
  });
}
