import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { planTouches, type PlanInput } from './plan-touches.ts';
import { stepPer } from './households.ts';
import { householdsOf, joinList } from '../contacts/index.ts';
import { ContactSchema, type ContactInput, type HistoryEntry, NewsletterSchema, PlanSchema, StepSchema } from '../model/index.ts';
import { eachMember, type DueTouch } from '../touches/index.ts';

const entries = <S extends z.ZodType>(schema: S, records: Record<string, z.input<S>>) =>
  Object.entries(records).map(([id, data]) => ({ id, file: `${id}.yaml`, data: schema.parse(data) as z.output<S> }));

const consent = { email: { basis: 'existing-client', source: 'terms of business', date: '2025-11-03' } } as const;
const dates = { clientSince: '2025-11-03', closing: '2026-03-27' };

// Oliver names Hana, Hana does not name Oliver: one link is enough. Ben is on his own.
const CONTACTS: Record<string, ContactInput> = {
  'hana-grant': {
    name: 'Hana Grant',
    segment: 'past-client',
    emails: ['hana@example.com'],
    consent,
    dates: { ...dates, birthday: '12-09' },
  },
  'oliver-grant': {
    name: 'Oliver Grant',
    segment: 'past-client',
    emails: ['oliver@example.com'],
    consent,
    dates: { ...dates, birthday: '12-09' },
    household: [{ name: 'Hana Grant', relation: 'wife', contact: 'hana-grant' }],
  },
  'ben-novak': { name: 'Ben Novak', segment: 'past-client', emails: ['ben@example.com'], consent, dates },
};

const PLANS = {
  newsletter: { name: 'Newsletter', steps: [{ id: 'send', channel: 'email', template: 'newsletter', due: { rule: 'newsletter' } }] },
  birthday: {
    name: 'Birthday',
    steps: [{ id: 'email', channel: 'email', template: 'note', subject: 'Happy birthday', due: { rule: 'anniversary', of: 'birthday' } }],
  },
  anniversary: {
    name: 'Home anniversary',
    steps: [{ id: 'card', channel: 'card', per: 'household', task: 'Card to {{firstName}}', due: { rule: 'anniversary', of: 'closing' } }],
  },
};

function input(contacts = CONTACTS, history: HistoryEntry[] = []): PlanInput {
  return {
    settings: {
      timeZone: 'Europe/London',
      graceDays: 5,
      limits: { perDay: 2000, perSecond: 10, perContactPerWeek: 3, daysBetweenAsks: 120 },
    },
    contacts: entries(ContactSchema, contacts),
    plans: entries(PlanSchema, PLANS as unknown as Record<string, z.input<typeof PlanSchema>>),
    newsletters: entries(NewsletterSchema, {
      'december-advice': { subject: 'Before winter', preheader: 'Five things', sendDate: '2026-12-08' },
    }),
    referrals: [],
    history,
  };
}

const day = (date: string, contact?: string, contacts = CONTACTS, history: HistoryEntry[] = []) =>
  planTouches(input(contacts, history), { from: Temporal.PlainDate.from(date), days: 1, ...(contact ? { contact } : {}) });

/** Each due touch as `plan: lead + others`. */
const who = (due: readonly DueTouch[]) =>
  due.map(
    (t) =>
      `${t.plan}: ${eachMember(t)
        .map((m) => `${m.contact}${m.email ? ` <${m.email}>` : ''}`)
        .join(' + ')}`,
  );

describe('households', () => {
  it('are contacts linked either way round, through chains, ignoring links to no contact', () => {
    const households = householdsOf(
      entries(ContactSchema, {
        a: { name: 'A', segment: 'sphere', household: [{ name: 'B', relation: 'partner', contact: 'b' }] },
        b: { name: 'B', segment: 'sphere' },
        c: {
          name: 'C',
          segment: 'sphere',
          household: [
            { name: 'B', relation: 'son', contact: 'b' },
            { name: 'Z', relation: 'friend', contact: 'z' },
          ],
        },
        d: { name: 'D', segment: 'sphere' },
      }),
    );
    expect(households.get('a')).toEqual(['a', 'b', 'c']);
    expect(households.get('c')).toEqual(['a', 'b', 'c']);
    expect(households.has('d')).toBe(false);
    expect(households.has('z')).toBe(false);
  });

  it('are named together the way people say it', () => {
    expect(joinList(['Hana'])).toBe('Hana');
    expect(joinList(['Hana', 'Oliver'])).toBe('Hana and Oliver');
    expect(joinList(['Ana', 'Ben', 'Carla'])).toBe('Ana, Ben and Carla');
  });

  it('get one newsletter, with every member on it, and a birthday note each', () => {
    expect(who(day('2026-12-08').due)).toEqual([
      'newsletter: ben-novak <ben@example.com>',
      'newsletter: hana-grant <hana@example.com> + oliver-grant <oliver@example.com>',
    ]);
    expect(who(day('2026-12-09').due.filter((t) => t.plan === 'birthday'))).toEqual([
      'birthday: hana-grant <hana@example.com>',
      'birthday: oliver-grant <oliver@example.com>',
    ]);
  });

  it('leave off a member who unsubscribed, and the others still get it', () => {
    const contacts = {
      ...CONTACTS,
      'hana-grant': { ...CONTACTS['hana-grant'], unsubscribed: { date: '2026-11-01', evidence: 'replied stop' } },
    };
    const plan = day('2026-12-08', undefined, contacts);
    expect(who(plan.due)).toContain('newsletter: oliver-grant <oliver@example.com>');
    expect(plan.skipped.map((s) => `${s.id}: ${s.reason}`)).toContain('hana-grant.newsletter.send.2026-12-08: unsubscribed on 2026-11-01');
  });

  it('write one task for a household step, naming everyone', () => {
    expect(who(day('2027-03-27').due)).toEqual(['anniversary: ben-novak', 'anniversary: hana-grant + oliver-grant']);
  });

  it('count a household step sent or done for one member as done for all; a skip counts for no one else', () => {
    const at = '2027-03-27T09:00:00Z';
    const base = { at, contact: 'oliver-grant', plan: 'anniversary', step: 'card', due: '2027-03-27', channel: 'card' } as const;
    const touch = 'oliver-grant.anniversary.card.2027-03-27';
    const done: HistoryEntry[] = [{ event: 'done', touch, ...base }];
    expect(who(day('2027-03-27', undefined, CONTACTS, done).due)).toEqual(['anniversary: ben-novak']);
    const skipped: HistoryEntry[] = [{ event: 'skipped', touch, ...base, reason: 'closed as not planned' }];
    expect(who(day('2027-03-27', undefined, CONTACTS, skipped).due)).toEqual(['anniversary: ben-novak', 'anniversary: hana-grant']);
  });

  it('show in one contact’s plan the touch they share with their household', () => {
    const plan = planTouches(input(), { from: Temporal.PlainDate.from('2026-12-08'), days: 2, contact: 'oliver-grant' });
    expect(who(plan.due)).toEqual([
      'newsletter: hana-grant <hana@example.com> + oliver-grant <oliver@example.com>',
      'birthday: oliver-grant <oliver@example.com>',
    ]);
  });

  it('are the default for newsletters, sequences and asks; birthdays and calls go to each person', () => {
    const step = (fields: object) => StepSchema.parse({ id: 's', channel: 'email', template: 'note', subject: 'Hi', ...fields });
    expect(stepPer(step({ due: { rule: 'newsletter' } }))).toBe('household');
    expect(stepPer(step({ due: { rule: 'sequence', trigger: 'became-client', count: 8, spacingDays: 7 } }))).toBe('household');
    expect(stepPer(step({ template: 'testimonial-request', due: { rule: 'after', trigger: 'closing', days: 30 } }))).toBe('household');
    expect(stepPer(step({ template: 'above-and-beyond', due: { rule: 'after', trigger: 'closing', days: 10 } }))).toBe('household');
    expect(stepPer(step({ purpose: 'introduction-ask', due: { rule: 'yearly', month: 3, day: 10 } }))).toBe('household');
    expect(stepPer(step({ due: { rule: 'anniversary', of: 'birthday' } }))).toBe('person');
    expect(stepPer(step({ per: 'person', due: { rule: 'newsletter' } }))).toBe('person');
  });
});
