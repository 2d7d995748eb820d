import { describe, expect, it } from 'vitest';
import { buildMessage } from './message.ts';
import type { EmailDraft } from './personalize.ts';
import { SettingsSchema } from '../model/index.ts';

const settings = SettingsSchema.parse({
  business: { name: 'HH', email: 'hello@hh.example', address: { street: '1 Road', locality: 'Bristol', postalCode: 'BS1', country: 'UK' } },
  sender: { name: 'Maya Brennan', email: 'maya@hh.example', replyTo: 'hello@hh.example' },
  timeZone: 'Europe/London',
  site: { url: 'https://hh.example' },
  unsubscribe: { mailto: 'unsubscribe@hh.example' },
});
const today = Temporal.PlainDate.from('2026-11-03');
const draft: EmailDraft = {
  touch: {
    id: 'ana-ruiz.news.send.2026-11-03',
    contact: 'ana-ruiz',
    plan: 'news',
    step: 'send',
    channel: 'email',
    due: today,
    date: today,
    priority: 1,
    reason: 'r',
  },
  contact: 'ana-ruiz',
  to: [{ name: 'Ana Ruiz', address: 'ana@mail.example' }],
  layout: 'note',
  subject: 'Hello',
  fields: {},
  unsubscribe: { mailto: 'mailto:unsubscribe@hh.example?subject=Unsubscribe%20ana-ruiz' },
};

describe('buildMessage', () => {
  it('takes From and Reply-To from settings and derives the Message-ID from the touch', () => {
    const now = Temporal.Instant.from('2026-11-03T09:00:00Z');
    expect(buildMessage(draft, { html: '<p>Hi</p>', text: 'Hi\n' }, settings, now)).toEqual({
      touch: 'ana-ruiz.news.send.2026-11-03',
      from: { name: 'Maya Brennan', address: 'maya@hh.example' },
      replyTo: 'hello@hh.example',
      to: [{ name: 'Ana Ruiz', address: 'ana@mail.example' }],
      subject: 'Hello',
      messageId: '<ana-ruiz.news.send.2026-11-03@hh.example>',
      date: now,
      html: '<p>Hi</p>',
      text: 'Hi\n',
      listUnsubscribe: ['mailto:unsubscribe@hh.example?subject=Unsubscribe%20ana-ruiz'],
      oneClick: false,
    });
  });

  it('adds the one-click URL only when settings give one', () => {
    const withUrl = { ...draft, unsubscribe: { ...draft.unsubscribe, url: 'https://hh.example/u?contact=ana-ruiz' } };
    const message = buildMessage(withUrl, { html: '', text: '' }, settings, Temporal.Now.instant());
    expect(message.listUnsubscribe).toEqual([draft.unsubscribe.mailto, 'https://hh.example/u?contact=ana-ruiz']);
    expect(message.oneClick).toBe(true);
  });
});
