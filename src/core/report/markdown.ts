import type { ReferralLine, Report } from './report.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;
const cell = (text: string | number) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
const table = (head: string[], rows: (string | number)[][]) =>
  rows.length === 0
    ? ['_None._']
    : [
        `| ${head.join(' | ')} |`,
        `| ${head.map((h) => (/^(count|clients|referrals|touches|days|thanks|gifts|updates|max gap)$/i.test(h) ? '---:' : '---')).join(' | ')} |`,
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
    'Plans, newsletters and events that reached the referrer in the 90 days before they referred someone.',
    '',
    ...table(
      ['Plan or event', 'Referrals', 'Touches'],
      r.whatWorks.map((w) => [w.label, w.referrals, w.touches]),
    ),
    '',
    '## Each referral',
    '',
    ...table(EACH_REFERRAL_HEADERS, eachReferralRows(r)),
    '',
    '## Overdue contacts',
    '',
    'No touch for longer than their segment allows (`overdueAfterDays` in settings).',
    '',
    ...table(
      ['Contact', 'Segment', 'Tier', 'Last touch', 'Days', 'Max gap'],
      r.overdue.map((o) => [o.name, o.segment, o.tier, o.last ?? 'never', o.days ?? '–', o.maxGap]),
    ),
    '',
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
