import { firstNameOf, joinList } from '../contacts/index.ts';
import { businessDayOf } from '../calendar/index.ts';
import { hasReached, lastEntries, parseTouchId, type DueTouch } from '../touches/index.ts';
import type { Contact, HistoryEntry, Channel } from '../model/index.ts';

/** A personal touch written up for the person who will do it: a GitHub issue or a task-list entry. */
export type Task = {
  touch: string;
  /** The touches of the other household members this task is also for (see `DueTouch.household`). */
  household?: string[];
  contact: string;
  channel: Channel;
  date: string;
  title: string;
  /** Markdown: why now, what to mention, what to avoid, a line to start with. */
  body: string;
  labels: string[];
};

/** A task's issue as read back from GitHub. */
export type TaskIssue = {
  number: number;
  url: string;
  touch: string;
  /** The other household members' touches, from the issue body. */
  household?: string[];
  /** From the issue's channel label. */
  channel?: Channel;
  state: 'open' | 'closed';
  closedAt?: string;
  /** GitHub's reason: `completed` when done, `not_planned` when dropped, `reopened`. */
  stateReason?: string;
  /** The issue's comments, oldest first, when it is closed and has any. */
  comments?: IssueComment[];
};

/** A comment on a task's issue: who wrote it (a bot, or a person), when, and what. */
type IssueComment = { by: string; bot: boolean; at: string; body: string };

/**
 * What the person who did a touch said about it: the last comment a person (not a bot) wrote on
 * its issue before it was closed.
 */
export function closingNote(issue: TaskIssue): string | undefined {
  const closed = issue.closedAt === undefined ? undefined : Temporal.Instant.from(issue.closedAt);
  const before = (c: IssueComment) => closed === undefined || Temporal.Instant.compare(Temporal.Instant.from(c.at), closed) <= 0;
  const said = issue.comments?.filter((c) => !c.bot && before(c) && c.body.trim()).at(-1);
  return said?.body.trim();
}

/** The label every Referable task carries, and the one naming its channel. */
export const TASK_LABEL = 'referable';

const VERBS: Record<Channel, string> = {
  call: 'Call',
  text: 'Text',
  card: 'Send a card to',
  gift: 'Send a gift to',
  event: 'Invite',
  meeting: 'Meet',
  email: 'Email',
};

/** The last line of an issue's body, before the marker. */
export const CLOSE_ISSUE = 'Close this issue when it is done; Referable records it in the history.';

/**
 * The hidden markers that tie an issue to its touch (and a household's other touches), so a rerun
 * finds it instead of opening another, and closing it records each member's touch.
 */
function taskMarkers(touch: DueTouch): string[] {
  const markers = [`<!-- referable-touch: ${touch.id} -->`];
  if (touch.household?.length) markers.push(`<!-- referable-household: ${touch.household.map((t) => t.id).join(' ')} -->`);
  return markers;
}

/** Reads the touch id back from an issue body, if it has one. */
export function touchIdFromBody(body: string | null | undefined): string | undefined {
  const id = /<!-- referable-touch: (\S+) -->/.exec(body ?? '')?.[1];
  return id !== undefined && parseTouchId(id) ? id : undefined;
}

/** Reads back the household members' touch ids from an issue body (none for a one-person task). */
export function householdFromBody(body: string | null | undefined): string[] {
  const ids = /<!-- referable-household: ([^>]+?) -->/.exec(body ?? '')?.[1];
  return ids ? ids.split(' ').filter((id) => parseTouchId(id)) : [];
}

/** Replaces `{{firstName}}` and `{{name}}` in a plan's task or suggestion text, for one person or several. */
function fillContactFields(text: string, people: readonly Contact[]): string {
  return text.replaceAll('{{firstName}}', joinList(people.map(firstNameOf))).replaceAll('{{name}}', joinList(people.map((p) => p.name)));
}

/**
 * Writes up a personal touch with the context a person needs to do it well: why now, the last
 * touches, household and communities to mention, gift likes and dislikes, what a good referral for
 * them looks like, and a suggested line. `history` is the contact's own entries; `timeZone` gives
 * the business day of each.
 */
export function composeTask(
  touch: DueTouch,
  contact: Contact,
  history: readonly HistoryEntry[],
  timeZone: string,
  together: readonly Contact[] = [],
): Task {
  const people = [contact, ...together];
  const what = touch.task ? fillContactFields(touch.task, people) : `${VERBS[touch.channel]} ${joinList(people.map((p) => p.name))}`;
  const lines: string[] = [what, '', `**Why now:** ${touch.reason}`];
  const facts: [string, string | undefined][] = [
    ['Phone', contact.phone],
    ['Email', contact.emails[0]],
    ...together.map((other): [string, string | undefined] => [
      'Together with',
      [other.name, other.phone, other.emails[0]].filter(Boolean).join(' · '),
    ]),
    ['Last touches', lastTouches(history, timeZone)],
    ['Household', contact.household.map((m) => `${m.name} (${m.relation})`).join(', ') || undefined],
    ['Communities to mention', contact.communities.map((c) => (c.note ? `${c.name}: ${c.note}` : c.name)).join('; ') || undefined],
    ['Gift likes', contact.gifts.likes.join(', ') || undefined],
    ['Gift dislikes', contact.gifts.dislikes.join(', ') || undefined],
    ['What they offer', contact.offers],
    ['A good referral for them', contact.goodReferral],
    ['Notes', contact.notes],
  ];
  lines.push('', ...facts.filter(([, v]) => v).map(([k, v]) => `- **${k}:** ${v}`));
  if (touch.suggestion) lines.push('', '**Suggested line:**', '', `> ${fillContactFields(touch.suggestion, people)}`);
  lines.push('', CLOSE_ISSUE, '', ...taskMarkers(touch));
  return {
    touch: touch.id,
    ...(touch.household?.length ? { household: touch.household.map((t) => t.id) } : {}),
    contact: touch.contact,
    channel: touch.channel,
    date: touch.date.toString(),
    title: `${what.replace(/\.$/, '')} (${whoUnlessNamed(what, people)}${touch.date.toString()})`,
    body: lines.join('\n'),
    labels: [TASK_LABEL, touch.channel],
  };
}

/**
 * The people's whole names, for a title whose task text does not give them ("Call Tom to catch
 * up"): in a list of issues, "Tom" could be any of several.
 */
function whoUnlessNamed(what: string, people: readonly Contact[]): string {
  return people.every((p) => what.includes(p.name)) ? '' : `${joinList(people.map((p) => p.name))}, `;
}

/**
 * The three latest touches that reached the contact, each once, on the business day it did: an
 * email sent, a personal touch done (one only handed over as a task is not a touch yet).
 */
function lastTouches(history: readonly HistoryEntry[], timeZone: string): string | undefined {
  const done = [...lastEntries(history).values()]
    .filter(hasReached)
    .toSorted((a, b) => b.at.localeCompare(a.at))
    .slice(0, 3);
  return done.map((h) => `${h.channel} on ${businessDayOf(h.at, timeZone)} (${h.plan})`).join(', ') || undefined;
}
