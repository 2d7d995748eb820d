/**
 * The daily job's logic: read the task issues back, settle what an earlier run left open, plan
 * today's touches, record the skipped and missed ones, hand the personal touches over (GitHub
 * issues, or a task list), and send the emails through the given delivery. The script gives it
 * the edges (delivery, journal, issue tracker, clock); this module decides.
 */
import { deliverEmails, type HeldTouch, type Prepared, type TouchResult } from './deliver.ts';
import {
  type Journal,
  emailsClaimedOn,
  heldByHistory,
  lastEntries,
  resolveOpenClaims,
  skippedEntry,
  unsettledUnknowns,
  type DueTouch,
  type SkippedTouch,
} from '../touches/index.ts';
import type { Sign } from '../signing/index.ts';
import { buildMessage, type Delivery, type MessageBuilder, createPersonalizer, renderEmail, type CompiledLayout } from '../email/index.ts';
import { renderBody } from '../markup/index.ts';
import { planTouches } from '../planning/index.ts';
import type { Channel, HistoryEntry, Settings, Content } from '../model/index.ts';
import { because } from '../reasons/index.ts';
import type { SendingStop } from '../sending/index.ts';
import {
  issuesSince,
  openIssues,
  readBackIssues,
  taskListEntries,
  type IssueReadBack,
  type TaskIssues,
  composeTask,
  openTasks,
  type OpenTask,
  type Task,
  type TaskIssue,
} from '../tasks/index.ts';

export type DailyInput = {
  content: Content;
  settings: Settings;
  today: Temporal.PlainDate;
  /** Compiled layouts by name; a layout with problems is absent and given in `layoutProblems`. */
  layouts: ReadonlyMap<string, CompiledLayout>;
  layoutProblems?: ReadonlyMap<string, string>;
  /** The moment for history entries and the Date header, ISO 8601. */
  now: () => string;
  /** Why no email may go out on this run (outside the send window); they wait for a later run. */
  emailsWait?: string;
  /** Why intake from the mailbox failed on this run, if it did: the owner must hear of it. */
  intakeProblem?: string;
  /** Signs Message-IDs and unsubscribe links (`REFERABLE_SECRET`); without it they are not signed. */
  sign?: Sign;
};

/** The compiled layouts of a run, and why any layout is absent. */
type Layouts = Pick<DailyInput, 'layouts' | 'layoutProblems'>;

/**
 * What `runDaily` takes: the layouts may come as a promise, still compiling (MJML on another
 * thread), as planning needs none: they are awaited once the day is planned, before anything is
 * recorded, opened or sent.
 */
export type DayInput = Omit<DailyInput, 'layouts'> & { layouts: DailyInput['layouts'] | Promise<Layouts> };

export type DailyReport = {
  /** Touches due today (planned or skipped), by channel. */
  byChannel: Partial<Record<Channel, number>>;
  /** Claims of earlier runs with no outcome, now recorded as unknown. */
  recovered: HistoryEntry[];
  /** Every unknown outcome of earlier runs (recovered ones too) that the owner has not settled. */
  unknowns: HistoryEntry[];
  results: TouchResult[];
  /** Why sending stopped before the end, if it did. */
  stopped?: SendingStop;
  /** Emails never claimed because sending stopped: not recorded, sent by the next run that works. */
  unsent: DueTouch[];
  /** Why intake from the mailbox failed, if it did. */
  intakeProblem?: string;
  held: HeldTouch[];
  skipped: SkippedTouch[];
  missed: SkippedTouch[];
  /** Emails over `limits.perDay`, or outside the send window: not recorded, planned again on a later run. */
  deferred: DueTouch[];
  /** Why the deferred emails wait. */
  deferredBecause: string;
  /** Today's personal touches, written up. */
  tasks: Task[];
  /** The task-list file the tasks were written to, if they were. */
  tasksWhere?: string;
  /** The repository (`owner/repo`) whose issues hold the tasks, when GitHub is used. */
  issuesIn?: string;
  /** Issues opened today, and tasks whose issue could not be opened (tried again next run). */
  opened: { task: Task; issue: TaskIssue }[];
  unopened: { task: Task; reason: string }[];
  /** Issues closed by hand since the last run, as recorded: `done`, or `skipped` when not planned. */
  closed: HistoryEntry[];
  /** Issues reopened after their touch was recorded as done. */
  reopened: TaskIssue[];
  /** Issues still open after this run: personal touches waiting for someone. */
  openIssues: TaskIssue[];
  /** Personal touches handed over by earlier runs (an issue, a task list) and not yet done, oldest first. */
  stillOpen: OpenTask[];
  /** Why the issue tracker could not be used today, if it could not. */
  trackerProblem?: string;
};

/** Makes each email touch ready to send: personalized, rendered, with its message. */
export function emailPreparer(input: DailyInput): (touch: DueTouch) => Prepared {
  const { content, settings, today, layouts, layoutProblems } = input;
  const personalizer = createPersonalizer(content, settings, today, { sign: input.sign, renderBody });
  return (touch) => {
    const name = touch.template ?? 'note';
    const layout = layouts.get(name);
    if (!layout) {
      const problem = layoutProblems?.get(name);
      const why = problem === undefined ? because('MissingLayout', { layout: name }) : because('BrokenLayout', { layout: name, problem });
      return { ok: false, ...why, record: false };
    }
    const personal = personalizer.personalize(touch);
    if (!personal.ok) return { ok: false, code: personal.code, reason: personal.reason, record: true };
    const rendered = renderEmail(layout, personal.draft.fields);
    return { ok: true, email: buildMessage(personal.draft, rendered, settings, Temporal.Instant.from(input.now()), input.sign) };
  };
}

export type DailyEdges = {
  delivery: Delivery;
  journal: Journal;
  /** Writes the personal touches to a task list; returns where. Used without a tracker, or when it fails. */
  writeTasks: (tasks: readonly Task[]) => Promise<string>;
  /** GitHub issues, when the job has a token: personal touches become issues. */
  issues?: TaskIssues;
  /**
   * Given how many emails are about to be sent, a builder that builds their bytes on other
   * threads, or none when starting one would cost more than it saves. Closed after sending.
   */
  builderFor?: (emails: number) => MessageBuilder | undefined;
  /** Called once with the number of emails about to be sent, then after each one. */
  onSending?: (total: number) => void;
  onResult?: (result: TouchResult) => void;
};

/**
 * Runs the day. With no edges it is a dry run: everything is planned and rendered, nothing is
 * sent, opened or recorded.
 */
export async function runDaily(day: DayInput, edges?: DailyEdges): Promise<DailyReport> {
  const { content, settings, today, now } = day;
  const readBack = edges?.issues ? await readIssues(edges.issues, content.history, now()) : undefined;
  const trackerProblem = readBack && !readBack.ok ? readBack.reason : undefined;
  const synced: IssueReadBack | undefined = readBack?.ok ? readBack.value : undefined;
  const known = [...content.history, ...(synced?.record ?? [])];
  const recovered = resolveOpenClaims(known, now());
  const history = [...known, ...recovered];

  const plan = planTouches({ ...content, settings, history }, { from: today, days: 1 });
  const input: DailyInput = 'then' in day.layouts ? { ...day, ...(await day.layouts) } : { ...day, layouts: day.layouts };
  const last = lastEntries(history);
  const emails: DueTouch[] = [];
  const personal: DueTouch[] = [];
  const held: HeldTouch[] = [];
  for (const touch of plan.due) {
    const why = heldByHistory(last.get(touch.id));
    if (why) held.push({ touch, ...why, recorded: false });
    else (touch.channel === 'email' ? emails : personal).push(touch);
  }
  const room = input.emailsWait ? 0 : Math.max(0, settings.limits.perDay - emailsClaimedOn(history, today, settings.timeZone));
  const sending = emails.slice(0, room);
  const contacts = new Map(content.contacts.map((c) => [c.id, c.data]));
  // The history of each contact with a task, in order, in one pass: a filter per task went through
  // the whole history for every task (150 tasks over 300,000 entries, a year of a 10,000-email
  // newsletter: about 2 s against 0.1 s).
  const historyOf = new Map(personal.map((t) => [t.contact, [] as HistoryEntry[]]));
  if (historyOf.size) for (const entry of history) historyOf.get(entry.contact)?.push(entry);
  const tasks = personal.flatMap((t) => {
    const contact = contacts.get(t.contact);
    if (!contact) return [];
    const together = (t.household ?? []).flatMap((m) => contacts.get(m.contact) ?? []);
    return [composeTask(t, contact, historyOf.get(t.contact) ?? [], settings.timeZone, together)];
  });
  const report: DailyReport = {
    byChannel: countByChannel([...plan.due, ...plan.skipped]),
    recovered,
    unknowns: unsettledUnknowns(history),
    results: [],
    unsent: [],
    ...(input.intakeProblem ? { intakeProblem: input.intakeProblem } : {}),
    held,
    skipped: plan.skipped,
    missed: plan.missed,
    deferred: emails.slice(room),
    deferredBecause: input.emailsWait ?? because('DailyLimitReached', { perDay: settings.limits.perDay }).reason,
    tasks,
    opened: [],
    unopened: [],
    closed: (synced?.record ?? []).filter((e) => e.event === 'done' || (e.event === 'skipped' && e.code === 'IssueClosedNotPlanned')),
    reopened: synced?.reopened ?? [],
    openIssues: [],
    stillOpen: openTasks(history, settings.timeZone),
    ...(trackerProblem ? { trackerProblem } : {}),
  };
  const prepare = emailPreparer(input);

  if (!edges) {
    for (const touch of sending) {
      const prepared = prepare(touch);
      if (prepared.ok)
        report.results.push({ touch, outcome: { status: 'sent', messageId: prepared.email.messageId, response: 'dry run: not sent' } });
      else held.push({ touch, code: prepared.code, reason: prepared.reason, recorded: false });
    }
    return report;
  }

  const at = now();
  await edges.journal.append(
    [
      ...(synced?.record ?? []),
      ...recovered,
      ...plan.skipped.map((s) => skippedEntry(s, 'skipped', at)),
      ...plan.missed.map((m) => skippedEntry(m, 'missed', at)),
    ],
    { durable: true },
  );
  await handOver(report, personal, synced, edges, now);
  edges.onSending?.(sending.length);
  const builder = edges.builderFor?.(sending.length);
  const delivered = await deliverEmails({
    touches: sending,
    prepare,
    delivery: edges.delivery,
    journal: edges.journal,
    now,
    stopAfter: settings.sending.stopAfter,
    ...(builder ? { builder } : {}),
    onResult: edges.onResult,
  }).finally(() => builder?.close());
  report.results = delivered.results;
  report.unsent = delivered.unsent;
  if (delivered.stopped) report.stopped = delivered.stopped;
  held.push(...delivered.held);
  return report;
}

async function readIssues(tracker: TaskIssues, history: readonly HistoryEntry[], at: string) {
  const listed = await tracker.list(issuesSince(history));
  if (!listed.ok) return { ok: false as const, reason: listed.reason };
  return { ok: true as const, value: readBackIssues(listed.value, history, at) };
}

/** Opens today's issues, or writes the task list; without a working tracker the touches wait. */
async function handOver(
  report: DailyReport,
  personal: readonly DueTouch[],
  synced: IssueReadBack | undefined,
  edges: DailyEdges,
  now: () => string,
) {
  const touches = new Map(personal.map((t) => [t.id, t]));
  if (edges.issues && synced) {
    const handed = await openIssues(report.tasks, touches, edges.issues, synced.issues, edges.journal, now);
    report.issuesIn = edges.issues.where;
    report.opened = handed.opened;
    report.unopened = handed.failed;
    report.openIssues = [...synced.waiting, ...handed.opened.map((o) => o.issue)];
    return;
  }
  if (!report.tasks.length) return;
  report.tasksWhere = await edges.writeTasks(report.tasks);
  if (edges.issues) {
    // The tracker failed: the list is there to read today, and the touches stay unrecorded, so
    // the next run opens their issues.
    for (const touch of personal) report.held.push({ touch, ...because('TrackerUnavailable'), recorded: false });
    return;
  }
  await edges.journal.append(taskListEntries(report.tasks, touches, report.tasksWhere, now()), { durable: true });
}

function countByChannel(touches: readonly { channel: Channel }[]): Partial<Record<Channel, number>> {
  const counts: Partial<Record<Channel, number>> = {};
  for (const t of touches) counts[t.channel] = (counts[t.channel] ?? 0) + 1;
  return counts;
}
