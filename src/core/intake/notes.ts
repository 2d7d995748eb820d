/**
 * Bounces that change nothing: a full mailbox, or a failure the recipient's server calls passing
 * (a delay it keeps retrying). The address is kept and the touch stays where it stands (sent), so
 * nothing is sent twice; history notes the reason code and the server's words beside the touch.
 */
import type { HistoryEntry } from '../model/index.ts';
import { because } from '../reasons/index.ts';
import { touchIdOn, withoutAddresses, type TouchParts } from '../touches/index.ts';
import { historySoFar, type Run } from './run.ts';

/**
 * The note for `touch`, or undefined when history already holds it for this message. History is
 * committed to the repository: the server's words are kept without addresses.
 */
export function noteEntry(
  run: Run,
  touch: TouchParts,
  code: 'MailboxFull' | 'TemporaryFailure',
  said: string,
  evidence: string,
): HistoryEntry | undefined {
  const id = touchIdOn(touch.contact, touch.plan, touch.step, touch.due);
  const history = historySoFar(run).filter((e) => e.touch === id);
  if (history.some((e) => e.event === 'noted' && e.code === code && e.evidence === evidence)) return undefined;
  const channel = history.at(-1)?.channel ?? 'email';
  return { event: 'noted', at: run.at, touch: id, ...touch, channel, ...because(code, { said: withoutAddresses(said) }), evidence };
}
