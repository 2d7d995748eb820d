import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../email/index.ts';
import { mdxToEmailHtml } from './mdx-html.ts';

const palette = { primary: '#1f4e5f', accent: '#c8553d' };

describe('mdxToEmailHtml', () => {
  it('turns markdown into inline-styled HTML and leaves MDX code, raw HTML and unsafe links out', () => {
    const body = [
      "import Note from '../components/Note.astro'",
      '',
      '## Bleed the radiators',
      '',
      'Takes **five minutes**, see [the guide](https://example.org/guide).',
      '',
      '<Note>Turn the heating off first.</Note>',
      '',
      '- one',
      '',
      '![A radiator key](https://example.org/key.png) ![local](./key.png)',
      '',
      '[bad](javascript:alert(1)) and {1 + 1}',
    ].join('\n');
    expect(mdxToEmailHtml(body, palette)).toMatchInlineSnapshot(`
      "<h2 style="font-size:20px;line-height:1.3;margin:8px 0 8px;color:#1f4e5f">Bleed the radiators</h2>
      <p style="margin:0 0 12px">Takes <strong>five minutes</strong>, see <a href="https://example.org/guide" style="color:#1f4e5f;word-break:break-word">the guide</a>.</p>
      <p style="margin:0 0 12px">Turn the heating off first.</p>
      <ul style="margin:0 0 12px;padding-left:22px">
      <li style="margin:0 0 6px">one</li>
      </ul>
      <p style="margin:0 0 12px"><img src="https://example.org/key.png" alt="A radiator key" style="max-width:100%;height:auto;border:0"> local</p>
      <p style="margin:0 0 12px">bad and </p>"
    `);
  });

  it("reads a path from the site's root as the site's own page or image, under its base path", () => {
    const body = 'See [our results](/results/).\n\n![The boiler](/images/boiler.jpg) ![elsewhere](//cdn.example/x.png)';
    const html = mdxToEmailHtml(body, palette, 'https://owner.github.io/referable');
    expect(html).toContain('<a href="https://owner.github.io/referable/results/"');
    expect(html).toContain('<img src="https://owner.github.io/referable/images/boiler.jpg" alt="The boiler"');
    // A protocol-relative address is no path of the site, and no https address either.
    expect(html).toContain('> elsewhere</p>');
  });

  it('escapes text, including quotes in attributes', () => {
    expect(mdxToEmailHtml('[x](https://e.org/?a=1&b="2")', palette)).toContain('href="https://e.org/?a=1&amp;b=%222%22"');
    expect(escapeHtml(`<a href="x">Tom & 'Ana'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Ana&#39;&lt;/a&gt;');
  });
});
