/**
 * A reply from a contact is a touch: they heard from us and wrote back. Intake writes it to
 * history as a touch done by hand (`manual` plan, `reply` step) on the day it was received, so
 * it counts like any other touch. One a contact a day: a second reply that day adds nothing.
 */
import { touchIdOn } from '../touches/index.ts';
import { historySoFar, type Heard, type Known, type Run } from './run.ts';

/** Plans the history entry for a reply from `contact`; false when history already holds it. */
export function countReply(run: Run, heard: Heard, contact: Known): boolean {
  const touch = touchIdOn(contact.id, 'manual', 'reply', heard.day);
  if (historySoFar(run).some((e) => e.touch === touch)) return false;
  const subject = heard.message.subject
    .replace(/^(?:\s*(?:re|aw|sv|antw|fwd?)\s*:\s*)+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  run.plan.history.push({
    event: 'done',
    at: run.at,
    touch,
    contact: contact.id,
    plan: 'manual',
    step: 'reply',
    due: heard.day,
    channel: 'email',
    ...(subject ? { note: `replied: ${subject.length > 80 ? `${subject.slice(0, 79)}…` : subject}` } : {}),
  });
  return true;
}
