/**
 * Reading a form's answers: text, lists, ticked boxes, days in the business's order, contacts by
 * file name or by name, and email addresses. Each reader notes what is wrong under the field's
 * label and gives undefined, so a form reports every problem at once. Pure.
 */
import { readDay } from '../import/index.ts';
import { EmailSchema, type Content } from '../model/index.ts';
import type { FormContext, FormKind, FormProblem, FormValues } from './form.ts';

export type Answers = ReturnType<typeof readAnswers>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-04-03` → `3 April 2026`. */
export function spellDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function readAnswers(kind: FormKind, values: FormValues, context: FormContext) {
  const problems: FormProblem[] = [];
  const label = (id: string): string => {
    const field = kind.fields.find((f) => f.id === id);
    if (!field) throw new Error(`form ${kind.id} has no field ${id}`);
    return field.label;
  };
  const order = (field: string) => kind.fields.findIndex((f) => f.label === field);
  // Problems are kept in the form's order, as the owner reads it.
  const fail = (id: string, message: string): undefined => {
    const at = problems.findIndex((p) => order(p.field) > order(label(id)));
    problems.splice(at < 0 ? problems.length : at, 0, { field: label(id), message });
    return undefined;
  };
  const text = (id: string): string | undefined => {
    label(id);
    const value = values[id];
    const trimmed = typeof value === 'string' ? value.trim() : undefined;
    return trimmed ? trimmed : undefined;
  };
  // A dropdown answers with one of its choices, unless the body was edited by hand.
  for (const field of kind.fields) {
    const value = values[field.id];
    if (field.type === 'dropdown' && typeof value === 'string' && value.trim() && !field.options?.includes(value.trim()))
      fail(field.id, `"${value.trim()}" is not one of the choices: ${field.options?.join(', ')}`);
  }
  const required = (id: string): string | undefined => text(id) ?? fail(id, 'is empty: it is needed');
  /** The text, and a problem when a field the template requires is empty (GitHub checks, but a body can be edited). */
  const given = (id: string): string | undefined => (kind.fields.find((f) => f.id === id)?.required ? required(id) : text(id));
  return {
    problems,
    label,
    fail,
    text,
    required,
    /** The ticked boxes. */
    ticked: (id: string): string[] => {
      label(id);
      const value = values[id];
      return Array.isArray(value) ? value : [];
    },
    /** Words separated by commas or lines: `golf, school` → `['golf', 'school']`. */
    list: (id: string): string[] =>
      (text(id) ?? '')
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    /** A day as YYYY-MM-DD, from YYYY-MM-DD or the business's own order; never after today unless `future`. */
    day: (id: string, options: { birthday?: boolean; future?: boolean } = {}): string | undefined => {
      const value = text(id);
      if (value === undefined) return undefined;
      const read = readDay(value, context.dateOrder, options.birthday ?? false);
      if ('ambiguous' in read) {
        const [a, b] = read.ambiguous;
        return fail(
          id,
          `"${value}" could be ${spellDay(a)} or ${spellDay(b)}: write it as YYYY-MM-DD, or set site.locale or dateOrder in settings.yaml`,
        );
      }
      if (!('day' in read)) return fail(id, `"${value}" is not a day: write it as YYYY-MM-DD, like ${context.today}`);
      if (!options.future && read.day.length === 10 && read.day > context.today.toString())
        return fail(id, `${spellDay(read.day)} is after today (${spellDay(context.today.toString())})`);
      return read.day;
    },
    /** A contact named by file name (`ana-ruiz`) or by name (`Ana Ruiz`). */
    contact: (id: string): string | undefined => {
      const value = given(id);
      return value === undefined ? undefined : findContact(value, context.content, (message) => fail(id, message));
    },
    email: (id: string): string | undefined => {
      const value = text(id);
      if (value === undefined) return undefined;
      const parsed = EmailSchema.safeParse(value);
      return parsed.success ? parsed.data : fail(id, `"${value}" is not an email address`);
    },
  };
}

/** The id of the contact `value` names: a file name, or a name only one contact has. */
export function findContact(value: string, content: Content, fail: (message: string) => undefined): string | undefined {
  const wanted = value.replace(/\.ya?ml$/, '').trim();
  if (content.contacts.some((c) => c.id === wanted)) return wanted;
  const name = wanted.replace(/\s+/g, ' ').toLowerCase();
  const named = content.contacts.filter((c) => c.data.name.replace(/\s+/g, ' ').toLowerCase() === name);
  if (named.length === 1) return named[0].id;
  if (named.length > 1)
    return fail(`${named.length} contacts are called ${value} (${named.map((c) => c.id).join(', ')}): write the one you mean`);
  return fail(`no contact is called "${value}": write their name as in their contact file, or the file's name, like ana-ruiz`);
}
