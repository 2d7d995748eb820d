/**
 * Reads and compiles the MJML layouts in `emails/`, once per run. Brand colours from settings are
 * filled into the MJML before compiling (in partials too); per-recipient fields stay as markers
 * for `renderEmail` to fill.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledLayout } from '../../core/email/index.ts';
import type { Settings } from '../../core/model/index.ts';

/** A layout that could not be used, and why. Its touches are held back and reported. */
export type LayoutProblem = { file: string; message: string };

export type Brand = { primary: string; accent: string };

let compiler: ReturnType<typeof loadParts> | undefined;

/**
 * What compiling needs, loaded once, on first use rather than with this module, so that the
 * layouts' face stays light (the daily job's entry imports it to start the layout thread before
 * anything else loads). The thread calls it as it starts: MJML alone takes about 0.4 s to load.
 */
export function loadCompiler(): ReturnType<typeof loadParts> {
  compiler ??= loadParts();
  return compiler;
}

async function loadParts() {
  const [, fs, email, markup] = await Promise.all([
    import('mjml'),
    import('../fs/index.ts'),
    import('../../core/email/index.ts'),
    import('../../core/markup/index.ts'),
  ]);
  return { EMAILS_DIR: fs.EMAILS_DIR, prepareLayout: email.prepareLayout, EMAIL_FIELDS: email.EMAIL_FIELDS, htmlToText: markup.htmlToText };
}

/** Compiles one MJML source. `errors` are MJML's validation messages, which must be none. */
export async function compileMjml(source: string, file: string, emailsDir: string, brand: Brand) {
  const fillBrand = (xml: string) => xml.replaceAll('{{brand.primary}}', brand.primary).replaceAll('{{brand.accent}}', brand.accent);
  // Loaded on first use: MJML takes about 0.4 s to load, and the daily job compiles on a worker.
  const { default: mjml2html } = await import('mjml');
  const result = await mjml2html(source, {
    // No web fonts: emails make no request to other hosts.
    fonts: {},
    ignoreIncludes: false,
    includePath: emailsDir,
    filePath: file,
    actualPath: file,
    validationLevel: 'soft',
    keepComments: false,
    preprocessors: [fillBrand],
  });
  return { html: result.html, errors: result.errors.map((e) => e.formattedMessage ?? e.message) };
}

/** Compiles every layout (or only `names`) in `emailsDir`. */
export async function compileLayouts(
  settings: { business: Pick<Settings['business'], 'colours'> },
  options: { emailsDir?: string; names?: readonly string[] } = {},
): Promise<{ layouts: Map<string, CompiledLayout>; problems: LayoutProblem[] }> {
  const { EMAILS_DIR, prepareLayout, EMAIL_FIELDS, htmlToText } = await loadCompiler();
  const emailsDir = path.resolve(options.emailsDir ?? EMAILS_DIR);
  const names = options.names ?? (await readdir(emailsDir)).filter((f) => f.endsWith('.mjml')).map((f) => f.slice(0, -5));
  const layouts = new Map<string, CompiledLayout>();
  const problems: LayoutProblem[] = [];
  for (const name of [...new Set(names)].sort()) {
    const file = path.join(emailsDir, `${name}.mjml`);
    const source = await readFile(file, 'utf8').catch(() => undefined);
    if (source === undefined) {
      problems.push({ file, message: 'is missing' });
      continue;
    }
    const { html, errors } = await compileMjml(source, file, emailsDir, settings.business.colours);
    const prepared = prepareLayout(name, { html, text: htmlToText(html) }, EMAIL_FIELDS);
    const all = [...errors, ...prepared.problems];
    if (all.length) problems.push(...all.map((message) => ({ file, message })));
    else layouts.set(name, prepared.layout);
  }
  return { layouts, problems };
}
