import { firstNameOf } from '../contacts/index.ts';
import { businessDayOf } from '../calendar/index.ts';
import { hasReached, parseTouchId, type DueTouch } from '../touches/index.ts';
import type { Contact, HistoryEntry, Channel } from '../model/index.ts';

/** A personal touch written up for the person who will do it: a GitHub issue or a task-list entry. */
export type Task = {
  touch: string;
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
  /** From the issue's channel label. */
  channel?: Channel;
  state: 'open' | 'closed';
  closedAt?: string;
  /** GitHub's reason: `completed` when done, `not_planned` when dropped, `reopened`. */
  stateReason?: string;
};

/** The label every Referable task carries, and the one naming its channel. */
export const TASK_LABEL = 'referable';

const VERBS: Record<Channel, string> = {
  call: 'Call',
  text: 'Text',
  card: 'Send a card to',
  gift: 'Send a gift to',
  event: 'Invite',
  email: 'Email',
};

/** The last line of an issue's body, before the marker. */
export const CLOSE_ISSUE = 'Close this issue when it is done; Referable records it in the history.';

/** The hidden marker that ties an issue to its touch, so a rerun finds it instead of opening another. */
function taskMarker(touchId: string): string {
  return `<!-- referable-touch: ${touchId} -->`;
}

/** Reads the touch id back from an issue body, if it has one. */
export function touchIdFromBody(body: string | null | undefined): string | undefined {
  const id = /<!-- referable-touch: (\S+) -->/.exec(body ?? '')?.[1];
  return id !== undefined && parseTouchId(id) ? id : undefined;
}

/** Replaces `{{firstName}}` and `{{name}}` in a plan's task or suggestion text. */
function fillContactFields(text: string, contact: Contact): string {
  return text.replaceAll('{{firstName}}', firstNameOf(contact)).replaceAll('{{name}}', contact.name);
}

/**
 * Writes up a personal touch with the context a person needs to do it well: why now, the last
 * touches, household and communities to mention, gift likes and dislikes, what a good referral for
 * them looks like, and a suggested line. `history` is the contact's own entries; `timeZone` gives
 * the business day of each.
 */
export function composeTask(touch: DueTouch, contact: Contact, history: readonly HistoryEntry[], timeZone: string): Task {
  const what = touch.task ? fillContactFields(touch.task, contact) : `${VERBS[touch.channel]} ${contact.name}`;
  const lines: string[] = [what, '', `**Why now:** ${touch.reason}`];
  const facts: [string, string | undefined][] = [
    ['Phone', contact.phone],
    ['Email', contact.emails[0]],
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
  if (touch.suggestion) lines.push('', '**Suggested line:**', '', `> ${fillContactFields(touch.suggestion, contact)}`);
  lines.push('', CLOSE_ISSUE, '', taskMarker(touch.id));
  return {
    touch: touch.id,
    contact: touch.contact,
    channel: touch.channel,
    date: touch.date.toString(),
    title: `${what.replace(/\.$/, '')} (${touch.date.toString()})`,
    body: lines.join('\n'),
    labels: [TASK_LABEL, touch.channel],
  };
}

/**
 * The three latest touches that reached the contact, each once, on the business day it did: an
 * email sent, a personal touch done (one only handed over as a task is not a touch yet).
 */
function lastTouches(history: readonly HistoryEntry[], timeZone: string): string | undefined {
  const last = new Map<string, HistoryEntry>();
  for (const h of history) last.set(h.touch, h);
  const done = [...last.values()]
    .filter(hasReached)
    .toSorted((a, b) => b.at.localeCompare(a.at))
    .slice(0, 3);
  return done.map((h) => `${h.channel} on ${businessDayOf(h.at, timeZone)} (${h.plan})`).join(', ') || undefined;
}
