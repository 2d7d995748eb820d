/**
 * The plan as the owner reads it: one row per due touch with its words filled in for the contact,
 * the stable JSON array of `npm run plan -- --json`, and the readable table grouped by day.
 * Pure: a plan result and the content in, rows and lines out.
 */
import type { PlannedRow } from './change-summary.ts';
import { dayName, type PlanResult } from '../planning/index.ts';
import { createPersonalizer, fillText, SUBJECTS_ONLY } from '../email/index.ts';
import { firstNameOf, joinList } from '../contacts/index.ts';
import type { Contact, Content, Entry, Settings } from '../model/index.ts';
import { eachMember, type DueTouch, type SkippedTouch } from '../touches/index.ts';
import { countOf, groupThousands } from '../problems/index.ts';

export type { PlannedRow };

/** A planned row with what the table shows beside it. */
export type PlanRow = PlannedRow & {
  /** The day the rule made it due, when the touch was moved to a later day. */
  due?: string;
  /** Personal touches: the task, filled in for the contact. */
  task?: string;
};

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders rows by date, contact, plan, step: the order of the JSON array. */
function byDateContactPlanStep(a: PlannedRow, b: PlannedRow): number {
  return text(a.date, b.date) || text(a.contact, b.contact) || text(a.plan, b.plan) || text(a.step, b.step);
}

/**
 * Fills each due touch's subject (emails) or task (personal touches) for its contact, the way the
 * email or task will read. An email whose personal fields cannot be made keeps its plan's
 * subject text, so the plan still shows it.
 */
export function planRows(due: readonly DueTouch[], content: Content, settings: Settings, today: Temporal.PlainDate): PlanRow[] {
  const personalizer = createPersonalizer(content, settings, today, { renderBody: SUBJECTS_ONLY });
  const contacts = new Map(content.contacts.map((c) => [c.id, c]));
  // A household's task names everyone in it, as the task itself does.
  const taskFields = (touch: DueTouch, entry: Entry<Contact>) => {
    const fields = personalizer.textFields(entry);
    const people = eachMember(touch).flatMap((t) => contacts.get(t.contact)?.data ?? []);
    if (people.length < 2) return fields;
    return { ...fields, firstName: joinList(people.map(firstNameOf)), name: joinList(people.map((p) => p.name)) };
  };
  const rows = due.map((touch): PlanRow => {
    const row: PlanRow = {
      date: touch.date.toString(),
      // A household's one touch names each member: "hana-grant + oliver-grant".
      contact: eachMember(touch)
        .map((t) => t.contact)
        .join(' + '),
      plan: touch.plan,
      step: touch.step,
      channel: touch.channel,
    };
    const entry = contacts.get(touch.contact);
    if (touch.channel === 'email') {
      const personal = personalizer.personalize(touch);
      const subject = personal.ok
        ? personal.draft.subject
        : entry && touch.subject
          ? fillText(touch.subject, personalizer.textFields(entry))
          : touch.subject;
      if (subject) row.subject = subject;
    } else if (touch.task) {
      row.task = entry ? fillText(touch.task, taskFields(touch, entry)) : touch.task;
    }
    if (!touch.due.equals(touch.date)) row.due = touch.due.toString();
    return row;
  });
  return rows.sort(byDateContactPlanStep);
}

/** The rows of `npm run plan -- --json`: exactly `{date, contact, plan, step, channel, subject?}`, sorted. */
export function planJson(rows: readonly PlannedRow[]): PlannedRow[] {
  return rows
    .map(({ date, contact, plan, step, channel, subject }) =>
      subject === undefined ? { date, contact, plan, step, channel } : { date, contact, plan, step, channel, subject },
    )
    .sort(byDateContactPlanStep);
}

export type PlanTableInput = {
  business: string;
  from: Temporal.PlainDate;
  days: number;
  rows: readonly PlanRow[];
  skipped: PlanResult['skipped'];
  missed: PlanResult['missed'];
};

/** The readable plan: a heading per day that has touches, quiet days collapsed, then skipped and missed touches by reason. */
export function formatPlanTable(input: PlanTableInput): string[] {
  const { from, days, rows } = input;
  const to = from.add({ days: days - 1 });
  const range = days === 1 ? `on ${dayName(from)}` : `from ${dayName(from)} to ${dayName(to)} (${days} days)`;
  const lines = [`${input.business}: touches due ${range}`];
  const byDate = Map.groupBy(rows.toSorted(byDateContactPlanStep), (r) => r.date);
  const widths = columnWidths(rows);
  let quiet: Temporal.PlainDate | undefined;
  const endQuiet = (last: Temporal.PlainDate) => {
    if (!quiet) return;
    lines.push('', last.equals(quiet) ? `${dayName(quiet)}: nothing due` : `${dayName(quiet)} to ${dayName(last)}: nothing due`);
    quiet = undefined;
  };
  for (let i = 0; i < days; i++) {
    const date = from.add({ days: i });
    const today = byDate.get(date.toString());
    if (!today) {
      quiet ??= date;
      continue;
    }
    endQuiet(date.subtract({ days: 1 }));
    lines.push('', `${dayName(date)} (${countOf(today.length, 'touch', 'touches')})`);
    for (const r of today) lines.push(rowLine(r, widths));
  }
  endQuiet(to);
  const emails = rows.filter((r) => r.channel === 'email').length;
  const channels = [
    ...Map.groupBy(
      rows.filter((r) => r.channel !== 'email'),
      (r) => r.channel,
    ),
  ].map(([c, list]) => countOf(list.length, c));
  lines.push(
    '',
    `${countOf(rows.length, 'touch', 'touches')}: ${countOf(emails, 'email')}, ${countOf(rows.length - emails, 'personal touch', 'personal touches')}${channels.length ? ` (${channels.join(', ')})` : ''}.`,
  );
  lines.push(...outcomeLines('skipped', input.skipped), ...outcomeLines('missed', input.missed));
  return lines;
}

type Widths = { contact: number; plan: number; step: number; channel: number };

function columnWidths(rows: readonly PlanRow[]): Widths {
  const w = (key: keyof Widths) => Math.max(0, ...rows.map((r) => r[key].length));
  return { contact: w('contact'), plan: w('plan'), step: w('step'), channel: w('channel') };
}

function rowLine(r: PlanRow, w: Widths): string {
  const what = r.subject ?? r.task ?? '';
  const moved = r.due ? `  (due ${r.due})` : '';
  return `  ${r.contact.padEnd(w.contact)}  ${r.plan.padEnd(w.plan)}  ${r.step.padEnd(w.step)}  ${r.channel.padEnd(w.channel)}  ${what}${moved}`.trimEnd();
}

/** Most touches named under one reason; the rest are counted. */
const NAMED = 5;

function outcomeLines(kind: 'skipped' | 'missed', touches: readonly SkippedTouch[]): string[] {
  if (touches.length === 0) return [`No touches ${kind}.`];
  const lines = ['', `${groupThousands(touches.length)} ${kind}, and why:`];
  const byReason = [...Map.groupBy(touches, (t) => t.reason)].sort((a, b) => b[1].length - a[1].length || text(a[0], b[0]));
  for (const [reason, list] of byReason) {
    const named = list.slice(0, NAMED).map((t) => `${t.contact} ${t.plan}/${t.step} due ${t.due}`);
    if (list.length > NAMED) named.push(`and ${list.length - NAMED} more`);
    lines.push(`  ${String(list.length).padStart(4)}  ${reason}: ${named.join('; ')}`);
  }
  return lines;
}
