import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { EMAIL_FIELDS, EMAIL_KINDS } from '../src/core/email/index.ts';

describe('email kinds', () => {
  it.each(EMAIL_KINDS.map((kind) => [kind.layout, kind]))('%s lists the fields its layout file uses', async (layout, kind) => {
    const mjml = await readFile(new URL(`../emails/${layout}.mjml`, import.meta.url), 'utf8');
    const used = [...new Set([...mjml.matchAll(/\{\{\{?([A-Za-z]+)\}?\}\}/g)].map((m) => m[1]))].sort();
    expect(used).toEqual([...kind.fields].sort());
    expect(used.filter((field) => !EMAIL_FIELDS.has(field))).toEqual([]);
  });
});
