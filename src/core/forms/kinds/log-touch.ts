/** "Log a touch": a call, a coffee, a card done by hand, recorded in the history as `npm run log` does. */
import { CHANNELS } from '../../model/index.ts';
import { logTouch } from '../../touches/index.ts';
import { readAnswers, spellDay } from '../answers.ts';
import type { FormKind } from '../form.ts';

/** `npm run log`'s names for the fields it refuses, and this form's. */
const FIELDS: Record<string, string> = { CONTACT: 'contact', '--channel': 'channel', '--date': 'date', '--note': 'note' };

export const logTouchForm: FormKind = {
  id: 'log-touch',
  name: 'Log a touch',
  fields: [
    { id: 'contact', label: 'Contact', type: 'input', required: true },
    { id: 'channel', label: 'How', type: 'dropdown', options: CHANNELS, required: true },
    { id: 'date', label: 'Day', type: 'input' },
    { id: 'note', label: 'Note', type: 'textarea' },
  ],
  toChange(values, context) {
    const a = readAnswers(logTouchForm, values, context);
    const contact = a.contact('contact');
    const channel = a.required('channel');
    const date = a.day('date') ?? (a.text('date') ? undefined : context.today.toString());
    const note = a.text('note');
    if (a.problems.length || !contact || !channel || !date) return { ok: false, problems: a.problems };
    const contacts = new Set(context.content.contacts.map((c) => c.id));
    const logged = logTouch(
      { contact, channel, date, ...(note ? { note } : {}) },
      { contacts, history: context.content.history },
      context.today,
      context.at,
    );
    if (!logged.ok) return { ok: false, problems: [{ field: a.label(FIELDS[logged.field] ?? 'note'), message: logged.message }] };
    const name = context.content.contacts.find((c) => c.id === contact)?.data.name ?? contact;
    const summary = `${/^[aeiou]/.test(channel) ? 'an' : 'a'} ${channel} with ${name} on ${spellDay(date)}`;
    return 'already' in logged
      ? { ok: true, change: { kind: 'history', entry: logged.already, already: true, summary } }
      : { ok: true, change: { kind: 'history', entry: logged.entry, already: false, summary } };
  },
};
