/**
 * The body GitHub writes for an issue opened from a form: each field's label as a `### ` heading,
 * then the answer; `_No response_` for a field left empty; `- [X] ` before each ticked box; a
 * textarea with `render:` inside a code fence. Pure.
 */
import type { FormField, FormKind, FormValues } from './form.ts';

const NO_RESPONSE = '_No response_';

/** The headings of `body` and the text under each, in order. */
function sections(body: string): { label: string; text: string }[] {
  const found: { label: string; text: string }[] = [];
  for (const part of body.replace(/\r\n?/g, '\n').split(/^### /m).slice(1)) {
    const newline = part.indexOf('\n');
    const label = (newline < 0 ? part : part.slice(0, newline)).trim();
    const text = newline < 0 ? '' : part.slice(newline + 1).trim();
    found.push({ label, text: text === NO_RESPONSE ? '' : text });
  }
  return found;
}

function answer(field: FormField, text: string): string | string[] {
  if (field.type === 'checkboxes') {
    return [...text.matchAll(/^- \[[xX]\] (.+)$/gm)].map((m) => m[1].trim());
  }
  // A textarea with `render:` is fenced: the owner's text is inside.
  const fenced = /^```[\w-]*\n([\s\S]*?)\n?```$/.exec(text);
  return fenced ? fenced[1].trim() : text;
}

/**
 * The form `body` was written from, and its answers; undefined when the body is not one of
 * `forms` (an issue opened blank, or a task issue). A form is known by its headings, in order.
 */
export function readIssueForm(
  body: string | null | undefined,
  forms: readonly FormKind[],
): { form: FormKind; values: FormValues } | undefined {
  const found = sections(body ?? '');
  const form = forms.find((f) => f.fields.length === found.length && f.fields.every((field, i) => field.label === found[i].label));
  if (!form) return undefined;
  return { form, values: Object.fromEntries(form.fields.map((field, i) => [field.id, answer(field, found[i].text)])) };
}

/** The `author_association`s whose issues may change the content: the owner, members and collaborators. */
const TRUSTED = ['OWNER', 'MEMBER', 'COLLABORATOR'];

/** True when an issue's author may change the content through a form. */
export function mayChangeContent(authorAssociation: string): boolean {
  return TRUSTED.includes(authorAssociation);
}
