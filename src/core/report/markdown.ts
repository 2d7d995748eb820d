import { CAME_BACK_DAYS } from './came-back.ts';
import type { ReferralLine, Report } from './report.ts';
import { perHundred, WHAT_WORKS_DAYS, type WhatWorksRow } from './what-works.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;
const cell = (text: string | number) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
const table = (head: string[], rows: (string | number)[][]) =>
  rows.length === 0
    ? ['_None._']
    : [
        `| ${head.join(' | ')} |`,
        `| ${head.map((h) => (/^(count|clients|referrals|touches|days|thanks|gifts|updates|max gap|it reached|referrals after|not reached|their referrals)$/i.test(h) ? '---:' : '---')).join(' | ')} |`,
        ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ];

export const STATUS_LABELS = { introduced: 'Introduced', met: 'Met', client: 'Became a client', 'not-a-fit': 'Not a fit' } as const;

/** The month as the owner reads it: "Nov 2026". */
export function monthLabel(month: string): string {
  const { year, month: m } = Temporal.PlainYearMonth.from(month);
  return `${MONTHS[m - 1]} ${year}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day as the owner reads it: "19 Sep", with the year when it is not the report's. */
function shortDay(date: string, reportYear: string): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1]}${year === reportYear ? '' : ` ${year}`}`;
}

const LOOP_WORDS = { thanks: 'thanked', gift: 'gift', update: 'updated' } as const;

/** What closed the loop on a referral, in one line: "thanked 19 Sep (card) · gift 22 Sep · updated 26 Sep (call, met)". */
/** The "each referral" table, newest first: the same rows in the Markdown and the HTML report. */
export const EACH_REFERRAL_HEADERS = ['Date', 'Referrer', 'Referred', 'Status', 'Closing the loop', 'Came before'];

export function eachReferralRows(r: Report): string[][] {
  return r.referrals.lines
    .toReversed()
    .map((l) => [
      l.date,
      l.referrerName,
      l.referredName,
      STATUS_LABELS[l.status],
      loopText(l, r.date.slice(0, 4)),
      l.precededLabels.join(', ') || '–',
    ]);
}

function loopText(line: ReferralLine, reportYear: string): string {
  if (line.loop.length === 0) return 'nothing yet';
  return (['thanks', 'gift', 'update'] as const)
    .map((kind) => {
      const steps = line.loop.filter((x) => x.kind === kind);
      if (steps.length === 0) return '';
      return `${LOOP_WORDS[kind]} ${steps.map((x) => `${shortDay(x.date, reportYear)}${x.how ? ` (${x.how})` : ''}`).join(', ')}`;
    })
    .filter(Boolean)
    .join(' · ');
}

/** What the "what came before" numbers mean, in the owner's words, with the window they cover. */
export function whatWorksLead(r: Report): string {
  return (
    `Each plan, newsletter or event, from ${r.window.from} to ${r.window.until}: how many referrals came from the contacts it reached, ` +
    `within ${WHAT_WORKS_DAYS} days after it, per 100 of those contacts; beside how many came from the contacts it did not reach, per 100 of them. ` +
    'This shows what came first, not what caused it; with few referrals, one more or less changes the picture.'
  );
}

/** The plans that reached people but came before no referral, in one line rather than a row each. */
export function cameBeforeNone(r: Report): string[] {
  const none = r.whatWorks.filter((w) => !w.referrals);
  return none.length ? [`Came before no referral: ${none.map((w) => `${w.label} (reached ${w.reached})`).join(', ')}.`] : [];
}

export const WHAT_WORKS_HEADERS = [
  'Plan, newsletter or event',
  'It reached',
  'Referrals after',
  'Not reached',
  'Their referrals',
  'Compared',
];

/** One row of the "what came before" table: counts, then the two rates side by side in words. */
export function whatWorksRow(w: WhatWorksRow): string[] {
  const rates = `${perHundred(w.referrals, w.reached)} per 100 reached, ${perHundred(w.referralsNotReached, w.notReached)} per 100 not reached`;
  return [
    w.label,
    String(w.reached),
    String(w.referrals),
    String(w.notReached),
    String(w.referralsNotReached),
    w.tooFew ? `${rates}: too few to tell yet` : rates,
  ];
}

export function overdueLead(r: Report, code = (name: string) => `\`${name}\``): string {
  const left = r.overdueLeftOut
    ? ` Leaves out ${r.overdueLeftOut} contact${r.overdueLeftOut === 1 ? '' : 's'}: unsubscribed, or referred and not a fit.`
    : '';
  return `No touch (an email sent, a personal touch done) for longer than their segment allows (${code('overdueAfterDays')} in settings); a task only handed over does not count.${left}`;
}

export const cameBackLead = `Bounces of the last ${CAME_BACK_DAYS} days. A flagged address is never emailed again; a full mailbox or a delay is only noted. Reach these people another way if it matters.`;

/** The "came back" table's rows: the same in the Markdown and the HTML report. */
export const cameBackRows = (r: Report) => r.cameBack.map((c) => [c.date, c.name, c.what]);

/** The report as Markdown: for the terminal, `report/report.md` and the Actions job summary. */
export function reportMarkdown(r: Report): string {
  const { referrals } = r;
  const clients = referrals.byStatus.find((s) => s.status === 'client')?.count ?? 0;
  const lines = [
    `# ${r.business}: referral report, ${r.date}`,
    '',
    `Private: for the owner only. ${r.since ? `History from ${r.since}.` : 'No history yet.'}`,
    '',
    `**${referrals.total} referral${referrals.total === 1 ? '' : 's'}**, ${clients} became client${clients === 1 ? '' : 's'} (${percent(referrals.conversion)}); **${r.overdue.length} contact${r.overdue.length === 1 ? '' : 's'} overdue** for a touch.`,
    '',
    '## Referrals by month',
    '',
    ...table(
      ['Month', 'Count'],
      referrals.byMonth.map((m) => [monthLabel(m.month), m.count]),
    ),
    '',
    '## Referrals by referrer',
    '',
    ...table(
      ['Referrer', 'Referrals', 'Clients'],
      referrals.byReferrer.map((x) => [x.name, x.count, x.clients]),
    ),
    '',
    '## How referrals turned out',
    '',
    ...table(
      ['Status', 'Count', 'Share'],
      referrals.byStatus.map((s) => [STATUS_LABELS[s.status], s.count, referrals.total ? percent(s.count / referrals.total) : '–']),
    ),
    '',
    '## What came before a referral',
    '',
    whatWorksLead(r),
    '',
    ...table(WHAT_WORKS_HEADERS, r.whatWorks.filter((w) => w.referrals).map(whatWorksRow)),
    ...cameBeforeNone(r).flatMap((line) => ['', line]),
    '',
    '## Each referral',
    '',
    ...table(EACH_REFERRAL_HEADERS, eachReferralRows(r)),
    '',
    '## Overdue contacts',
    '',
    overdueLead(r),
    '',
    ...table(
      ['Contact', 'Segment', 'Tier', 'Last touch', 'Days', 'Max gap'],
      r.overdue.map((o) => [o.name, o.segment, o.tier, o.last ?? 'never', o.days ?? '–', o.maxGap]),
    ),
    '',
    ...(r.cameBack.length
      ? ['## Emails that came back', '', cameBackLead, '', ...table(['Day', 'Contact', 'What came back'], cameBackRows(r)), '']
      : []),
    '## Touches that reached people, by channel',
    '',
    ...table(
      ['Channel', 'Count'],
      r.channels.map((c) => [c.channel, c.count]),
    ),
    '',
  ];
  return lines.join('\n');
}
