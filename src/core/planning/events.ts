import { dayOfPlainDate } from '../calendar/index.ts';
import type { RuleDue } from '../due-rules/index.ts';
import { isSettled, touchId, type DueTouch } from '../touches/index.ts';
import type { ClientEvent, Contact, HistoryEntry, Step, Entry } from '../model/index.ts';

/** The plan name client-event invitations carry in touch ids and history; the step is the event id. */
export const EVENTS_PLAN = 'events';

/** Invitations go out this many days before an event that gives no `invite.send`. */
const INVITE_DAYS_BEFORE = 21;

/** Invitations rank with a plan of this priority when two touches meet on one day. */
export const INVITE_PRIORITY = 65;

/** The day an event's invitations go out. */
function inviteDay(event: ClientEvent): Temporal.PlainDate {
  return event.invite.send
    ? Temporal.PlainDate.from(event.invite.send)
    : Temporal.PlainDate.from(event.date).subtract({ days: INVITE_DAYS_BEFORE });
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Why a contact is invited to an event, or undefined when they are not: named in `contacts`, or in
 * one of the tiers, segments, tags or communities the invitation lists (any one is enough). The
 * host and anyone in `exclude` are left out.
 */
function invitedBecause(event: ClientEvent, id: string, contact: Contact): string | undefined {
  const { invite } = event;
  if (id === event.host || invite.exclude?.includes(id)) return undefined;
  if (invite.contacts?.includes(id)) return 'invited by name';
  if (invite.tiers?.includes(contact.tier)) return `${contact.tier} tier`;
  const community = contact.communities.find((c) => invite.communities?.some((name) => same(name, c.name)));
  if (community) return `in ${community.name}`;
  const tag = invite.tags?.find((t) => contact.tags.includes(t));
  if (tag) return `tagged ${tag}`;
  if (invite.segments?.includes(contact.segment)) return contact.segment;
  return undefined;
}

/** The ids of the contacts invited to an event. */
export function invitees(event: ClientEvent, contacts: readonly Entry<Contact>[]): string[] {
  return contacts.filter((c) => invitedBecause(event, c.id, c.data) !== undefined).map((c) => c.id);
}

export type InviteInput = {
  events: readonly Entry<ClientEvent>[];
  contacts: readonly Entry<Contact>[];
  history: readonly HistoryEntry[];
};

/**
 * The invitation tasks due in `range`: one personal touch per invitee, due on the event's invite
 * day and still due every day after it until the day before the event, unless history settles it.
 * A run that was skipped for days still invites people in time; none is planned once the event is
 * under a day away. Sorted by date, contact, step.
 */
export function planEventInvites(input: InviteInput, range: { from: Temporal.PlainDate; days: number }): DueTouch[] {
  // Emailed invitations are planned with the contact's other emails (see `emailInvites`).
  const events = input.events.filter((e) => e.data.invite.channel !== 'email');
  const end = range.from.add({ days: range.days - 1 });
  const last = new Map<string, HistoryEntry>();
  for (const entry of input.history) if (entry.plan === EVENTS_PLAN) last.set(entry.touch, entry);
  const due: DueTouch[] = [];
  for (const { id: eventId, data: event } of events) {
    const send = inviteDay(event);
    const day = Temporal.PlainDate.compare(send, range.from) < 0 ? range.from : send;
    const eventDay = Temporal.PlainDate.from(event.date);
    if (Temporal.PlainDate.compare(day, end) > 0 || Temporal.PlainDate.compare(day, eventDay) >= 0) continue;
    for (const contact of input.contacts) {
      const why = invitedBecause(event, contact.id, contact.data);
      if (why === undefined) continue;
      const id = touchId(contact.id, EVENTS_PLAN, eventId, send);
      if (isSettled(last.get(id))) continue;
      const when = event.time ? `${event.date} at ${event.time}` : event.date;
      const late = Temporal.PlainDate.compare(day, send) === 0 ? '' : `; invitations went out from ${send}`;
      due.push({
        id,
        contact: contact.id,
        plan: EVENTS_PLAN,
        step: eventId,
        channel: event.invite.channel,
        due: send,
        date: day,
        priority: INVITE_PRIORITY,
        reason: `invitation to ${event.name} (${when}, ${event.place}): ${why}${late}`,
        task: event.invite.task ?? `Invite {{firstName}} to ${event.name} on ${when} at ${event.place}`,
        ...(event.invite.suggestion ? { suggestion: event.invite.suggestion } : {}),
      });
    }
  }
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return due.sort((a, b) => Temporal.PlainDate.compare(a.date, b.date) || text(a.contact, b.contact) || text(a.step, b.step));
}

const when = (event: ClientEvent) => (event.time ? `${event.date} at ${event.time}` : event.date);

/**
 * The emailed invitations one contact is due: one per event that invites by email and invites
 * them, due on its invite day, as a step of the `events` plan named by the event, so the planner
 * sends it with their other emails (consent, the email limits and the grace window apply).
 */
export function emailInvites(contact: Entry<Contact>, events: readonly Entry<ClientEvent>[]): { step: Step; rule: RuleDue }[] {
  return events.flatMap(({ id, data: event }) => {
    const { invite } = event;
    if (invite.channel !== 'email' || !invite.template || !invite.subject) return [];
    const why = invitedBecause(event, contact.id, contact.data);
    if (why === undefined) return [];
    const step: Step = {
      id,
      channel: 'email',
      template: invite.template,
      subject: invite.subject,
      // Not a rule the planner runs: the invite day stands in for it.
      due: { rule: 'yearly', month: 1, day: 1 },
      ...(invite.suggestion ? { suggestion: invite.suggestion } : {}),
    };
    return [
      {
        step,
        rule: { due: dayOfPlainDate(inviteDay(event)), reason: `invitation to ${event.name} (${when(event)}, ${event.place}): ${why}` },
      },
    ];
  });
}

/** An event a contact came to. */
export type Attended = { event: string; name: string; date: string };

/** The events a contact came to before `day`, newest first. */
export function eventsAttended(contact: string, events: readonly Entry<ClientEvent>[], day: Temporal.PlainDate): Attended[] {
  return events
    .filter((e) => e.data.came.includes(contact) && e.data.date < day.toString())
    .map((e) => ({ event: e.id, name: e.data.name, date: e.data.date }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.event.localeCompare(b.event));
}
