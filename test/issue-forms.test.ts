/**
 * The issue forms' templates (`.github/ISSUE_TEMPLATE/*.yml`) and the forms `npm run from-issue`
 * reads (src/core/forms/kinds/) name the same fields: GitHub writes each label as a heading, and
 * the command knows a form by its headings.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { FORMS } from '../src/core/forms/index.ts';
import { ROOT } from './helpers/run-script.ts';

type TemplateField = {
  type: string;
  id?: string;
  attributes: { label?: string; options?: (string | { label: string })[] };
  validations?: { required?: boolean };
};
type Template = { name: string; description: string; body: TemplateField[] };

const dir = path.join(ROOT, '.github/ISSUE_TEMPLATE');
const templates = readdirSync(dir).filter((f) => f.endsWith('.yml') && f !== 'config.yml');

describe('issue form templates', () => {
  it('are one for each form', () => {
    expect(templates.toSorted()).toEqual(FORMS.map((f) => `${f.id}.yml`).toSorted());
  });

  it.each(FORMS.map((f) => [f.id, f] as const))('%s.yml asks for the fields the form reads, with the same labels', (id, form) => {
    const template = parse(readFileSync(path.join(dir, `${id}.yml`), 'utf8')) as Template;
    expect(template.name).toBe(form.name);
    expect(template.description).toBeTruthy();
    const fields = template.body
      .filter((f) => f.type !== 'markdown')
      .map((f) => ({
        id: f.id,
        label: f.attributes.label,
        type: f.type,
        ...(f.attributes.options ? { options: f.attributes.options.map((o) => (typeof o === 'string' ? o : o.label)) } : {}),
        ...(f.validations?.required ? { required: true } : {}),
      }));
    expect(fields).toEqual(form.fields.map((f) => ({ ...f, ...(f.options ? { options: [...f.options] } : {}) })));
  });

  it('give every field of a form its own label, as the body has one heading per field', () => {
    for (const form of FORMS) expect(new Set(form.fields.map((f) => f.label)).size, form.id).toBe(form.fields.length);
  });
});
