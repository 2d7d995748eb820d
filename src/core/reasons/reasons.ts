/**
 * The reason catalogue: why a touch was skipped, held back, missed or failed, and why a step is or
 * is not due for a contact on a day. As `problems.ts` is for content, each entry has a permanent
 * PascalCase code (history keeps it beside the words), the words built from the data, and a hint
 * that says what the owner can do.
 */

const entry = <W extends (data: never) => string>(words: W, hint: string) => ({ words, hint });

const NOTHING_TO_DO_CONSENT = 'Nothing to do: email waits for their consent. Reach them in person if that is welcome.';
const UNKNOWN_OUTCOME_HINT =
  'Ask the contact, or look in the sent mail, whether it arrived. It is never sent again automatically: if it did not arrive, do the touch by hand and record it with npm run log.';

const REASONS = {
  // Who may be emailed (consent, bounces, unsubscribes)
  NoEmailAddress: entry(
    () => 'has no email address',
    'Add an address under emails in their contact file, or reach them with a personal step.',
  ),
  EveryAddressBounced: entry(
    (d: { email?: string; date?: string; bounce?: string }) =>
      `every email address bounced (the last, ${d.email}, on ${d.date}: ${d.bounce})`,
    'Find an address that works and add it under emails; the bounced one stays listed under bounced.',
  ),
  Unsubscribed: entry(
    (d: { date: string }) => `unsubscribed on ${d.date}`,
    'Nothing to do: they asked for no more email. Keep in touch in person only if they welcome it.',
  ),
  Complained: entry(
    (d: { date: string }) => `reported our email as spam on ${d.date}`,
    'Nothing to do: they complained to their mail provider, so no more email goes to them. Keep in touch in person only if they welcome it.',
  ),
  NoEmailConsent: entry(
    () => 'has no email consent on record',
    'Once they agree to hear from you, record it under consent.email (basis, source, date) in their contact file.',
  ),
  ConsentNotYetGiven: entry((d: { date: string }) => `gave email consent only on ${d.date}`, NOTHING_TO_DO_CONSENT),
  ConsentWithdrawn: entry((d: { date: string }) => `withdrew email consent on ${d.date}`, NOTHING_TO_DO_CONSENT),
  ConsentExpired: entry(
    (d: { date: string }) => `email consent expired on ${d.date}`,
    'Ask them to renew their consent, then record the new date (and expiry) under consent.email.',
  ),
  // What came back after sending (intake)
  MessageRefused: entry(
    (d: { said: string }) => `refused by the recipient's server: ${d.said}`,
    'Nothing to do for this touch. If refusals repeat, check that your sending domain has SPF, DKIM and DMARC set up and that the email does not read like spam; after three refusals in a row the address is flagged.',
  ),
  MailboxFull: entry(
    (d: { said: string }) => `the recipient's mailbox was full: ${d.said}`,
    'Nothing to do: the address is kept and later touches go as planned. If their mailbox stays full, reach them another way and let them know.',
  ),
  TemporaryFailure: entry(
    (d: { said: string }) => `delivery delayed or failed for a passing reason: ${d.said}`,
    'Nothing to do: the recipient’s server may still deliver it, and later touches go as planned. If this touch mattered, check with the contact.',
  ),
  // The planner: grace, limits, purposeful steps
  GraceWindowPassed: entry(
    (d: { graceDays: number; failed?: string }) =>
      `${d.failed === undefined ? '' : `failed (${d.failed}) and was `}not planned within the ${d.graceDays}-day grace window after its due day`,
    'Check that the daily job runs every day (a scheduled workflow stops after 60 days without activity). If the touch still matters, do it by hand and record it with npm run log.',
  ),
  HeldByEmailLimits: entry(
    (d: { perWeek: number; graceDays: number }) =>
      `held back by the email limits (one a day, ${d.perWeek} in seven days) past the ${d.graceDays}-day grace window`,
    'Too many emails fell due for this contact at once: spread the plans’ steps apart, or raise limits.perContactPerWeek or graceDays in settings.yaml.',
  ),
  NoIntroductionFits: entry(
    () => 'no contact who has consented to introductions fits what they offer or look for',
    'Record what they offer and what a good referral for them looks like, and consent.introductions for the contacts you could introduce.',
  ),
  AskTooSoon: entry(
    (d: { asked: string; gapDays: number }) =>
      `asked for an introduction on ${d.asked}; settings keep asks ${d.gapDays} days apart (limits.daysBetweenAsks)`,
    'Nothing to do: asks are spaced on purpose. Change limits.daysBetweenAsks in settings.yaml to space them differently.',
  ),
  ReferralBeingHandled: entry(
    (d: { referred: string; date: string }) =>
      `their referral of ${d.referred} (${d.date}) is still being handled: no ask until it is settled`,
    'Update the referral’s status when it is settled (client or not a fit); the ask waits until then.',
  ),
  // Preparing an email
  ContactNotFound: entry(
    (d: { contact: string }) => `no contact "${d.contact}"`,
    'Restore the contact file, or leave it: the touch is recorded as skipped.',
  ),
  NewsletterNotFound: entry(
    (d: { newsletter: string }) => `no newsletter "${d.newsletter}"`,
    'Restore the newsletter file in newsletters/, or leave it: the touch is recorded as skipped.',
  ),
  NewsletterDraft: entry(
    (d: { newsletter: string }) => `newsletter "${d.newsletter}" is a draft`,
    'Remove draft: true from the newsletter when it is ready to go.',
  ),
  NoSubject: entry(() => 'the email has no subject', 'Give the step (or the newsletter) a subject.'),
  SubjectUnfilled: entry(
    (d: { subject: string }) => `the subject "${d.subject}" names a field no email fills`,
    'Correct the {{field}} in the subject: npm run preview shows the fields an email has.',
  ),
  NoResultToRecap: entry(
    (d: { layout: string }) => `no result in results/ names them as its client, so the ${d.layout} email would have nothing to show`,
    'Add a result (its figures and what went beyond the brief) with client.contact set to their id before the recap is due: npm run check lists the recaps coming up with nothing to show. Once skipped, it is not sent again.',
  ),
  MissingLayout: entry(
    (d: { layout: string }) => `layout emails/${d.layout}.mjml does not exist`,
    'Add the layout to emails/, or change the step’s template to one that exists. The touch waits and goes once it is fixed.',
  ),
  BrokenLayout: entry(
    (d: { layout: string; problem: string }) => `layout emails/${d.layout}.mjml ${d.problem}`,
    'Fix the layout (npm run preview shows it). The touch waits and goes once it is fixed.',
  ),
  // Sending, and what history says about a touch
  SendFailedTemporarily: entry(
    (d: { detail: string }) => d.detail || 'no reason given',
    'Nothing to do: it is tried again on the next run, inside the grace window.',
  ),
  SendFailedPermanently: entry(
    (d: { detail: string }) => d.detail || 'no reason given',
    'The mail server refused it: check the address and the message, then do the touch by hand if it still matters.',
  ),
  SendOutcomeUnknown: entry((d: { detail: string }) => d.detail || 'no reason given', UNKNOWN_OUTCOME_HINT),
  ClaimWithoutOutcome: entry(
    () => 'claimed by an earlier run that ended before recording the outcome; check with the contact before sending again',
    UNKNOWN_OUTCOME_HINT,
  ),
  EarlierPermanentFailure: entry(
    (d: { failure: string }) => `failed permanently earlier: ${d.failure}`,
    'Nothing to do today: it is not sent again. Do the touch by hand if it still matters.',
  ),
  EarlierOutcomeUnknown: entry(() => 'an earlier send has no known outcome: never sent again automatically', UNKNOWN_OUTCOME_HINT),
  AlreadyRecorded: entry((d: { event: string }) => `already ${d.event}`, 'Nothing to do: history already settles this touch.'),
  DailyLimitReached: entry(
    (d: { perDay: number }) => `over the daily limit of ${d.perDay} emails: sent on a later run`,
    'Nothing to do: they go on the next runs. Raise limits.perDay in settings.yaml if your mail provider allows more.',
  ),
  OutsideSendWindow: entry(
    (d: { time: string; timeZone: string; start: string; end: string }) =>
      `it is ${d.time} in ${d.timeZone}, outside the send window ${d.start}–${d.end}: sent on a run inside it`,
    'Nothing to do: the emails go on the next run inside the window. Change sendWindow in settings.yaml to send at other hours.',
  ),
  // Personal touches handed over as issues
  IssueNotOpened: entry(
    (d: { detail: string }) => `issue not opened: ${d.detail}`,
    'Nothing to do if GitHub was briefly unavailable: the next run opens it. Otherwise check the token’s permission to write issues.',
  ),
  TrackerUnavailable: entry(
    () => 'its issue could not be opened today: tried again on the next run',
    'Read today’s task list instead. The next run opens the issue once GitHub answers.',
  ),
  RunEndedBeforeIssue: entry(
    () => 'the run that claimed it ended before its issue was opened',
    'Nothing to do: the next run opens its issue.',
  ),
  IssueClosedNotPlanned: entry(
    (d: { issue: number }) => `issue #${d.issue} closed as not planned`,
    'Nothing to do: closing an issue as not planned skips its touch. Reopen it to do the touch after all.',
  ),
  // A contact's day, step by step (npm run plan -- --contact)
  PlanPaused: entry(() => 'the plan is paused', 'Remove paused: true from the plan to start it again.'),
  OutsideAudience: entry(
    (d: { why: string }) => `not in the plan's audience: ${d.why}`,
    'Change the plan’s audience, or the contact’s segment, tier or tags, if they should be in it.',
  ),
  OutsideStepAudience: entry(
    (d: { why: string }) => `not in the step's audience: ${d.why}`,
    'Change the step’s audience, or the contact’s segment, tier or tags, if the step should reach them.',
  ),
  NotDueToday: entry(
    (d: { next?: string; why?: string; last?: string; lastWhy?: string; trigger?: string }) =>
      d.next !== undefined
        ? `not due today; next due ${d.next}${d.why ? ` (${d.why})` : ''}`
        : d.last !== undefined
          ? `not due today, nor in the coming year; last due ${d.last}${d.lastWhy ? ` (${d.lastWhy})` : ''}`
          : d.trigger !== undefined
            ? `not due today, nor in the coming year: it comes due after ${d.trigger}, which has not happened for them`
            : 'not due today, nor in the coming year: the date its rule needs is not in their file',
    'Nothing to do: the step’s rule sets its days. A step that never comes due may wait for a date or event the contact file lacks.',
  ),
  WaitingUnderEmailLimits: entry(
    (d: { due: string; date?: string; missed?: string }) =>
      `due ${d.due}, waiting for a free day under the email limits: ${d.date ? `planned for ${d.date}` : `no day comes in time, so it will be missed (${d.missed})`}`,
    'Nothing to do: the contact gets at most one automated email a day and limits.perContactPerWeek in seven days; stronger touches go first.',
  ),
  InvalidContactFile: entry(
    (d: { file: string }) => `${d.file} has problems, so no plan reaches this contact until they are fixed`,
    'Fix the problems listed (npm run check shows them all), then plan again.',
  ),
  InvalidPlanFile: entry(
    (d: { file: string }) => `${d.file} has problems, so this plan reaches no one until they are fixed`,
    'Fix the problems listed (npm run check shows them all), then plan again.',
  ),
} as const;

type Catalogue = typeof REASONS;
export type ReasonCode = keyof Catalogue;
type Words<C extends ReasonCode> = Catalogue[C]['words'];
type DataArgs<C extends ReasonCode> = Words<C> extends () => string ? [] : Parameters<Words<C>>;

/** Every code, in catalogue order: what history's `code` may hold. */
export const REASON_CODES = Object.keys(REASONS) as [ReasonCode, ...ReasonCode[]];

/** Why a touch or step went as it did: the permanent code and the owner's words. */
export type Reason = { code: ReasonCode; reason: string };

/**
 * The catalogue entry `code` with its words built from `data`: spread it into a skipped touch,
 * a held touch or a history entry (`{...touch, ...because('Unsubscribed', {date})}`).
 */
export function because<C extends ReasonCode>(code: C, ...data: DataArgs<C>): Reason {
  const words = REASONS[code].words as (d: unknown) => string;
  return { code, reason: words(data[0]) };
}

/** What the owner can do about a reason. */
export function reasonHint(code: ReasonCode): string {
  return REASONS[code].hint;
}
