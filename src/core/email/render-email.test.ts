import { describe, expect, it } from 'vitest';
import { htmlToText } from '../markup/index.ts';
import { fillText, prepareLayout, renderEmail } from './render-email.ts';

const known = new Set(['firstName', 'body', 'unsubscribeUrl']);
const html =
  '<html><body><div style="display:none">{{ firstName }} preview</div><div>Hi {{firstName}},</div>' +
  '<div>{{{body}}}</div><div><a href="{{unsubscribeUrl}}">Unsubscribe</a></div></body></html>';

/** A layout as the layouts adapter prepares it: its HTML, and the text made from that HTML. */
const prepare = (source: string) => prepareLayout('t', { html: source, text: htmlToText(source) }, known);

describe('prepareLayout and renderEmail', () => {
  it('fills escaped text and trusted fragments into HTML and plain text', () => {
    const { layout, problems } = prepare(html);
    expect(problems).toEqual([]);
    expect(layout.fields).toEqual(['firstName', 'body', 'unsubscribeUrl']);
    const out = renderEmail(layout, {
      firstName: 'Ana <b>{{x}}</b> & "Luis"',
      body: { html: '<p>Advice</p>', text: 'Advice\n\n' },
      unsubscribeUrl: 'https://e.org/u?contact=ana&x=1',
    });
    expect(out.html).toBe(
      '<html><body><div style="display:none">Ana &lt;b&gt;&#123;&#123;x&#125;&#125;&lt;/b&gt; &amp; &quot;Luis&quot; preview</div>' +
        '<div>Hi Ana &lt;b&gt;&#123;&#123;x&#125;&#125;&lt;/b&gt; &amp; &quot;Luis&quot;,</div><div><p>Advice</p></div>' +
        '<div><a href="https://e.org/u?contact=ana&amp;x=1">Unsubscribe</a></div></body></html>',
    );
    expect(out.text).toBe('Hi Ana <b>{{x}}</b> & "Luis",\n\nAdvice\n\nUnsubscribe [https://e.org/u?contact=ana&x=1]\n');
  });

  it('reports fields no email fills and stray braces, as problems the owner can fix', () => {
    expect(prepare('<div>{{nickname}} {{{body}}} {{ broken</div>').problems).toEqual([
      'uses the field "nickname", which no email fills',
      'has a "{{" that is not a field like {{firstName}}',
    ]);
  });

  it('throws on a field without a value: the personalizer fills every known field', () => {
    const { layout } = prepare(html);
    expect(() => renderEmail(layout, { firstName: 'Ana' })).toThrow('Layout field "body" has no value');
  });
});

describe('fillText', () => {
  it('fills a subject line and removes line breaks that could start a new header', () => {
    expect(fillText('Thank you, {{firstName}}\r\nBcc: x@y', { firstName: 'Ana\nBcc: evil@example.com' })).toBe(
      'Thank you, Ana Bcc: evil@example.com Bcc: x@y',
    );
    expect(fillText('Hello {{unknown}}', {})).toBe('Hello {{unknown}}');
  });
});
