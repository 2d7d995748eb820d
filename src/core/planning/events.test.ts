import { describe, expect, it } from 'vitest';
import { eventsAttended, invitees, planEventInvites } from './events.ts';
import { validateContent } from '../content/index.ts';
import { CONTENT_PARSERS } from '../parsers/index.ts';
import { ContactSchema, EventSchema, type ContactInput, type HistoryEntry } from '../model/index.ts';

const contact = (id: string, data: Partial<ContactInput>) => ({
  id,
  file: `contacts/${id}.yaml`,
  data: ContactSchema.parse({
    name: id
      .split('-')
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join(' '),
    segment: 'past-client',
    ...data,
  }),
});

const contacts = [
  contact('tom-harris', { tier: 'top', communities: [{ name: 'Mount Caburn Golf Club' }] }),
  contact('ana-ruiz', { communities: [{ name: 'mount caburn golf club' }] }),
  contact('ben-novak', { tier: 'top', segment: 'sphere' }),
  contact('kofi-mensah', { tier: 'top', segment: 'partner' }),
];

const supper = {
  id: 'summer-supper',
  file: 'events/summer-supper.yaml',
  data: EventSchema.parse({
    name: 'Summer supper',
    date: '2026-06-18',
    time: '19:00',
    place: "Novak's café",
    host: 'ben-novak',
    invite: { tiers: ['top'], exclude: ['kofi-mensah'], contacts: ['ana-ruiz'] },
    came: ['tom-harris', 'ana-ruiz'],
  }),
};

const golf = {
  id: 'golf-evening',
  file: 'events/golf-evening.yaml',
  data: EventSchema.parse({
    name: 'Market evening at the golf club',
    date: '2026-03-05',
    place: 'Mount Caburn Golf Club',
    invite: { communities: ['Mount Caburn Golf Club'], send: '2026-02-20', channel: 'call', suggestion: 'Bring a friend.' },
    came: ['tom-harris'],
  }),
};

const day = (text: string) => Temporal.PlainDate.from(text);

describe('invitees', () => {
  it('invites by tier, by name and by community, never the host or the excluded', () => {
    expect(invitees(supper.data, contacts)).toEqual(['tom-harris', 'ana-ruiz']);
    expect(invitees(golf.data, contacts)).toEqual(['tom-harris', 'ana-ruiz']);
  });
});

describe('planEventInvites', () => {
  const input = { events: [supper, golf], contacts, history: [] as HistoryEntry[] };

  it('plans one invitation task per invitee on the invite day, three weeks ahead by default', () => {
    const due = planEventInvites(input, { from: day('2026-02-20'), days: 120 });
    expect(due.map((t) => [t.date.toString(), t.id, t.channel])).toEqual([
      ['2026-02-20', 'ana-ruiz.events.golf-evening.2026-02-20', 'call'],
      ['2026-02-20', 'tom-harris.events.golf-evening.2026-02-20', 'call'],
      ['2026-05-28', 'ana-ruiz.events.summer-supper.2026-05-28', 'event'],
      ['2026-05-28', 'tom-harris.events.summer-supper.2026-05-28', 'event'],
    ]);
    expect(due[3]).toEqual({
      id: 'tom-harris.events.summer-supper.2026-05-28',
      contact: 'tom-harris',
      plan: 'events',
      step: 'summer-supper',
      channel: 'event',
      due: day('2026-05-28'),
      date: day('2026-05-28'),
      priority: 65,
      reason: "invitation to Summer supper (2026-06-18 at 19:00, Novak's café): top tier",
      task: "Invite {{firstName}} to Summer supper on 2026-06-18 at 19:00 at Novak's café",
    });
    expect(due[0].suggestion).toBe('Bring a friend.');
  });

  it('still invites after a gap in the runs, until the day before the event, unless history settles it', () => {
    const done: HistoryEntry = {
      event: 'done',
      at: '2026-05-29T10:00:00Z',
      touch: 'ana-ruiz.events.summer-supper.2026-05-28',
      contact: 'ana-ruiz',
      plan: 'events',
      step: 'summer-supper',
      due: '2026-05-28',
      channel: 'event',
    };
    const late = planEventInvites({ ...input, history: [done] }, { from: day('2026-06-17'), days: 1 });
    expect(late.map((t) => [t.id, t.reason])).toEqual([
      [
        'tom-harris.events.summer-supper.2026-05-28',
        "invitation to Summer supper (2026-06-18 at 19:00, Novak's café): top tier; invitations went out from 2026-05-28",
      ],
    ]);
    expect(planEventInvites(input, { from: day('2026-06-18'), days: 30 })).toEqual([]);
  });
});

describe('eventsAttended', () => {
  it('lists the events a contact came to before the day, newest first', () => {
    expect(eventsAttended('tom-harris', [golf, supper], day('2026-07-01'))).toEqual([
      { event: 'summer-supper', name: 'Summer supper', date: '2026-06-18' },
      { event: 'golf-evening', name: 'Market evening at the golf club', date: '2026-03-05' },
    ]);
    expect(eventsAttended('tom-harris', [golf, supper], day('2026-06-18'))).toHaveLength(1);
    expect(eventsAttended('ben-novak', [golf, supper], day('2026-07-01'))).toEqual([]);
  });
});

describe('event files', () => {
  const settings = `business:
  name: B
  email: b@example.com
  address: {street: s, locality: l, postalCode: p, country: c}
sender: {name: S, email: s@example.com}
timeZone: Europe/London
site: {url: 'https://b.example'}
unsubscribe: {mailto: u@example.com}
`;
  const check = (event: string) =>
    validateContent(
      [
        { path: 'settings.yaml', text: settings },
        { path: 'contacts/tom-harris.yaml', text: 'name: Tom Harris\nsegment: past-client\n' },
        { path: 'events/supper.yaml', text: event },
      ],
      { templates: [], parsers: CONTENT_PARSERS },
    );

  it('are read from events/ and validated', () => {
    const { content, problems } = check("name: Supper\ndate: 2026-06-18\nplace: Novak's\ninvite:\n  tiers: [top]\ncame: [tom-harris]\n");
    expect(problems).toEqual([]);
    expect(content.events).toEqual([
      {
        id: 'supper',
        file: 'events/supper.yaml',
        data: { name: 'Supper', date: '2026-06-18', place: "Novak's", invite: { tiers: ['top'], channel: 'event' }, came: ['tom-harris'] },
      },
    ]);
  });

  it('name the file, line and field of a problem, and leave out an event naming an unknown contact', () => {
    const { content, problems } = check(
      "name: Supper\ndate: 2026-06-31\nplace: Novak's\ninvite:\n  channel: gift\ncame: [tom-harris, tom-harrs]\n",
    );
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`)).toMatchInlineSnapshot(`
      [
        "events/supper.yaml:2:7 date: "2026-06-31" is not a real date (write YYYY-MM-DD)",
        "events/supper.yaml:5:12 invite.channel: "gift" is not allowed; use "email", "call", "text", "card", "event"",
      ]
    `);
    expect(content.events).toEqual([]);
    const unknown = check("name: Supper\ndate: 2026-06-18\nplace: Novak's\ninvite:\n  tiers: [top]\ncame: [tom-harris, tom-harrs]\n");
    expect(unknown.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual([
      'events/supper.yaml:6:20 came[1]: names "tom-harrs", who is not a contact',
    ]);
    expect(unknown.content.events).toEqual([]);
  });

  it('need a layout and a subject to invite by email', () => {
    const { problems } = check("name: Supper\ndate: 2026-06-18\nplace: Novak's\ninvite:\n  tiers: [top]\n  channel: email\n");
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'invite.subject: is required for an emailed invitation',
      'invite.template: is required for an emailed invitation',
    ]);
  });

  it('must say who is invited', () => {
    const { problems } = check("name: Supper\ndate: 2026-06-18\nplace: Novak's\ninvite:\n  channel: call\n");
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'invite: should say who is invited: tiers, segments, tags, communities or contacts',
    ]);
  });
});
