/** "New contact": one person, with where they stand and, when they agreed to it, consent to email. */
import { slugify } from '../../contacts/index.ts';
import { SEGMENTS, TIERS } from '../../model/index.ts';
import { readAnswers, type Answers } from '../answers.ts';
import type { FormContext, FormKind, NewFile } from '../form.ts';

const EMAIL_CONSENT = 'They agreed to receive email from us';

export const newContactForm: FormKind = {
  id: 'new-contact',
  name: 'New contact',
  fields: [
    { id: 'name', label: 'Name', type: 'input', required: true },
    { id: 'email', label: 'Email', type: 'input' },
    { id: 'phone', label: 'Phone', type: 'input' },
    { id: 'segment', label: 'Segment', type: 'dropdown', options: SEGMENTS, required: true },
    { id: 'tier', label: 'Tier', type: 'dropdown', options: TIERS },
    { id: 'area', label: 'Area', type: 'input' },
    { id: 'tags', label: 'Tags', type: 'input' },
    { id: 'birthday', label: 'Birthday', type: 'input' },
    { id: 'client-since', label: 'Client since', type: 'input' },
    { id: 'referred-by', label: 'Referred by', type: 'input' },
    { id: 'consent', label: 'Consent to email', type: 'checkboxes', options: [EMAIL_CONSENT] },
    { id: 'consent-source', label: 'How they agreed', type: 'textarea' },
    { id: 'notes', label: 'Notes', type: 'textarea' },
  ],
  toChange(values, context) {
    const a = readAnswers(newContactForm, values, context);
    const data = {
      name: a.required('name'),
      emails: [a.email('email')].filter(Boolean),
      phone: a.text('phone'),
      segment: a.required('segment'),
      tier: a.text('tier'),
      area: a.text('area'),
      tags: a.list('tags').map(slugify).filter(Boolean),
      dates: compact({ birthday: a.day('birthday', { birthday: true }), clientSince: a.day('client-since', { future: true }) }),
      consent: compact({ email: emailConsent(a, context) }),
      referredBy: a.contact('referred-by'),
      notes: a.text('notes'),
    };
    if (a.problems.length || !data.name) return { ok: false, problems: a.problems };
    const file = newContactFile(data.name, compact(data), context, LABELS);
    return {
      ok: true,
      change: { kind: 'files', create: [file], edit: [], title: `New contact: ${data.name}`, summary: `a new contact, ${data.name}` },
    };
  },
};

/** Where each key of the new file came from. */
const LABELS: Record<string, string> = {
  name: 'Name',
  emails: 'Email',
  phone: 'Phone',
  segment: 'Segment',
  tier: 'Tier',
  area: 'Area',
  tags: 'Tags',
  'dates.birthday': 'Birthday',
  'dates.clientSince': 'Client since',
  consent: 'How they agreed',
  referredBy: 'Referred by',
  notes: 'Notes',
};

/** Consent to email, when the box is ticked: who said so is the issue, how is in their words. */
function emailConsent(a: Answers, context: FormContext) {
  const source = a.text('consent-source');
  if (!a.ticked('consent').length) {
    if (source) a.fail('consent', `is not ticked, but "${a.label('consent-source')}" says how they agreed: tick it if they did`);
    return undefined;
  }
  if (!source) return a.fail('consent-source', 'is empty: say how and where they agreed, as evidence of their consent');
  return { basis: 'consent', source, date: context.today.toString(), evidence: `GitHub issue #${context.issue.number}` };
}

/** A new contact file under a free id made from the name. */
export function newContactFile(name: string, data: Record<string, unknown>, context: FormContext, labels: Record<string, string>): NewFile {
  return { folder: 'contacts', id: freeId(slugify(name) || 'contact', context.content.contacts), data, labels };
}

/** `base`, or `base-2`, `base-3`… when a record has it. */
export function freeId(base: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((t) => t.id));
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The object without its undefined values and empty objects and lists: a file holds what was said. */
export function compact<T extends Record<string, unknown>>(data: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(data).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length) && !(isObject(v) && !Object.keys(v).length)),
  ) as Partial<T>;
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
