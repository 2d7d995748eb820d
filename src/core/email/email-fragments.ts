/**
 * The blocks of content an email carries beside its message: results, a featured testimonial,
 * the recap of a job, a referral's progress. Each is built as HTML and plain text from the same
 * data, so the text part says what the HTML says.
 */
import { elementStyles, escapeHtml, type Palette } from './email-html.ts';
import type { Fragment } from './render-email.ts';
import type { Referral, Result, Testimonial } from '../model/index.ts';

export const EMPTY: Fragment = { html: '', text: '' };

/** Paragraphs of plain text (split at blank lines) as a fragment. */
export function paragraphs(text: string, palette: Palette): Fragment {
  const paras = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  const style = elementStyles(palette).p;
  return {
    html: paras.map((p) => `<p style="${style}">${escapeHtml(p)}</p>`).join(''),
    text: paras.length ? `${paras.join('\n\n')}\n\n` : '',
  };
}

/** Joins fragments in order. */
function join(...fragments: Fragment[]): Fragment {
  return { html: fragments.map((f) => f.html).join(''), text: fragments.map((f) => f.text).join('') };
}

function heading(text: string, palette: Palette): Fragment {
  return { html: `<h2 style="${elementStyles(palette).h2}">${escapeHtml(text)}</h2>`, text: `${text}\n\n` };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "March 2026", as `toLocaleString('en', { month: 'long', year: 'numeric' })` writes it, without
 * loading ICU's date formats (some 15 ms of a command's start) for three words.
 */
function monthYear(date: string): string {
  const day = Temporal.PlainDate.from(date);
  return `${MONTHS[day.month - 1]} ${day.year}`;
}

/** Whether a result's client may be named in email. */
function clientShown(result: Result): string | undefined {
  const client = result.client;
  return client?.consent?.scope.includes('email') ? client.display : undefined;
}

function figures(result: Result, palette: Palette): Fragment {
  if (!result.figures.length) return EMPTY;
  const s = elementStyles(palette);
  const rows = result.figures
    // A fixed label width lines the figures of every result up in one column.
    .map(
      (f) =>
        `<tr><td style="${s.td};width:60%">${escapeHtml(f.label)}</td><td style="${s.td}"><strong>${escapeHtml(f.value)}</strong></td></tr>`,
    )
    .join('');
  return {
    html: `<table class="figures" role="presentation" style="${s.table}">${rows}</table>`,
    text: `${result.figures.map((f) => `${f.label}: ${f.value}`).join('\n')}\n\n`,
  };
}

function resultBlock(result: Result, palette: Palette): Fragment {
  const s = elementStyles(palette);
  const who = clientShown(result);
  const meta = [monthYear(result.date), result.area, who].filter(Boolean).join(' · ');
  return join(
    {
      html: `<h3 style="${s.h3}">${escapeHtml(result.title)}</h3><p style="${s.p}"><span style="font-size:13px;color:#555555">${escapeHtml(meta)}</span><br>${escapeHtml(result.summary)}</p>`,
      text: `${result.title}\n${meta}\n${result.summary}\n\n`,
    },
    figures(result, palette),
  );
}

/** "Recent results": the latest records of success. */
export function resultsBlock(results: readonly Result[], palette: Palette): Fragment {
  if (!results.length) return EMPTY;
  return join(heading('Recent results', palette), ...results.map((r) => resultBlock(r, palette)));
}

/** One result near the contact, introduced as such. */
export function nearbyBlock(result: Result | undefined, area: string, palette: Palette): Fragment {
  if (!result) return EMPTY;
  const s = elementStyles(palette);
  const lead = `Near you in ${area}`;
  return {
    html: `<p style="${s.p};background-color:#f5f3ef;padding:12px 14px"><strong>${escapeHtml(lead)}:</strong> ${escapeHtml(result.title)}. ${escapeHtml(result.summary)}</p>`,
    text: `${lead}: ${result.title}. ${result.summary}\n\n`,
  };
}

/** Who is speaking, as the endorsement kind requires: an expert's qualification, an organization's process. */
function attribution(t: Testimonial): string {
  const parts = [t.author.name];
  if (t.kind === 'expert') parts.push(t.qualification);
  else if (t.kind === 'organization') parts.push(t.organization);
  if (t.author.description) parts.push(t.author.description);
  return parts.join(', ');
}

/** Disclosures shown beside an endorsement (FTC Endorsement Guides, SEC Marketing Rule). */
function disclosures(t: Testimonial): string[] {
  const out: string[] = [];
  if (t.kind === 'organization') out.push(`How this view was reached: ${t.process}.`);
  if (t.disclosures.materialConnection) out.push(t.disclosures.materialConnection);
  if (t.disclosures.typicalResults) out.push(t.disclosures.typicalResults);
  return out;
}

/** The featured testimonial with its attribution and disclosures. */
export function testimonialBlock(t: Testimonial | undefined, palette: Palette): Fragment {
  if (!t) return EMPTY;
  const s = elementStyles(palette);
  const notes = disclosures(t);
  const who = attribution(t);
  return join(heading('In their words', palette), {
    html:
      `<blockquote style="${s.blockquote}"><p style="${s.p};font-size:17px">“${escapeHtml(t.quote)}”</p>` +
      `<p style="${s.p}">— ${escapeHtml(who)}</p></blockquote>` +
      notes.map((n) => `<p style="${s.p};font-size:13px;color:#555555;font-style:italic">${escapeHtml(n)}</p>`).join(''),
    text: `“${t.quote}”\n— ${who}\n\n${notes.map((n) => `${n}\n`).join('')}${notes.length ? '\n' : ''}`,
  });
}

/** The record of one job for its client: figures and what went beyond the brief. */
export function recapBlock(result: Result | undefined, palette: Palette): Fragment {
  if (!result) return EMPTY;
  const s = elementStyles(palette);
  const beyond = result.aboveAndBeyond;
  return join(
    {
      html: `<h3 style="${s.h3}">${escapeHtml(result.title)}</h3><p style="${s.p}">${escapeHtml(result.summary)}</p>`,
      text: `${result.title}\n${result.summary}\n\n`,
    },
    figures(result, palette),
    beyond.length
      ? {
          html:
            `<p style="${s.p}"><strong>Beyond the brief</strong></p><ul style="${s.ul}">` +
            beyond.map((b) => `<li style="${s.li}">${escapeHtml(b)}</li>`).join('') +
            '</ul>',
          text: `Beyond the brief:\n${beyond.map((b) => `- ${b}`).join('\n')}\n\n`,
        }
      : EMPTY,
  );
}

const STATUS_LINES: Record<Referral['status'][number]['status'], string> = {
  introduced: 'We are in touch with {name} and will look after them.',
  met: 'We have met {name}, and it went well.',
  client: '{name} is now a client of ours.',
  'not-a-fit': 'We were not the right fit for {name} this time, and we told them so honestly.',
};

/** How the referral stands now, in a line or two. */
export function referralBlock(referral: Referral | undefined, referredName: string, palette: Palette): Fragment {
  if (!referral) return EMPTY;
  const status = referral.status.at(-1);
  const update = referral.updates.at(-1);
  const lines = [status ? STATUS_LINES[status.status].replace('{name}', referredName) : '', status?.note ?? '', update?.note ?? '']
    .filter(Boolean)
    .join(' ');
  return paragraphs(lines, palette);
}

/** The business's Google review page, offered beside a reply: a line, or nothing without one. */
export function reviewLinkBlock(url: string | undefined, palette: Palette): Fragment {
  if (!url) return EMPTY;
  const s = elementStyles(palette);
  return {
    html: `<p style="${s.p}">If you would rather, you can also <a href="${escapeHtml(url)}" style="${s.a}">leave a review on Google</a>.</p>`,
    text: `If you would rather, you can also leave a review on Google: ${url}\n\n`,
  };
}
