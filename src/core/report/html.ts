import { barChart, columnChart, escapeHtml, shareChart } from './charts.ts';
import {
  cameBackLead,
  cameBackRows,
  cameBeforeNone,
  EACH_REFERRAL_HEADERS,
  eachReferralRows,
  monthLabel,
  overdueLead,
  STATUS_LABELS,
  WHAT_WORKS_HEADERS,
  whatWorksLead,
  whatWorksRow,
} from './markdown.ts';
import { perHundred } from './what-works.ts';
import type { Report } from './report.ts';

export type ReportColours = { primary: string; accent: string };

const STATUS_COLOURS = { introduced: '#6f8791', met: '#c98f1e', client: '#3f8f5b', 'not-a-fit': '#9b9186' } as const;

const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function table(head: string[], rows: (string | number)[][], numeric: number[] = []): string {
  if (rows.length === 0) return '<p class="none">None.</p>';
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  return (
    `<table><thead><tr>${head.map((h, i) => `<th${cls(i)} scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>` +
    // Each cell names its column, so a narrow screen can show a row as a card of labelled lines.
    rows
      .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)} data-label="${escapeHtml(head[i])}">${escapeHtml(c)}</td>`).join('')}</tr>`)
      .join('') +
    '</tbody></table>'
  );
}

const section = (id: string, title: string, lead: string, body: string) =>
  `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(title)}</h2><p class="lead">${escapeHtml(lead)}</p>${body}</section>`;

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, and a content
 * security policy that forbids loading anything, so opening it makes no request to any host.
 */
export function reportHtml(r: Report, colours: ReportColours = { primary: '#1f4e5f', accent: '#c8553d' }): string {
  const { referrals } = r;
  const clients = referrals.byStatus.find((s) => s.status === 'client')?.count ?? 0;
  const reached = r.channels.reduce((n, c) => n + c.count, 0);
  const cards = [
    ['Referrals', String(referrals.total), `${referrals.byMonth.reduce((n, m) => n + m.count, 0)} in the last 12 months`],
    ['Became clients', percent(referrals.conversion), `${plural(clients, 'client')} from ${plural(referrals.total, 'referral')}`],
    ['Overdue', String(r.overdue.length), 'contacts past their segment’s gap'],
    ['Touches', String(reached), r.since ? `sent or done since ${r.since}` : 'none recorded yet'],
  ];
  const body = [
    `<header><p class="eyebrow">Private report · not for the website</p><h1>${escapeHtml(r.business)}</h1><p class="date">Referrals and touches on ${escapeHtml(r.date)}</p></header>`,
    `<div class="cards">${cards.map(([k, v, n]) => `<div class="card"><p class="k">${escapeHtml(k)}</p><p class="v">${escapeHtml(v)}</p><p class="n">${escapeHtml(n)}</p></div>`).join('')}</div>`,
    section(
      'by-month',
      'Referrals by month',
      'Introductions received in each of the last twelve months.',
      columnChart(
        'chart-months',
        'Referrals by month',
        referrals.byMonth.map((m, i) => ({
          label:
            i === 0 || m.month.endsWith('-01')
              ? `${monthLabel(m.month).slice(0, 3)} ’${m.month.slice(2, 4)}`
              : monthLabel(m.month).slice(0, 3),
          value: m.count,
        })),
        colours.primary,
      ),
    ),
    section(
      'by-referrer',
      'Who refers',
      'Referrals from each contact; the darker part became clients. Thank them, and refer business back.',
      barChart(
        'chart-referrers',
        'Referrals by referrer',
        referrals.byReferrer.map((x) => ({ label: x.name, value: x.count, part: x.clients, note: 'became clients' })),
        { bar: `${colours.primary}55`, part: colours.primary },
      ),
    ),
    section(
      'outcomes',
      'How referrals turned out',
      `${percent(referrals.conversion)} of referrals became clients. Each status is the referral’s latest.`,
      shareChart(
        'chart-outcomes',
        'How referrals turned out',
        referrals.byStatus.map((s) => ({ label: STATUS_LABELS[s.status], value: s.count, colour: STATUS_COLOURS[s.status] })),
      ),
    ),
    section(
      'what-works',
      'What came before a referral',
      whatWorksLead(r),
      barChart(
        'chart-what-works',
        'Referrals per 100 contacts: reached by each plan, newsletter or event, and not reached',
        r.whatWorks
          .filter((w) => w.referrals)
          .flatMap((w) => [
            { label: w.label, value: perHundred(w.referrals, w.reached), note: `per 100 of the ${w.reached} it reached` },
            {
              label: 'not reached',
              value: perHundred(w.referralsNotReached, w.notReached),
              note: `per 100 of the ${w.notReached} it did not reach`,
              colour: '#9b9186',
            },
          ]),
        { bar: colours.accent, part: colours.accent },
      ) +
        table(WHAT_WORKS_HEADERS, r.whatWorks.filter((w) => w.referrals).map(whatWorksRow), [1, 2, 3, 4]) +
        cameBeforeNone(r)
          .map((line) => `<p class="lead">${escapeHtml(line)}</p>`)
          .join(''),
    ),
    section(
      'each-referral',
      'Each referral, and closing the loop',
      'The thank-yous, gifts and updates each referrer had, from history and the referral’s own record, newest first.',
      table(EACH_REFERRAL_HEADERS, eachReferralRows(r)),
    ),
    section(
      'overdue',
      'Overdue contacts',
      `${overdueLead(r, (name) => name)} Most overdue first.`,
      table(
        ['Contact', 'Segment', 'Tier', 'Last touch', 'Days', 'Max gap'],
        r.overdue.map((o) => [o.name, o.segment, o.tier, o.last ?? 'never', o.days ?? '–', o.maxGap]),
        [4, 5],
      ),
    ),
    ...(r.cameBack.length
      ? [section('came-back', 'Emails that came back', cameBackLead, table(['Day', 'Contact', 'What came back'], cameBackRows(r)))]
      : []),
    section(
      'channels',
      'Touches by channel',
      'Each touch that reached someone: emails sent, and calls, texts, cards, gifts and events done.',
      barChart(
        'chart-channels',
        'Touches by channel',
        r.channels.map((c) => ({ label: c.channel, value: c.count })),
        { bar: colours.primary, part: colours.primary },
      ),
    ),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(`${r.business}: referral report, ${r.date}`)}</title>
<style>${css(colours)}</style>
</head>
<body>
<main>
${body}
<footer>Made by Referable from the content folder’s contacts, referrals, events and history. Keep it private: it names clients.</footer>
</main>
</body>
</html>
`;
}

function css({ primary, accent }: ReportColours): string {
  return `
:root { color-scheme: light; --primary: ${primary}; --accent: ${accent}; --ink: #1d2428; --muted: #5d6a70; --line: #e3e0da; --paper: #faf8f4; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 32px 24px 48px; }
header { border-bottom: 3px solid var(--primary); padding-bottom: 12px; margin-bottom: 24px; }
.eyebrow { margin: 0; color: var(--muted); border-left: 4px solid var(--accent); padding-left: 8px; font-size: 13px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: 4px 0 0; font-size: 30px; color: var(--primary); }
.date { margin: 2px 0 0; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin-bottom: 28px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.card p { margin: 0; }
.card .k { color: var(--muted); font-size: 14px; }
.card .v { font-size: 32px; font-weight: 700; color: var(--primary); line-height: 1.2; }
.card .n { color: var(--muted); font-size: 13px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin-bottom: 18px; }
h2 { margin: 0; font-size: 19px; }
.lead { margin: 2px 0 12px; color: var(--muted); font-size: 14px; }
.chart { display: block; margin: 4px 0 8px; }
.chart text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
.chart .axis { fill: var(--muted); font-size: 12px; }
.chart .value { font-weight: 600; }
.chart .inside { fill: #fff; font-weight: 700; }
.chart .base { stroke: var(--line); }
.chart .empty { fill: var(--line); }
table { width: 100%; border-collapse: collapse; font-size: 14px; margin-top: 8px; }
td:first-child { white-space: nowrap; }
th, td { text-align: left; padding: 7px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 13px; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.none { color: var(--muted); }
footer { color: var(--muted); font-size: 13px; margin-top: 24px; }
td, .lead, .card { overflow-wrap: anywhere; }
@media (max-width: 600px) {
  main { padding: 20px 12px 32px; }
  h1 { font-size: 24px; }
  section { padding: 14px 12px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
  .card .v { font-size: 26px; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table, tbody, tr, td { display: block; width: 100%; }
  tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  td, td:first-child, td.num { border: 0; padding: 2px 0; white-space: normal; text-align: left; }
  td:first-child { font-weight: 600; }
  td:not(:first-child)::before { content: attr(data-label) ": "; color: var(--muted); font-size: 13px; }
}
@media print { body { background: #fff; } section, .card { break-inside: avoid; } }
`;
}
