/**
 * The index page of an email preview folder: every email due in the range, by day, with links to
 * its HTML and plain-text renderings, and the emails that could not be rendered with the reason.
 * Pure: rows in, one HTML page out. The page loads nothing from other hosts.
 */
import { escapeHtml } from '../email/index.ts';
import type { DueTouch } from '../touches/index.ts';
import { countOf, groupThousands } from '../problems/index.ts';

/** Marks a folder as a preview Referable wrote, so a later preview may replace it. */
export const PREVIEW_MARKER = '<meta name="generator" content="Referable email preview">';

/** One rendered email: its files are `<touch id>.html` and `<touch id>.txt`. */
export type PreviewEntry = { touch: DueTouch; name: string; subject: string };

/** A due email that could not be rendered, and why. */
export type PreviewProblem = { touch: DueTouch; reason: string };

export type PreviewIndexInput = {
  business: string;
  from: Temporal.PlainDate;
  days: number;
  emails: readonly PreviewEntry[];
  problems: readonly PreviewProblem[];
  /** Email touches the planner skipped or found missed: counted, not rendered. */
  notSent: { skipped: number; missed: number };
};

/** The file names of a touch's preview, without a folder. */
export function previewFiles(touchId: string): { html: string; text: string } {
  return { html: `${touchId}.html`, text: `${touchId}.txt` };
}

const href = (file: string) => escapeHtml(encodeURIComponent(file));

/** The index page, `index.html` of the preview folder. */
export function previewIndex(input: PreviewIndexInput): string {
  const { from, days, emails, problems } = input;
  const to = from.add({ days: days - 1 });
  const range = days === 1 ? `due on ${from}` : `due from ${from} to ${to}`;
  const title = `${input.business}: emails ${range}`;
  const rows = emails.map(({ touch, name, subject }) => {
    const files = previewFiles(touch.id);
    return `<tr><td>${touch.date}</td><td>${escapeHtml(name)} <small>${escapeHtml(touch.contact)}</small></td><td>${escapeHtml(touch.plan)} / ${escapeHtml(touch.step)}</td><td><a href="${href(files.html)}">${escapeHtml(subject)}</a></td><td><a href="${href(files.text)}">text</a></td></tr>`;
  });
  const held = problems.map(({ touch, reason }) => `<li><code>${escapeHtml(touch.id)}</code>: ${escapeHtml(reason)}</li>`);
  const { skipped, missed } = input.notSent;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${PREVIEW_MARKER}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
small { color: #666; }
.problems { color: #8a1c1c; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>Nothing was sent and no history was written. ${countOf(emails.length, 'email')} rendered${problems.length ? `, ${countOf(problems.length, 'email')} could not be rendered` : ''}; ${groupThousands(skipped)} skipped and ${groupThousands(missed)} missed by the plan are not shown (see <code>npm run plan</code>).</p>
${problems.length ? `<h2 class="problems">Could not be rendered</h2>\n<ul class="problems">\n${held.join('\n')}\n</ul>\n` : ''}${
  emails.length
    ? `<table>\n<thead><tr><th>date</th><th>contact</th><th>plan / step</th><th>subject</th><th>plain text</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
    : '<p>No emails are due.</p>'
}
</body>
</html>
`;
}
