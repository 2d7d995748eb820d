/**
 * "New testimonial": words pasted from an email, a card or a review, with the consent given. Without
 * consent to publish it is kept as a draft, which is never published.
 */
import { slugify } from '../../contacts/index.ts';
import { readAnswers } from '../answers.ts';
import type { FormKind } from '../form.ts';
import { compact, freeId } from './new-contact.ts';

const KINDS = ['consumer', 'expert', 'organization'] as const;
const SCOPES = ['website', 'email', 'social'] as const;

export const newTestimonialForm: FormKind = {
  id: 'new-testimonial',
  name: 'New testimonial',
  fields: [
    { id: 'author', label: 'Their name as shown', type: 'input', required: true },
    { id: 'contact', label: 'Their contact', type: 'input' },
    { id: 'description', label: 'About them', type: 'input' },
    { id: 'kind', label: 'Kind of endorsement', type: 'dropdown', options: KINDS, required: true },
    { id: 'qualification', label: 'Qualification', type: 'input' },
    { id: 'organization', label: 'Organization', type: 'input' },
    { id: 'process', label: 'How the organization reached its view', type: 'textarea' },
    { id: 'quote', label: 'Quote', type: 'textarea', required: true },
    { id: 'words', label: 'Their words in full', type: 'textarea' },
    { id: 'date', label: 'Day they gave it', type: 'input' },
    { id: 'source', label: 'Where they gave it', type: 'input', required: true },
    { id: 'url', label: 'Link', type: 'input' },
    { id: 'scope', label: 'They agreed to have it published on', type: 'checkboxes', options: SCOPES },
    { id: 'evidence', label: 'Their consent, in their words', type: 'textarea' },
    { id: 'connection', label: 'Material connection', type: 'textarea' },
    { id: 'typical', label: 'Typical results', type: 'textarea' },
  ],
  toChange(values, context) {
    const a = readAnswers(newTestimonialForm, values, context);
    const author = a.required('author');
    const kind = a.required('kind');
    const date = a.day('date') ?? (a.text('date') ? undefined : context.today.toString());
    const scope = a.ticked('scope');
    const evidence = a.text('evidence');
    if (scope.length && !evidence) a.fail('evidence', 'is empty: paste what they said when they agreed, as evidence of their consent');
    if (!scope.length && evidence)
      a.fail('scope', `has nothing ticked, but "${a.label('evidence')}" is filled in: tick where they agreed it may appear`);
    const expert =
      kind === 'expert'
        ? {
            qualification:
              a.text('qualification') ?? a.fail('qualification', 'is empty: an expert endorsement shows what makes them an expert'),
          }
        : {};
    const organization =
      kind === 'organization'
        ? {
            organization: a.text('organization') ?? a.fail('organization', 'is empty: an organization endorsement names the organization'),
            process: a.text('process') ?? a.fail('process', 'is empty: an organization endorsement says how it reached its view'),
          }
        : {};
    const data = compact({
      kind,
      author: compact({ name: author, contact: a.contact('contact'), description: a.text('description') }),
      ...expert,
      ...organization,
      quote: a.required('quote'),
      date,
      source: compact({ name: a.required('source'), url: a.text('url') }),
      consent: scope.length && evidence ? { scope, date, evidence } : undefined,
      disclosures: compact({ materialConnection: a.text('connection'), typicalResults: a.text('typical') }),
      status: scope.length ? undefined : 'draft',
    });
    if (a.problems.length || !author || !date) return { ok: false, problems: a.problems };
    const id = freeId(`${slugify(author) || 'testimonial'}-${date}`, context.content.testimonials);
    const body = escapeMdx(a.text('words') ?? '');
    const draft = scope.length ? '' : ' (a draft: no consent to publish yet)';
    return {
      ok: true,
      change: {
        kind: 'files',
        create: [{ folder: 'testimonials', id, data, body, labels: LABELS }],
        edit: [],
        title: `New testimonial: ${author}${draft}`,
        summary: `a testimonial from ${author}${draft}`,
      },
    };
  },
};

/** Pasted words as MDX text: `<`, `{` and `}` would be read as code. */
function escapeMdx(text: string): string {
  return text.replace(/[<{}]/g, (c) => (c === '<' ? '&lt;' : `\\${c}`));
}

const LABELS: Record<string, string> = {
  kind: 'Kind of endorsement',
  'author.name': 'Their name as shown',
  'author.contact': 'Their contact',
  'author.description': 'About them',
  author: 'Their contact',
  qualification: 'Qualification',
  organization: 'Organization',
  process: 'How the organization reached its view',
  quote: 'Quote',
  date: 'Day they gave it',
  'source.name': 'Where they gave it',
  'source.url': 'Link',
  consent: 'They agreed to have it published on',
  'disclosures.materialConnection': 'Material connection',
  'disclosures.typicalResults': 'Typical results',
};
