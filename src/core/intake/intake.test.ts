import { describe, expect, it } from 'vitest';
import { planIntake, type IncomingMessage, type IntakeInput } from './intake.ts';
import { parseDeliveryStatus } from './bounces/index.ts';
import { draftTestimonial } from './testimonial.ts';
import { asksToUnsubscribe, readReplyWords } from './words.ts';
import { PlanSchema } from '../model/index.ts';
import { unsubscribeToken } from '../signing/index.ts';

const TODAY = Temporal.PlainDate.from('2026-11-04');
const AT = '2026-11-04T12:00:00Z';

const input: IntakeInput = {
  settings: {
    timeZone: 'Europe/London',
    sender: { name: 'Maya Okafor', email: 'maya@harbourhill.example' },
    unsubscribe: { mailto: 'unsubscribe@harbourhill.example' },
  },
  plans: [
    {
      id: 'testimonial-request',
      file: 'plans/testimonial-request.yaml',
      data: PlanSchema.parse({
        name: 'Testimonial request',
        steps: [
          {
            id: 'ask',
            channel: 'email',
            due: { rule: 'after', trigger: 'closing', days: 21 },
            template: 'testimonial-request',
            subject: 'A small favour, {{firstName}}?',
          },
        ],
      }),
    },
  ],
  contacts: [
    {
      id: 'ana-ruiz',
      file: 'contacts/ana-ruiz.yaml',
      data: { name: 'Ana Ruiz', emails: ['Ana.Ruiz@example.com'], segment: 'past-client' },
    },
    {
      id: 'tom-harris',
      file: 'contacts/tom-harris.yaml',
      data: { name: 'Tom Harris', emails: ['tom@example.com'], unsubscribed: { date: '2026-10-01', evidence: 'a call' } },
    },
    { id: 'broken', file: 'contacts/broken.yaml', data: 'not a map' },
  ],
  testimonials: [],
  testimonialsFolder: 'testimonials',
  referrals: [],
  referralsFolder: 'referrals',
  history: [],
};

function message(fields: Partial<IncomingMessage>): IncomingMessage {
  return {
    source: 'm.eml',
    to: ['hello@harbourhill.example'],
    subject: '',
    references: [],
    words: '',
    text: '',
    headers: {},
    date: Temporal.Instant.from('2026-11-04T10:00:00Z'),
    ...fields,
  };
}

describe('readReplyWords', () => {
  it('keeps the testimonial and sets aside the consent, with where it allows', () => {
    expect(readReplyWords('Dear Maya,\n\nYou were brilliant. Feel free to share this anywhere you like.\n\nThanks,\nAna')).toEqual({
      quote: 'You were brilliant.',
      consent: ['Feel free to share this anywhere you like.'],
      refusal: [],
      scope: ['website', 'email', 'social'],
    });
  });

  it('hears a no, and a yes that names nowhere', () => {
    expect(readReplyWords("No problem, you can use it. Please don't use my surname.\nMaya found us the flat in a week.")).toEqual({
      quote: 'Maya found us the flat in a week.',
      consent: ['No problem, you can use it.'],
      refusal: ["Please don't use my surname."],
      scope: [],
    });
  });

  it("leaves out the writer's name signed alone on the last line, and keeps a last line that is not their name", () => {
    const names = ['Priya Patel', 'Priya'];
    for (const name of ['Priya', '— Priya P.', 'Priya Patel', 'priya.']) {
      expect(readReplyWords(`Maya sold our flat in a fortnight.\n\n${name}`, names).quote).toBe('Maya sold our flat in a fortnight.');
    }
    expect(readReplyWords('Maya sold our flat in a fortnight.\nHighly recommended', names).quote).toBe(
      'Maya sold our flat in a fortnight. Highly recommended',
    );
    // A reply that is only a name is no letter to trim.
    expect(readReplyWords('Priya', names).quote).toBe('Priya');
  });

  it('does not take praise for consent', () => {
    expect(readReplyWords('I was so happy with the sale and would use you again. I could not put it better.').consent).toEqual([]);
  });
});

describe('draftTestimonial', () => {
  // Issue 15 point 7: a draft carries only what a consent to publish covers; the rest is notes.
  it('puts only the quote, the shown name and the consent in the front matter, and the rest in notes', () => {
    const words = 'Great work {really} <b>great</b>. Happy for you to share it, just not with my <surname> or {name}.';
    const author = { id: 'ana-ruiz', name: 'Ana Ruiz', area: 'Redland', notes: 'Prefers calls' };
    const draft = draftTestimonial(words, author, '2026-11-04', 'email <a<b>@x> of 2026-11-04');
    expect(draft.data).toEqual({
      kind: 'consumer',
      status: 'draft',
      author: { name: 'Ana R.', contact: 'ana-ruiz' },
      quote: 'Great work {really} <b>great</b>.',
      date: '2026-11-04',
      source: { name: 'Email reply to our testimonial request' },
    });
    expect(draft.notes.join('\n')).toMatchInlineSnapshot(`
      "A reply to our testimonial request, taken in from email <a<b>@x> of 2026-11-04.
      It stays a draft, shown nowhere, until you check the quote and the name and set status: published.
      These comment lines are never shown; what you write below the front matter is, once published.

      The reply does not say yes to publishing yet. Ask whether, where (website, emails, social media) and how they would
      like to be named, then add consent with their answer as evidence.

      They also wrote, and this limits what may be published:
        "Happy for you to share it, just not with my <surname> or {name}.""
    `);
  });
});

describe('asksToUnsubscribe', () => {
  it.each([
    ['Re: News', 'STOP'],
    ['Unsubscribe', ''],
    ['Re: News', 'Please remove me from your list.'],
    ['Re: News', "Don't email me again"],
  ])('%s / %s: yes', (subject, words) => expect(asksToUnsubscribe(subject, words)).toBe(true));
  it.each([
    ['Re: A small favour', 'I could not stop smiling when we got the keys.'],
    ['Re: News', 'They never stopped emailing me updates, which I loved.'],
  ])('%s / %s: no', (subject, words) => expect(asksToUnsubscribe(subject, words)).toBe(false));
});

describe('parseDeliveryStatus', () => {
  it('reads each recipient, unfolding long fields', () => {
    const text = [
      'Reporting-MTA: dns; mx.example',
      '',
      'Final-Recipient: rfc822; Ana.Ruiz@example.com',
      'Action: failed',
      'Status: 5.2.1 (mailbox disabled)',
      'Diagnostic-Code: smtp; 550 5.2.1 The email account that you tried',
      '    to reach is disabled.',
      '',
      'Original-Recipient: rfc822;leo@example.net',
      'Action: delayed',
      'Status: 4.4.7',
      '',
      'Final-Recipient: rfc822; ok@example.org',
      'Action: delivered',
      'Status: 2.0.0',
    ].join('\r\n');
    expect(parseDeliveryStatus(text)).toEqual([
      {
        address: 'ana.ruiz@example.com',
        action: 'failed',
        status: '5.2.1',
        diagnostic: 'smtp; 550 5.2.1 The email account that you tried to reach is disabled.',
        kind: 'permanent',
      },
      { address: 'leo@example.net', action: 'delayed', status: '4.4.7', diagnostic: '', kind: 'temporary' },
      { address: 'ok@example.org', action: 'delivered', status: '2.0.0', diagnostic: '', kind: 'none' },
    ]);
  });
});

describe('planIntake', () => {
  it('takes a reply by its subject when the mail program dropped In-Reply-To, and leaves an out-of-office alone', () => {
    const plan = planIntake(
      [
        message({
          source: 'a.eml',
          from: 'ana.ruiz@example.com',
          subject: 'RE: A small favour, Ana?',
          words: 'Lovely to work with.',
          messageId: '<a@x>',
        }),
        message({
          source: 'b.eml',
          from: 'ana.ruiz@example.com',
          subject: 'Automatic reply: A small favour, Ana?',
          words: 'I am away.',
          headers: { 'auto-submitted': 'auto-replied' },
        }),
        message({
          source: 'c.eml',
          from: 'ana.ruiz@example.com',
          subject: 'Re: Winter bills',
          words: 'Thanks!',
          references: ['<ana-ruiz.monthly.send.2026-11-01@harbourhill.example>'],
        }),
      ],
      input,
      TODAY,
      AT,
    );
    expect(plan.outcomes.map((o) => `${o.source} ${o.kind} ${o.changed}: ${o.note}`)).toEqual([
      'a.eml testimonial true: ana-ruiz replied to the testimonial request: draft testimonials/ana-ruiz-reply-2026-11-04.mdx',
      'b.eml unknown false: an automatic reply from ana-ruiz ("Automatic reply: A small favour, Ana?"): left alone',
      'c.eml unknown false: a reply to monthly (send, 2026-11-01) from ana-ruiz: not a testimonial request; left for you to read',
    ]);
    expect(plan.testimonials.map((t) => [t.id, t.data.quote, t.data.consent])).toEqual([
      ['ana-ruiz-reply-2026-11-04', 'Lovely to work with.', undefined],
    ]);
  });

  it('ties a reply to its touch by the Message-ID Amazon SES gave the email, from the id history recorded', () => {
    const sent = (touch: string, response: string) => {
      const [contact, plan, step, due] = touch.split('.');
      return { event: 'sent' as const, at: '2026-11-01T09:00:00Z', touch, contact, plan, step, due, channel: 'email' as const, response };
    };
    const withSes = {
      ...input,
      history: [
        sent('ana-ruiz.monthly.send.2026-11-01', 'SES message 0102019a3c4d5e6f-aaaa-bbbb-000000'),
        sent('ana-ruiz.monthly.send.2026-10-01', '250 2.0.0 Ok: queued'),
      ],
    };
    const reply = (references: string[]) =>
      message({ source: 'r.eml', from: 'ana.ruiz@example.com', subject: 'Re: Winter bills', words: 'Thanks!', references });
    const notes = (references: string[]) => planIntake([reply(references)], withSes, TODAY, AT).outcomes.map((o) => o.note);
    expect(notes(['<0102019a3c4d5e6f-aaaa-bbbb-000000@eu-west-1.amazonses.com>'])).toEqual([
      'a reply to monthly (send, 2026-11-01) from ana-ruiz: not a testimonial request; left for you to read; counted as a touch',
    ]);
    // An SES id history never recorded, or the same id at another host, names no touch.
    for (const other of ['<0102019a3c4d5e6f-aaaa-bbbb-000001@email.amazonses.com>', '<0102019a3c4d5e6f-aaaa-bbbb-000000@example.com>'])
      expect(notes([other])).toEqual(['"Re: Winter bills" from ana-ruiz: left for you to read; counted as a touch']);
  });

  it('gives two replies of one day two files, and finds one taken in before by its Message-ID', () => {
    const reply = (id: string) =>
      message({ from: 'ana.ruiz@example.com', subject: 'Re: A small favour, Ana?', words: `Words ${id}.`, messageId: `<${id}@x>` });
    const taken = { ...input, testimonials: [{ id: 'ana-ruiz-reply-2026-11-04', text: 'evidence: email <one@x> of 2026-11-04' }] };
    const plan = planIntake([reply('one'), reply('two'), reply('three')], taken, TODAY, AT);
    expect(plan.outcomes.map((o) => o.note)).toEqual([
      'ana-ruiz replied to the testimonial request: already taken in as testimonials/ana-ruiz-reply-2026-11-04.mdx',
      'ana-ruiz replied to the testimonial request: draft testimonials/ana-ruiz-reply-2026-11-04-2.mdx',
      'ana-ruiz replied to the testimonial request: draft testimonials/ana-ruiz-reply-2026-11-04-3.mdx',
    ]);
  });

  it('unsubscribes by the id in the mailto subject when the address is not on file, never dates it after today, and lists a stranger', () => {
    const plan = planIntake(
      [
        message({
          source: 'a.eml',
          from: 'ana@work.example',
          to: ['unsubscribe@harbourhill.example'],
          subject: 'Unsubscribe ana-ruiz',
          date: Temporal.Instant.from('2027-01-01T00:00:00Z'),
        }),
        message({ source: 'b.eml', from: 'tom@example.com', to: ['unsubscribe@harbourhill.example'], subject: 'Unsubscribe tom-harris' }),
        message({ source: 'c.eml', from: 'who@nowhere.example', to: ['unsubscribe@harbourhill.example'], subject: 'unsubscribe' }),
        message({ source: 'd.eml', from: 'who@nowhere.example', subject: 'Re: News', words: 'STOP' }),
      ],
      input,
      TODAY,
      AT,
    );
    expect(plan.outcomes.map((o) => o.note)).toEqual([
      'ana-ruiz asked to unsubscribe (sent to unsubscribe@harbourhill.example): marked unsubscribed in contacts/ana-ruiz.yaml',
      'tom-harris asked to unsubscribe (sent to unsubscribe@harbourhill.example): already unsubscribed in contacts/tom-harris.yaml',
      'an unsubscribe request (sent to unsubscribe@harbourhill.example) from who@nowhere.example, which no contact has: left alone; find the person and unsubscribe them by hand',
      'an unsubscribe request (a message asking to stop) from who@nowhere.example, which no contact has: left alone; find the person and unsubscribe them by hand',
    ]);
    expect(plan.contacts).toEqual([
      {
        id: 'ana-ruiz',
        file: 'contacts/ana-ruiz.yaml',
        changes: [
          {
            path: ['unsubscribed'],
            value: {
              date: '2026-11-04',
              evidence: 'Email (no Message-ID) of 2026-11-04 from ana@work.example: subject "Unsubscribe ana-ruiz"',
            },
          },
        ],
      },
    ]);
  });

  it('flags a bounced address once, even when two reports name it', () => {
    const status = 'Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; ana.ruiz@example.com\nAction: failed\nStatus: 5.1.1\n';
    const report = (id: string) => message({ messageId: id, from: 'mailer-daemon@mx.example', report: { deliveryStatus: status } });
    const plan = planIntake([report('<r1@mx>'), report('<r2@mx>')], input, TODAY, AT);
    expect(plan.outcomes.map((o) => `${o.kind} ${o.changed}`)).toEqual(['bounce true', 'bounce false']);
    expect(plan.contacts[0].changes).toEqual([
      {
        path: ['bounced'],
        value: { email: 'ana.ruiz@example.com', date: '2026-11-04', reason: '5.1.1 (email <r1@mx> of 2026-11-04)', code: 'BadAddress' },
        append: true,
      },
    ]);
  });

  it('fails a refused touch in history, and flags the address at the third refusal in a row (issue 16, point 2)', () => {
    const sent = (due: string) => ({
      event: 'sent' as const,
      at: `${due}T09:00:00Z`,
      touch: `ana-ruiz.monthly.send.${due}`,
      contact: 'ana-ruiz',
      plan: 'monthly',
      step: 'send',
      due,
      channel: 'email' as const,
    });
    const history = [sent('2026-09-01'), sent('2026-10-01'), sent('2026-11-01')];
    const refusal = (due: string) =>
      message({
        source: `${due}.eml`,
        messageId: `<r-${due}@mx>`,
        from: 'mailer-daemon@mx.example',
        report: {
          deliveryStatus:
            'Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; ana.ruiz@example.com\nAction: failed\nStatus: 5.7.1\nDiagnostic-Code: smtp; 554 5.7.1 Message rejected as spam\n',
          original: { messageId: `<ana-ruiz.monthly.send.${due}@harbourhill.example>`, to: ['ana.ruiz@example.com'] },
        },
      });
    const first = planIntake([refusal('2026-09-01'), refusal('2026-10-01')], { ...input, history }, TODAY, AT);
    expect(first.outcomes.map((o) => `${o.kind} ${o.changed}: ${o.note}`)).toEqual([
      'refused true: ana.ruiz@example.com (554 5.7.1 Message rejected as spam): the message was refused; ana-ruiz.monthly.send.2026-09-01 failed, the address is kept',
      'refused true: ana.ruiz@example.com (554 5.7.1 Message rejected as spam): the message was refused; ana-ruiz.monthly.send.2026-10-01 failed, the address is kept',
    ]);
    expect(first.contacts).toEqual([]);
    expect(first.history[0]).toEqual({
      event: 'failed',
      at: AT,
      touch: 'ana-ruiz.monthly.send.2026-09-01',
      contact: 'ana-ruiz',
      plan: 'monthly',
      step: 'send',
      due: '2026-09-01',
      channel: 'email',
      code: 'MessageRefused',
      reason: "refused by the recipient's server: 554 5.7.1 Message rejected as spam",
      temporary: false,
    });

    const after = [...history, ...first.history];
    const again = planIntake([refusal('2026-10-01'), refusal('2026-11-01')], { ...input, history: after }, TODAY, AT);
    expect(again.outcomes.map((o) => `${o.kind} ${o.changed}`)).toEqual(['refused false', 'refused true']);
    expect(again.outcomes[1].note).toContain('the third refusal in a row; flagged in contacts/ana-ruiz.yaml');
    expect(again.contacts[0].changes[0].value).toMatchObject({ email: 'ana.ruiz@example.com', code: 'MessageRefused' });
  });

  // Issue 15 point 6: consent counts only from a sender the mail adapter verified.
  it('takes a review written on the site’s review page as a draft, named as the reviewer chose, with their consent', () => {
    const verified = { how: 'dkim', domain: 'example.com' } as const;
    const review = (source: string, choice: string, fields: Partial<IncomingMessage> = {}) =>
      message({
        source,
        messageId: `<${source}@x>`,
        from: 'ana.ruiz@example.com',
        subject: 'My review of Harbour & Hill',
        words: `Hello Harbour & Hill,\n\nMy review:\nMaya found us a flat in a week and kept us calm.\n\n${choice}\n\nThanks,\nAna`,
        verified,
        ...fields,
      });
    const plan = planIntake(
      [
        review('full', 'You may publish my review, with my full name, on your website and in your emails.'),
        review('first', 'You may publish my review, with my first name only, on your website and in your emails.'),
        review('private', 'Please do not publish my review: it is for you only.'),
        review('stranger', 'You may publish my review, with my full name, on your website and in your emails.', {
          from: 'kit@morgan.example',
        }),
      ],
      input,
      TODAY,
      AT,
    );
    expect(plan.outcomes.map((o) => `${o.source} ${o.kind} ${o.changed}: ${o.note}`)).toEqual([
      'full testimonial true: ana-ruiz sent a review from the site: draft testimonials/ana-ruiz-review-2026-11-04.mdx',
      'first testimonial true: ana-ruiz sent a review from the site: draft testimonials/ana-ruiz-review-2026-11-04-2.mdx',
      'private testimonial true: ana-ruiz sent a review from the site: draft testimonials/ana-ruiz-review-2026-11-04-3.mdx',
      'stranger unknown false: a review from the site by kit@morgan.example, who is no contact: left alone; add them as a contact and take it in again',
    ]);
    expect(plan.testimonials.map((t) => [t.data.author, t.data.quote, t.data.source, t.data.consent])).toEqual([
      [
        { name: 'Ana Ruiz', contact: 'ana-ruiz' },
        'Maya found us a flat in a week and kept us calm.',
        { name: "Email from our website's review page" },
        {
          scope: ['website', 'email'],
          date: '2026-11-04',
          evidence:
            'email <full@x> of 2026-11-04, sender verified by DKIM for example.com: "You may publish my review, with my full name, on your website and in your emails."',
        },
      ],
      [
        { name: 'Ana', contact: 'ana-ruiz' },
        'Maya found us a flat in a week and kept us calm.',
        { name: "Email from our website's review page" },
        {
          scope: ['website', 'email'],
          date: '2026-11-04',
          evidence:
            'email <first@x> of 2026-11-04, sender verified by DKIM for example.com: "You may publish my review, with my first name only, on your website and in your emails."',
        },
      ],
      [
        { name: 'Ana R.', contact: 'ana-ruiz' },
        'Maya found us a flat in a week and kept us calm.',
        { name: "Email from our website's review page" },
        undefined,
      ],
    ]);
    expect(plan.testimonials[2].notes.slice(-2)).toEqual([
      'They also wrote, and this limits what may be published:',
      '  "Please do not publish my review: it is for you only."',
    ]);
  });

  it('records consent only from a reply verified for the From address’s domain, and says how', () => {
    const reply = (source: string, verified?: IncomingMessage['verified']) =>
      message({
        source,
        messageId: `<${source}@x>`,
        from: 'ana.ruiz@example.com',
        subject: 'Re: A small favour, Ana?',
        words: 'A calm move. Happy for you to use this on your website.',
        ...(verified ? { verified } : {}),
      });
    const plan = planIntake(
      [
        reply('dkim', { how: 'dkim', domain: 'example.com' }),
        reply('provider', { how: 'authentication-results', domain: 'EXAMPLE.com' }),
        // A verdict for another domain vouches for no one at example.com.
        reply('other-domain', { how: 'dkim', domain: 'mail.example.com' }),
        reply('none'),
      ],
      input,
      TODAY,
      AT,
    );
    expect(plan.testimonials.map((t) => [t.data.quote, (t.data.consent as { evidence?: string } | undefined)?.evidence])).toEqual([
      [
        'A calm move.',
        'email <dkim@x> of 2026-11-04, sender verified by DKIM for example.com: "Happy for you to use this on your website."',
      ],
      [
        'A calm move.',
        'email <provider@x> of 2026-11-04, sender verified by your mailbox provider for EXAMPLE.com: "Happy for you to use this on your website."',
      ],
      ['A calm move.', undefined],
      ['A calm move.', undefined],
    ]);
    expect(plan.outcomes.map((o) => o.note.endsWith('(unverified sender: consent not recorded until you confirm)'))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  // Issue 15's signed links, for a household's email: one email, one link, two people.
  it('stops the one of a household who writes with its signed link, or all of them when the sender is not theirs', () => {
    // The core is given `Sign`, whatever makes it: an FNV-1a hash stands in for HMAC here.
    const sign = (text: string) => {
      let hash = 2166136261;
      for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
      return (hash >>> 0).toString(16).padStart(8, '0').repeat(4);
    };
    const household = {
      ...input,
      sign,
      contacts: [
        ...input.contacts,
        { id: 'sam-ruiz', file: 'contacts/sam-ruiz.yaml', data: { name: 'Sam Ruiz', emails: ['sam@example.com'] } },
      ],
    };
    const token = unsubscribeToken(sign, ['ana-ruiz', 'sam-ruiz'], 'Ana.Ruiz@example.com');
    const request = (from: string) => message({ from, to: ['unsubscribe@harbourhill.example'], subject: `Unsubscribe ${token}` });
    const sam = planIntake([request('sam@example.com')], household, TODAY, AT);
    expect(sam.outcomes.map((o) => o.note)).toEqual([
      'sam-ruiz asked to unsubscribe (sent to unsubscribe@harbourhill.example): marked unsubscribed in contacts/sam-ruiz.yaml',
    ]);
    const stranger = planIntake([request('ruiz.family@else.example')], household, TODAY, AT);
    expect(stranger.contacts.map((c) => [c.id, (c.changes[0].value as { evidence: string }).evidence])).toEqual(
      ['ana-ruiz', 'sam-ruiz'].map((id) => [
        id,
        `Email (no Message-ID) of 2026-11-04 from ruiz.family@else.example: subject "Unsubscribe ${token}" (signed unsubscribe link); the email went to ana-ruiz and sam-ruiz with one link, which cannot tell who asked, so all of them were stopped`,
      ]),
    );
  });

  it('says in an unsubscribe’s evidence that its sender was verified', () => {
    const plan = planIntake(
      [
        message({
          from: 'ana.ruiz@example.com',
          to: ['unsubscribe@harbourhill.example'],
          subject: 'Unsubscribe',
          verified: { how: 'dkim', domain: 'example.com' },
        }),
      ],
      input,
      TODAY,
      AT,
    );
    expect(plan.contacts[0].changes[0].value).toEqual({
      date: '2026-11-04',
      evidence:
        'Email (no Message-ID) of 2026-11-04 from ana.ruiz@example.com: subject "Unsubscribe" (sender verified by DKIM for example.com)',
    });
  });
});
