/**
 * What the owner reads on the issue: the problems with a form, field by field, or where the change
 * went. Also the check's problems with the files a change wrote, told by the form's labels. Pure.
 */
import type { Problem } from '../problems/index.ts';
import type { FileEdit, FormProblem, NewFile } from './form.ts';

/** A new or edited file's path inside the content folder: `contacts/ana-ruiz.yaml`. */
export function contentPath(file: Pick<NewFile, 'folder' | 'id'>): string {
  return `${file.folder}/${file.id}.${file.folder === 'testimonials' ? 'mdx' : 'yaml'}`;
}

/**
 * The check's problems with the files a change wrote, under the label of the field each came
 * from. `problems` name files as `<content folder>/<folder>/<id>.<ext>`.
 */
export function problemsOfChange(problems: readonly Problem[], files: readonly (NewFile | FileEdit)[]): FormProblem[] {
  return problems.flatMap((p) => {
    const file = files.find((f) => p.file.endsWith(`/${contentPath(f)}`) || p.file === contentPath(f));
    if (!file) return [];
    const path = p.field
      .replace(/\[\d+\]/g, '')
      .split('.')
      .filter(Boolean);
    for (let n = path.length; n >= 0; n--) {
      const label = file.labels[path.slice(0, n).join('.')];
      if (label) return [{ field: label, message: n === path.length || !p.field ? p.message : `${p.field}: ${p.message}` }];
    }
    return [{ field: contentPath(file), message: `${p.field ? `${p.field}: ` : ''}${p.message}` }];
  });
}

/** The comment on an issue whose form has problems. */
export function problemsComment(problems: readonly FormProblem[]): string {
  const lines = problems.map((p) => `- **${p.field}**: ${p.message}`);
  const answers = new Set(problems.map((p) => p.field)).size;
  return [
    `Nothing was changed: ${answers === 1 ? 'one answer needs' : `${answers} answers need`} correcting.`,
    '',
    ...lines,
    '',
    'Open the form again with these corrected. This issue stays open so you can copy what you wrote; close it when you are done.',
  ].join('\n');
}

/** The paragraph after a pull request's or comment's first that lists what the change left out, or ''. */
export function leftOutNote(leftOut: readonly string[] = []): string {
  if (!leftOut.length) return '';
  return ['', '', 'Left out, so that the rest could be imported:', '', ...leftOut.map((line) => `- ${line}`)].join('\n');
}

/** The comment on an issue whose change was made: what it was, where it went, and what it left out. */
export function doneComment(
  summary: string,
  where: { pullRequest: string } | { commit: string } | { already: string },
  leftOut?: readonly string[],
): string {
  if ('pullRequest' in where)
    return `Ready in ${where.pullRequest}: ${summary}. \`npm run check\` found no problems with it; merge it to keep it.${leftOutNote(leftOut)}`;
  if ('commit' in where) return `Logged ${summary} in the history (${where.commit}). It counts as a touch.`;
  return `Already logged: ${summary} (${where.already}). A channel counts once a day; nothing was written.`;
}
