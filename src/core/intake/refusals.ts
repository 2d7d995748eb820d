/**
 * Refused messages: each fails its touch in history (a permanent failure with code
 * MessageRefused); three refusals in a row for one contact flag the address, since a server
 * that refuses everything we send is as closed as a bad address.
 */
import type { HistoryEntry } from '../model/index.ts';
import { because } from '../reasons/index.ts';
import { touchIdOn, withoutAddresses, type TouchParts } from '../touches/index.ts';
import { historySoFar, type Run } from './run.ts';

/** How many refusals in a row flag an address. */
export const REFUSALS_TO_FLAG = 3;

/** The failed entry for a refused touch (the server's words without addresses); undefined when history already holds it. */
export function refusalEntry(run: Run, touch: TouchParts, said: string): HistoryEntry | undefined {
  const id = touchIdOn(touch.contact, touch.plan, touch.step, touch.due);
  const history = historySoFar(run).filter((e) => e.touch === id);
  if (history.some((e) => e.event === 'failed' && e.code === 'MessageRefused')) return undefined;
  const channel = history.at(-1)?.channel ?? 'email';
  return {
    event: 'failed',
    at: run.at,
    touch: id,
    ...touch,
    channel,
    ...because('MessageRefused', { said: withoutAddresses(said) }),
    temporary: false,
  };
}

/** The contact's email touches sent, newest last, each with whether it was refused afterwards. */
export function refusalsInARow(run: Run, contact: string): number {
  const refused = new Set<string>();
  const sent: string[] = [];
  for (const e of historySoFar(run)) {
    if (e.contact !== contact || e.channel !== 'email') continue;
    if (e.event === 'sent' && !sent.includes(e.touch)) sent.push(e.touch);
    if (e.event === 'failed' && e.code === 'MessageRefused') {
      refused.add(e.touch);
      if (!sent.includes(e.touch)) sent.push(e.touch);
    }
  }
  let n = 0;
  for (let i = sent.length - 1; i >= 0 && refused.has(sent[i]); i--) n++;
  return n;
}
