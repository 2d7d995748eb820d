import { describe, expect, it } from 'vitest';
import { because, REASON_CODES, reasonHint, type ReasonCode } from './reasons.ts';

/** Data for each entry's words: the compiler checks each against its entry. */
const EXAMPLES: { [C in ReasonCode]: Parameters<typeof because<C>>[1] } = {
  NoEmailAddress: undefined,
  EveryAddressBounced: { email: 'ana@example.com', date: '2026-06-01', bounce: '550 no such mailbox' },
  Unsubscribed: { date: '2026-09-14' },
  Complained: { date: '2026-09-15' },
  MessageRefused: { said: '554 5.7.1 Message rejected as spam' },
  MailboxFull: { said: '552 5.2.2 Mailbox full' },
  TemporaryFailure: { said: '451 4.4.1 No answer from host; the server keeps trying' },
  NoEmailConsent: undefined,
  ConsentNotYetGiven: { date: '2026-12-02' },
  ConsentWithdrawn: { date: '2026-11-30' },
  ConsentExpired: { date: '2026-11-30' },
  GraceWindowPassed: { graceDays: 5, failed: '451 try again later' },
  HeldByEmailLimits: { perWeek: 2, graceDays: 5 },
  NoIntroductionFits: undefined,
  AskTooSoon: { asked: '2026-10-01', gapDays: 90 },
  ReferralBeingHandled: { referred: 'Tom Byrne', date: '2026-11-20' },
  ContactNotFound: { contact: 'ana-ruiz' },
  NewsletterNotFound: { newsletter: 'winter' },
  NewsletterDraft: { newsletter: 'winter' },
  NoSubject: undefined,
  SubjectUnfilled: { subject: 'Hi {{nickname}}' },
  NoResultToRecap: { layout: 'above-and-beyond' },
  MissingLayout: { layout: 'thanks' },
  BrokenLayout: { layout: 'thanks', problem: 'line 3: unclosed <mj-text>' },
  SendFailedTemporarily: { detail: '451 mailbox busy' },
  SendFailedPermanently: { detail: '' },
  SendOutcomeUnknown: { detail: 'connection lost after the message was handed over (ECONNRESET)' },
  ClaimWithoutOutcome: undefined,
  EarlierPermanentFailure: { failure: '550 no such user' },
  EarlierOutcomeUnknown: undefined,
  AlreadyRecorded: { event: 'sent' },
  DailyLimitReached: { perDay: 400 },
  OutsideSendWindow: { time: '08:12', timeZone: 'Europe/London', start: '09:00', end: '17:00' },
  IssueNotOpened: { detail: 'GitHub answered 403: resource not accessible by integration' },
  TrackerUnavailable: undefined,
  RunEndedBeforeIssue: undefined,
  IssueClosedNotPlanned: { issue: 12 },
  PlanPaused: undefined,
  OutsideAudience: { why: 'their tier is standard; the audience is top' },
  OutsideStepAudience: { why: 'the audience leaves out the top tier' },
  NotDueToday: { next: '2027-07-22', why: 'birthday on 2027-07-22' },
  WaitingUnderEmailLimits: { due: '2026-11-30', date: '2026-12-02' },
  InvalidContactFile: { file: 'content/contacts/ana-ruiz.yaml' },
  InvalidPlanFile: { file: 'content/plans/top-client-calls.yaml' },
};

describe('the reason catalogue', () => {
  it('builds the words of every reason from its data', () => {
    const words = Object.fromEntries(
      REASON_CODES.map((code) => [code, (because as (c: ReasonCode, d?: unknown) => { reason: string })(code, EXAMPLES[code]).reason]),
    );
    expect(words).toMatchInlineSnapshot(`
      {
        "AlreadyRecorded": "already sent",
        "AskTooSoon": "asked for an introduction on 2026-10-01; settings keep asks 90 days apart (limits.daysBetweenAsks)",
        "BrokenLayout": "layout emails/thanks.mjml line 3: unclosed <mj-text>",
        "ClaimWithoutOutcome": "claimed by an earlier run that ended before recording the outcome; check with the contact before sending again",
        "Complained": "reported our email as spam on 2026-09-15",
        "ConsentExpired": "email consent expired on 2026-11-30",
        "ConsentNotYetGiven": "gave email consent only on 2026-12-02",
        "ConsentWithdrawn": "withdrew email consent on 2026-11-30",
        "ContactNotFound": "no contact "ana-ruiz"",
        "DailyLimitReached": "over the daily limit of 400 emails: sent on a later run",
        "EarlierOutcomeUnknown": "an earlier send has no known outcome: never sent again automatically",
        "EarlierPermanentFailure": "failed permanently earlier: 550 no such user",
        "EveryAddressBounced": "every email address bounced (the last, ana@example.com, on 2026-06-01: 550 no such mailbox)",
        "GraceWindowPassed": "failed (451 try again later) and was not planned within the 5-day grace window after its due day",
        "HeldByEmailLimits": "held back by the email limits (one a day, 2 in seven days) past the 5-day grace window",
        "InvalidContactFile": "content/contacts/ana-ruiz.yaml has problems, so no plan reaches this contact until they are fixed",
        "InvalidPlanFile": "content/plans/top-client-calls.yaml has problems, so this plan reaches no one until they are fixed",
        "IssueClosedNotPlanned": "issue #12 closed as not planned",
        "IssueNotOpened": "issue not opened: GitHub answered 403: resource not accessible by integration",
        "MailboxFull": "the recipient's mailbox was full: 552 5.2.2 Mailbox full",
        "MessageRefused": "refused by the recipient's server: 554 5.7.1 Message rejected as spam",
        "MissingLayout": "layout emails/thanks.mjml does not exist",
        "NewsletterDraft": "newsletter "winter" is a draft",
        "NewsletterNotFound": "no newsletter "winter"",
        "NoEmailAddress": "has no email address",
        "NoEmailConsent": "has no email consent on record",
        "NoIntroductionFits": "no contact who has consented to introductions fits what they offer or look for",
        "NoResultToRecap": "no result in results/ names them as its client, so the above-and-beyond email would have nothing to show",
        "NoSubject": "the email has no subject",
        "NotDueToday": "not due today; next due 2027-07-22 (birthday on 2027-07-22)",
        "OutsideAudience": "not in the plan's audience: their tier is standard; the audience is top",
        "OutsideSendWindow": "it is 08:12 in Europe/London, outside the send window 09:00–17:00: sent on a run inside it",
        "OutsideStepAudience": "not in the step's audience: the audience leaves out the top tier",
        "PlanPaused": "the plan is paused",
        "ReferralBeingHandled": "their referral of Tom Byrne (2026-11-20) is still being handled: no ask until it is settled",
        "RunEndedBeforeIssue": "the run that claimed it ended before its issue was opened",
        "SendFailedPermanently": "no reason given",
        "SendFailedTemporarily": "451 mailbox busy",
        "SendOutcomeUnknown": "connection lost after the message was handed over (ECONNRESET)",
        "SubjectUnfilled": "the subject "Hi {{nickname}}" names a field no email fills",
        "TemporaryFailure": "delivery delayed or failed for a passing reason: 451 4.4.1 No answer from host; the server keeps trying",
        "TrackerUnavailable": "its issue could not be opened today: tried again on the next run",
        "Unsubscribed": "unsubscribed on 2026-09-14",
        "WaitingUnderEmailLimits": "due 2026-11-30, waiting for a free day under the email limits: planned for 2026-12-02",
      }
    `);
  });

  it('says why a step with no day ahead is not due', () => {
    const words = (data: Parameters<typeof because<'NotDueToday'>>[1]) => because('NotDueToday', data).reason;
    expect([
      words({ last: '2026-04-06', lastWhy: '10 days after closing on 2026-03-27' }),
      words({ trigger: 'made-referral' }),
      words({}),
    ]).toMatchInlineSnapshot(`
      [
        "not due today, nor in the coming year; last due 2026-04-06 (10 days after closing on 2026-03-27)",
        "not due today, nor in the coming year: it comes due after made-referral, which has not happened for them",
        "not due today, nor in the coming year: the date its rule needs is not in their file",
      ]
    `);
  });

  it('keeps the code beside the words', () => {
    expect(because('Unsubscribed', { date: '2026-09-14' })).toEqual({ code: 'Unsubscribed', reason: 'unsubscribed on 2026-09-14' });
    expect(because('GraceWindowPassed', { graceDays: 5 })).toEqual({
      code: 'GraceWindowPassed',
      reason: 'not planned within the 5-day grace window after its due day',
    });
  });

  it('gives every code a PascalCase name and a hint that says what to do', () => {
    for (const code of REASON_CODES) {
      expect(code).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(reasonHint(code)).toMatch(/^[A-Z].*\.$/);
    }
  });
});
