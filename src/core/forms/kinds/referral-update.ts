/** "Referral update": how an introduction is going, and what the referrer was told. */
import type { ContactChange } from '../../import/index.ts';
import { REFERRAL_STATUSES, type Content, type Entry, type Referral } from '../../model/index.ts';
import { findContact, readAnswers, spellDay } from '../answers.ts';
import type { FormKind } from '../form.ts';
import { compact } from './new-contact.ts';

const TOLD_REFERRER = 'I told the person who made the introduction how it is going (the note says what)';

export const referralUpdateForm: FormKind = {
  id: 'referral-update',
  name: 'Referral update',
  fields: [
    { id: 'referral', label: 'Who was introduced', type: 'input', required: true },
    { id: 'status', label: 'Status', type: 'dropdown', options: REFERRAL_STATUSES },
    { id: 'date', label: 'Day', type: 'input' },
    { id: 'note', label: 'Note', type: 'textarea' },
    { id: 'told', label: 'Told the referrer', type: 'checkboxes', options: [TOLD_REFERRER] },
  ],
  toChange(values, context) {
    const a = readAnswers(referralUpdateForm, values, context);
    const named = a.required('referral');
    const referral = named === undefined ? undefined : findReferral(named, context.content, (m) => a.fail('referral', m));
    const status = a.text('status');
    const date = a.day('date') ?? (a.text('date') ? undefined : context.today.toString());
    const note = a.text('note');
    const told = a.ticked('told').length > 0;
    if (!status && !told) a.fail('status', `is empty and "${a.label('told')}" is not ticked: say what changed`);
    if (told && !note) a.fail('note', 'is empty: say what the referrer was told');
    const last = referral?.data.status.at(-1);
    if (status && last?.status === status) a.fail('status', `is "${status}" already, since ${spellDay(last.date)}`);
    if (a.problems.length || !referral || !date) return { ok: false, problems: a.problems };
    const changes: ContactChange[] = [];
    if (status) changes.push({ path: ['status'], value: compact({ status, date, note }), append: true });
    if (told) changes.push({ path: ['updates'], value: { date, note }, append: true });
    const who = (id: string) => context.content.contacts.find((c) => c.id === id)?.data.name ?? id;
    const what = [status && `now ${status}`, told && 'the referrer was told'].filter(Boolean).join('; ');
    return {
      ok: true,
      change: {
        kind: 'files',
        create: [],
        edit: [{ folder: 'referrals', id: referral.id, file: referral.file, changes, labels: { status: 'Status', updates: 'Note' } }],
        title: `Referral update: ${who(referral.data.referred)}, ${what}`,
        summary: `the referral of ${who(referral.data.referred)} by ${who(referral.data.referrer)} (${what})`,
      },
    };
  },
};

/** The referral `value` names: its file name, or the person introduced when only one referral has them. */
function findReferral(value: string, content: Content, fail: (message: string) => undefined): Entry<Referral> | undefined {
  const id = value.replace(/\.ya?ml$/, '').trim();
  const byId = content.referrals.find((r) => r.id === id);
  if (byId) return byId;
  const contact = findContact(value, content, fail);
  if (!contact) return undefined;
  const theirs = content.referrals.filter((r) => r.data.referred === contact);
  if (theirs.length === 1) return theirs[0];
  if (!theirs.length) return fail(`${value} has no referral: record it with the "New referral" form first`);
  return fail(`${value} was introduced ${theirs.length} times (${theirs.map((r) => r.id).join(', ')}): write the one you mean`);
}
