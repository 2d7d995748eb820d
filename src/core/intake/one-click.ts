/**
 * A one-click unsubscribe (RFC 8058): the endpoint took the POST of an email's unsubscribe link
 * and handed its token to the repository. The token is checked again here, since the request
 * came through other hands, and the contact is then marked as any other unsubscribe is.
 */
import { dayOf, finishRun, noteOutcome, startRun } from './intake.ts';
import { markUnsubscribed, sharedLinkNote } from './messages/unsubscribe.ts';
import type { IntakeInput, IntakePlan } from './run.ts';
import { addressTag, readUnsubscribeToken } from '../signing/index.ts';
import { joinList } from '../contacts/index.ts';

/** What the endpoint hands on: the token of the link, and when it was used. */
export type OneClickUnsubscribe = { token: string; at: Temporal.Instant };

/**
 * Plans the unsubscribe `request` asks for, dated by the business's day of `request.at` (never
 * after `today`), with the moment and the token as evidence. A token the secret did not make, or
 * one that names no contact, is refused with the reason, and nothing is planned. `input.sign` is
 * required; `at` (ISO 8601) is when the run writes.
 */
export function planOneClickUnsubscribe(
  request: OneClickUnsubscribe,
  input: IntakeInput,
  today: Temporal.PlainDate,
  at: string,
): { ok: true; plan: IntakePlan } | { ok: false; reason: string } {
  const { sign } = input;
  if (!sign) throw new Error('A one-click unsubscribe was planned without the secret to check its token.');
  const signed = readUnsubscribeToken(sign, request.token);
  if (!signed) {
    return { ok: false, reason: `the token "${clip(request.token)}" is not one of ours: forged, altered or made with another secret` };
  }
  const run = startRun(input, at);
  // The link names the contacts its email went to by id (a household's email goes to several) and
  // tags the lead's address: a contact renamed since is found by that address. A click cannot say
  // which of a household it was, so each of them is stopped, which is the safe side.
  const named = signed.contacts.flatMap((id) => run.byId.get(id) ?? []);
  const renamed = named.length
    ? undefined
    : [...run.byId.values()].find((c) => c.emails.some((e) => addressTag(sign, e) === signed.address));
  const contacts = renamed ? [renamed] : named;
  if (!contacts.length) {
    return {
      ok: false,
      reason: `${joinList(signed.contacts)} unsubscribed with the one-click link, but no contact has that id or the address it was sent to: find the person and unsubscribe them by hand`,
    };
  }
  const moment = request.at.toString();
  const together = sharedLinkNote(contacts, 'clicked');
  for (const contact of contacts) {
    markUnsubscribed(
      run,
      contact,
      {
        day: dayOf(request.at, input.settings.timeZone, today),
        how: 'one-click unsubscribe link',
        evidence: `One-click unsubscribe (RFC 8058) at ${moment}, token ${request.token} (signed unsubscribe link)${together}`,
      },
      noteOutcome(run, `one-click unsubscribe of ${moment}`),
    );
  }
  return { ok: true, plan: finishRun(run) };
}

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
