/**
 * Reads and compiles the MJML layouts in `emails/`, once per run. Brand colours from settings are
 * filled into the MJML before compiling (in partials too); per-recipient fields stay as markers
 * for `renderEmail` to fill.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledLayout } from '../../core/email/index.ts';
import type { Settings } from '../../core/model/index.ts';
import type { Problem } from '../../core/problems/index.ts';

/**
 * A layout that could not be used, and why: at a line of its own and an element, when MJML says
 * so (a partial's problem names the partial in its message). Its touches are held back and reported.
 */
export type LayoutProblem = { file: string; line?: number; element?: string; message: string };

type MjmlProblem = Omit<LayoutProblem, 'file'>;

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

/**
 * Compiles one MJML source. `errors` are MJML's validation messages, which must be none: one about
 * the file itself with its line and element apart, one about a partial as MJML writes it.
 */
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
  const errors = result.errors.map((e): MjmlProblem => {
    const own = e.formattedMessage?.startsWith(`Line ${e.line} of ${file} (`);
    return own ? { line: e.line, element: e.tagName, message: e.message } : { message: e.formattedMessage ?? e.message };
  });
  return { html: result.html, errors };
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
  // Named from the project's folder, as content problems are (and GitHub annotations need); MJML's
  // own messages name the file (a partial's, too) by its full path.
  const shownDir = shownFolder(emailsDir);
  const shown = (message: string) => message.replaceAll(`${emailsDir}${path.sep}`, shownDir);
  for (const name of [...new Set(names)].sort()) {
    const file = path.join(emailsDir, `${name}.mjml`);
    const source = await readFile(file, 'utf8').catch(() => undefined);
    if (source === undefined) {
      problems.push({ file: shown(file), message: 'is missing' });
      continue;
    }
    const { html, errors } = await compileMjml(source, file, emailsDir, settings.business.colours);
    const prepared = prepareLayout(name, { html, text: htmlToText(html) }, EMAIL_FIELDS);
    const all = [...errors, ...prepared.problems.map((message) => ({ message }))];
    if (all.length) problems.push(...all.map((p) => ({ ...p, file: shown(file), message: shown(p.message) })));
    else layouts.set(name, prepared.layout);
  }
  return { layouts, problems };
}

/** `emails/` when the folder is inside the one the command runs in, else its full path; with a `/` at the end. */
function shownFolder(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
  return `${shown.split(path.sep).join('/')}/`;
}

/** Each layout's problem by the layout's name: its emails are held back, with this as why. */
export function problemsByLayout(problems: readonly LayoutProblem[]): Map<string, string> {
  const why = (p: LayoutProblem) => (p.line === undefined ? p.message : `line ${p.line} (${p.element}): ${p.message}`);
  return new Map(problems.map((p) => [path.basename(p.file, '.mjml'), why(p)]));
}

/** Layout problems as content problems: printed, annotated and counted like the others. */
export function asContentProblems(problems: readonly LayoutProblem[]): Problem[] {
  return problems.map((p) => ({
    code: 'Invalid',
    file: p.file,
    line: p.line ?? 0,
    column: p.line === undefined ? 0 : 1,
    field: p.element ?? '',
    message: p.message,
    hint: 'Fix the layout; its emails are held back until then.',
  }));
}
