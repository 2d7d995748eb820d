import { describe, expect, it } from 'vitest';
import { ContactSchema, type HistoryEntry } from '../model/index.ts';
import { composeTask, householdFromBody, touchIdFromBody } from './task.ts';
import { syncTasks } from './task-sync.ts';
import type { DueTouch } from '../touches/index.ts';

const contact = ContactSchema.parse({
  name: 'Ana Ruiz',
  phone: '07700 900123',
  emails: ['ana@example.com'],
  segment: 'past-client',
  tier: 'top',
  household: [{ name: 'Tom Ruiz', relation: 'husband' }],
  communities: [{ name: 'Westbury Golf Club', note: 'plays most Sundays with Tom Harris' }],
  gifts: { likes: ['red wine'], dislikes: ['flowers'] },
  goodReferral: 'Friends at the golf club thinking of downsizing',
});

const touch: DueTouch = {
  id: 'ana-ruiz.quarterly-call.call.2026-11-25',
  contact: 'ana-ruiz',
  plan: 'quarterly-call',
  step: 'call',
  channel: 'call',
  due: Temporal.PlainDate.from('2026-11-25'),
  date: Temporal.PlainDate.from('2026-11-25'),
  priority: 60,
  reason: 'Three months since the last quarterly call (2026-08-25).',
  task: 'Call {{firstName}} to catch up.',
  suggestion: 'Hi {{firstName}}, how is the garden at Elm Road coming along?',
};

const history: HistoryEntry[] = [
  {
    event: 'claimed',
    at: '2026-11-03T08:59:00Z',
    touch: 't1',
    contact: 'ana-ruiz',
    plan: 'monthly-newsletter',
    step: 'send',
    due: '2026-11-03',
    channel: 'email',
  },
  {
    event: 'sent',
    at: '2026-11-03T09:00:00Z',
    touch: 't1',
    contact: 'ana-ruiz',
    plan: 'monthly-newsletter',
    step: 'send',
    due: '2026-11-03',
    channel: 'email',
  },
  {
    event: 'done',
    at: '2026-08-25T15:00:00Z',
    touch: 't0',
    contact: 'ana-ruiz',
    plan: 'quarterly-call',
    step: 'call',
    due: '2026-08-25',
    channel: 'call',
    issue: 12,
  },
];

describe('composeTask', () => {
  it('gives the person everything they need to make the touch personal', () => {
    const task = composeTask(touch, contact, history, 'Europe/London');
    expect(task.title).toBe('Call Ana to catch up (Ana Ruiz, 2026-11-25)');
    expect(task.labels).toEqual(['referable', 'call']);
    expect(task.body).toMatchInlineSnapshot(`
      "Call Ana to catch up.

      **Why now:** Three months since the last quarterly call (2026-08-25).

      - **Phone:** 07700 900123
      - **Email:** ana@example.com
      - **Last touches:** email on 2026-11-03 (monthly-newsletter), call on 2026-08-25 (quarterly-call)
      - **Household:** Tom Ruiz (husband)
      - **Communities to mention:** Westbury Golf Club: plays most Sundays with Tom Harris
      - **Gift likes:** red wine
      - **Gift dislikes:** flowers
      - **A good referral for them:** Friends at the golf club thinking of downsizing

      **Suggested line:**

      > Hi Ana, how is the garden at Elm Road coming along?

      Close this issue when it is done; Referable records it in the history.

      <!-- referable-touch: ana-ruiz.quarterly-call.call.2026-11-25 -->"
    `);
    expect(touchIdFromBody(task.body)).toBe(touch.id);
  });

  it('names the channel when the step gives no task text', () => {
    const task = composeTask({ ...touch, task: undefined, suggestion: undefined, channel: 'card' }, contact, [], 'Europe/London');
    expect(task.title).toBe('Send a card to Ana Ruiz (2026-11-25)');
    expect(task.body).not.toContain('Last touches');
  });

  it('writes one task for a household, naming everyone, and closing it records each member’s touch', () => {
    const tom = ContactSchema.parse({ name: 'Tom Ruiz', phone: '07700 900124', emails: ['tom@example.com'], segment: 'past-client' });
    const his = { ...touch, id: 'tom-ruiz.quarterly-call.call.2026-11-25', contact: 'tom-ruiz' };
    const task = composeTask({ ...touch, household: [his] }, contact, history, 'Europe/London', [tom]);
    expect(task.title).toBe('Call Ana and Tom to catch up (Ana Ruiz and Tom Ruiz, 2026-11-25)');
    expect(task.body).toContain('- **Together with:** Tom Ruiz · 07700 900124 · tom@example.com');
    expect(task.body).toContain('> Hi Ana and Tom, how is the garden at Elm Road coming along?');
    expect(touchIdFromBody(task.body)).toBe(touch.id);
    expect(householdFromBody(task.body)).toEqual([his.id]);

    const issue = {
      number: 7,
      url: 'https://github.com/o/r/issues/7',
      touch: touch.id,
      household: householdFromBody(task.body),
      channel: 'call' as const,
      state: 'closed' as const,
      closedAt: '2026-11-26T10:00:00Z',
      stateReason: 'completed',
    };
    const { record } = syncTasks([], [issue], [], '2026-11-26T11:00:00Z');
    expect(record.filter((e) => e.event === 'done').map((e) => [e.contact, e.touch, e.at])).toEqual([
      ['ana-ruiz', touch.id, '2026-11-26T10:00:00Z'],
      ['tom-ruiz', his.id, '2026-11-26T10:00:00Z'],
    ]);
  });

  // Issue 14, point 6: each touch once, only once it reached them, on the business's day.
  it('lists each touch once, a personal one only when done, on the business day it was done', () => {
    const entry = (event: 'claimed' | 'sent' | 'done', touch: string, channel: 'call' | 'card', at: string): HistoryEntry => {
      const [, plan, step, due] = touch.split('.');
      return { event, at, touch, contact: 'ana-ruiz', plan, step, due, channel };
    };
    const call = 'ana-ruiz.top-client-calls.call.2026-11-10';
    const card = 'ana-ruiz.events.christmas-evening.2026-11-26';
    const task = composeTask(
      touch,
      contact,
      [
        entry('claimed', call, 'call', '2026-11-10T09:00:16Z'),
        entry('sent', call, 'call', '2026-11-10T09:00:17Z'),
        // 11:15 on the 11th in Auckland.
        entry('done', call, 'call', '2026-11-10T22:15:00Z'),
        entry('claimed', card, 'card', '2026-11-26T09:15:25Z'),
        entry('sent', card, 'card', '2026-11-26T09:15:25Z'),
      ],
      'Pacific/Auckland',
    );
    expect(task.body).toContain('- **Last touches:** call on 2026-11-11 (top-client-calls)\n');
  });
});
