import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/problems/index.ts';
import { asContentProblems, compileLayouts, problemsByLayout } from './layouts-fs.ts';

const colours = { business: { colours: { primary: '#264653', accent: '#b5562f' } } };

describe('a layout MJML refuses', () => {
  it('is a problem at its file, line and element, named from the project folder, and holds back that layout alone', async () => {
    const compiled = await compileLayouts(colours, { emailsDir: 'test/fixtures/layouts', names: ['misspelt', 'gone'] });
    expect(compiled.layouts.size).toBe(0);
    expect(compiled.problems).toEqual([
      { file: 'test/fixtures/layouts/gone.mjml', message: 'is missing' },
      {
        file: 'test/fixtures/layouts/misspelt.mjml',
        line: 9,
        element: 'mj-txt',
        message: "Element mj-txt doesn't exist or is not registered",
      },
    ]);
    expect(problemsByLayout(compiled.problems)).toEqual(
      new Map([
        ['gone', 'is missing'],
        ['misspelt', "line 9 (mj-txt): Element mj-txt doesn't exist or is not registered"],
      ]),
    );
    expect(asContentProblems(compiled.problems).map(formatProblem)).toEqual([
      'test/fixtures/layouts/gone.mjml is missing\n  Fix the layout; its emails are held back until then.',
      "test/fixtures/layouts/misspelt.mjml:9:1 mj-txt: Element mj-txt doesn't exist or is not registered\n  Fix the layout; its emails are held back until then.",
    ]);
  });

  it("names a partial's problem as MJML does, both files from the project folder", async () => {
    const compiled = await compileLayouts(colours, { emailsDir: 'test/fixtures/layouts', names: ['with-partial'] });
    expect(compiled.problems).toEqual([
      {
        file: 'test/fixtures/layouts/with-partial.mjml',
        message:
          "Line 3 of test/fixtures/layouts/partials/sign-off.mjml, included at line 8 of file test/fixtures/layouts/with-partial.mjml (mj-txt) — Element mj-txt doesn't exist or is not registered",
      },
    ]);
  });
});
