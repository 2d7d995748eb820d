import { describe, expect, it } from 'vitest';
import { PREVIEW_MARKER, previewFiles, previewIndex } from './preview-index.ts';
import type { DueTouch } from '../touches/index.ts';

const d = (text: string) => Temporal.PlainDate.from(text);
const touch = (contact: string, plan: string, step: string, date: string): DueTouch => ({
  id: `${contact}.${plan}.${step}.${date}`,
  contact,
  plan,
  step,
  channel: 'email',
  due: d(date),
  date: d(date),
  priority: 50,
  reason: 'test',
});

describe('previewIndex', () => {
  const page = previewIndex({
    business: 'Harbour & Hill',
    from: d('2026-12-01'),
    days: 14,
    emails: [{ touch: touch('ana-ruiz', 'newsletter', 'send', '2026-12-01'), name: 'Ana Ruiz', subject: 'Ana, <five> winter tips' }],
    problems: [{ touch: touch('tom-byrne', 'newsletter', 'send', '2026-12-02'), reason: 'layout emails/newsletter.mjml does not exist' }],
    notSent: { skipped: 3, missed: 1 },
  });

  it('links each email to its HTML and plain text, escaping what it shows', () => {
    expect(previewFiles('ana-ruiz.newsletter.send.2026-12-01')).toEqual({
      html: 'ana-ruiz.newsletter.send.2026-12-01.html',
      text: 'ana-ruiz.newsletter.send.2026-12-01.txt',
    });
    expect(page).toContain(PREVIEW_MARKER);
    expect(page).toContain('<title>Harbour &amp; Hill: emails due from 2026-12-01 to 2026-12-14</title>');
    expect(page).toContain(
      '<tr><td>2026-12-01</td><td>Ana Ruiz <small>ana-ruiz</small></td><td>newsletter / send</td><td><a href="ana-ruiz.newsletter.send.2026-12-01.html">Ana, &lt;five&gt; winter tips</a></td><td><a href="ana-ruiz.newsletter.send.2026-12-01.txt">text</a></td></tr>',
    );
  });

  it('lists the emails that could not be rendered, and counts what the plan left out', () => {
    expect(page).toContain('<li><code>tom-byrne.newsletter.send.2026-12-02</code>: layout emails/newsletter.mjml does not exist</li>');
    expect(page).toContain('1 email rendered, 1 email could not be rendered; 3 skipped and 1 missed by the plan are not shown');
  });

  it('says when no email is due, and names a single day', () => {
    const empty = previewIndex({
      business: 'H',
      from: d('2026-12-01'),
      days: 1,
      emails: [],
      problems: [],
      notSent: { skipped: 0, missed: 0 },
    });
    expect(empty).toContain('<h1>H: emails due on 2026-12-01</h1>');
    expect(empty).toContain('<p>No emails are due.</p>');
    expect(empty).not.toContain('Could not be rendered');
  });
});
