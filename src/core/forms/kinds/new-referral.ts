/**
 * "New referral": who introduced whom. The person introduced may be a contact already, or someone
 * new, who then gets a contact file of their own (a prospect, referred by the referrer).
 */
import { readAnswers } from '../answers.ts';
import type { FormKind, NewFile } from '../form.ts';
import { compact, freeId, newContactFile } from './new-contact.ts';

export const newReferralForm: FormKind = {
  id: 'new-referral',
  name: 'New referral',
  fields: [
    { id: 'referrer', label: 'Who made the introduction', type: 'input', required: true },
    { id: 'referred', label: 'Who was introduced', type: 'input', required: true },
    { id: 'email', label: 'Their email', type: 'input' },
    { id: 'phone', label: 'Their phone', type: 'input' },
    { id: 'date', label: 'Day', type: 'input' },
    { id: 'need', label: 'What they need', type: 'textarea' },
    { id: 'note', label: 'Note', type: 'textarea' },
  ],
  toChange(values, context) {
    const a = readAnswers(newReferralForm, values, context);
    const referrer = a.contact('referrer');
    const referredName = a.required('referred');
    const date = a.day('date') ?? (a.text('date') ? undefined : context.today.toString());
    const email = a.email('email');
    const phone = a.text('phone');
    const need = a.text('need');
    const note = a.text('note');
    if (a.problems.length || !referrer || !referredName || !date) return { ok: false, problems: a.problems };
    // Someone who is not a contact yet becomes one: nothing is reported for a name not found.
    const known = a.contact('referred');
    a.problems.length = 0;
    const create: NewFile[] = [];
    let referred = known;
    if (!referred) {
      const data = compact({ name: referredName, emails: [email].filter(Boolean), phone, segment: 'prospect', referredBy: referrer });
      const person = newContactFile(referredName, data, context, NEW_PERSON_LABELS);
      create.push(person);
      referred = person.id;
    } else if (email || phone) {
      return {
        ok: false,
        problems: [
          {
            field: a.label(email ? 'email' : 'phone'),
            message: `is for someone new: ${referredName} is a contact already; change their contact file instead`,
          },
        ],
      };
    }
    const data = compact({
      referrer,
      referred,
      date,
      need,
      status: [compact({ status: 'introduced', date, note })],
    });
    create.push({ folder: 'referrals', id: freeId(`${referrer}-${referred}`, context.content.referrals), data, labels: REFERRAL_LABELS });
    const names = (id: string) => context.content.contacts.find((c) => c.id === id)?.data.name ?? referredName;
    return {
      ok: true,
      change: {
        kind: 'files',
        create,
        edit: [],
        title: `New referral: ${names(referrer)} introduced ${names(referred)}`,
        summary: `a new referral (${names(referrer)} introduced ${names(referred)}${known ? '' : ', who is a new contact'})`,
      },
    };
  },
};

const NEW_PERSON_LABELS: Record<string, string> = {
  name: 'Who was introduced',
  emails: 'Their email',
  phone: 'Their phone',
  referredBy: 'Who made the introduction',
};
const REFERRAL_LABELS: Record<string, string> = {
  referrer: 'Who made the introduction',
  referred: 'Who was introduced',
  date: 'Day',
  need: 'What they need',
  status: 'Note',
};
