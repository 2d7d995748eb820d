/**
 * Emails that came back lately: addresses flagged as bad (a bounce, or refusals in a row) and
 * what intake noted beside a touch (a full mailbox, a passing failure). The owner may want to
 * reach these people another way. Pure.
 */
import { businessDayOf } from '../calendar/index.ts';
import type { Contact, Entry, HistoryEntry, Plan } from '../model/index.ts';

/** How far back the report looks for emails that came back. */
export const CAME_BACK_DAYS = 30;

export type CameBack = { date: string; contact: string; name: string; what: string };

/** What came back in the `CAME_BACK_DAYS` up to `until`, newest first. */
export function cameBack(
  contacts: readonly Entry<Pick<Contact, 'name' | 'bounced'>>[],
  history: readonly HistoryEntry[],
  plans: readonly Entry<Pick<Plan, 'name'>>[],
  timeZone: string,
  until: string,
): CameBack[] {
  const from = Temporal.PlainDate.from(until)
    .subtract({ days: CAME_BACK_DAYS - 1 })
    .toString();
  const within = (day: string) => day >= from && day <= until;
  const names = new Map(contacts.map((c) => [c.id, c.data.name]));
  const planNames = new Map(plans.map((p) => [p.id, p.data.name]));
  const rows: CameBack[] = [];
  for (const { id, data } of contacts)
    for (const b of data.bounced)
      if (within(b.date))
        rows.push({ date: b.date, contact: id, name: data.name, what: `${b.email} flagged, never used again: ${b.reason}` });
  for (const h of history) {
    if (h.event !== 'noted') continue;
    const day = businessDayOf(h.at, timeZone);
    if (within(day))
      rows.push({
        date: day,
        contact: h.contact,
        name: names.get(h.contact) ?? h.contact,
        what: `${planNames.get(h.plan) ?? h.plan}: ${h.reason}`,
      });
  }
  return rows.sort((a, b) => b.date.localeCompare(a.date) || a.name.localeCompare(b.name));
}
