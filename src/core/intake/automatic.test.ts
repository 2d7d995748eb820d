import { describe, expect, it } from 'vitest';
import { isAutomatic, newAddressIn } from './automatic.ts';

const message = (subject: string, words = 'Thanks, see you soon.', headers: Record<string, string> = {}) => ({ subject, words, headers });

describe('isAutomatic (issue 16, point 4)', () => {
  it.each([
    'Automatiskt svar: News from the harbour',
    'Automatisk svar: News from the harbour',
    '自动答复: News from the harbour',
    '자동 회신: News from the harbour',
    'Αυτόματη απάντηση: News from the harbour',
    'Automatikus válasz: News from the harbour',
    'Nieobecność w biurze',
    'Mensagem automática: News from the harbour',
    '[自動返信] News from the harbour',
    'Ana Ruiz is out of the office.',
    'Out of Office: News from the harbour',
    'Out of Office AutoReply: News from the harbour',
    'Out of office',
    '[Out of office] News from the harbour',
    'Out of the office until 12 November',
    'On holiday until 3 January',
    'On holiday - back on Monday',
    'On annual leave 9-13 November',
    'I am out of the office',
    'Automatic reply: Re: News from the harbour',
    'RE: Automatic reply: News from the harbour',
    'Abwesend bis 12.11.',
    'Absence du bureau',
    'Réponse automatique : News from the harbour',
    'Respuesta automática: News from the harbour',
    '不在のお知らせ',
  ])('knows the out-of-office subject "%s"', (subject) => {
    expect(isAutomatic(message(subject))).toBe(true);
  });

  it('knows an out-of-office by its opening words, or by the header an autoresponder sets', () => {
    expect(isAutomatic(message('Re: News from the harbour', 'Thank you for your email. I am out of the office until Monday.'))).toBe(true);
    expect(isAutomatic(message('Re: News from the harbour', 'Hello,\n\nI’m on annual leave until the 16th.'))).toBe(true);
    expect(isAutomatic(message('Re: News from the harbour', 'Hi', { 'x-autoreply-from': 'ana@example.com' }))).toBe(true);
  });

  it('takes a person’s reply for a person’s, even one that mentions being away', () => {
    expect(isAutomatic(message('Re: News from the harbour', 'Lovely news! I was out of the office last week, so only saw it now.'))).toBe(
      false,
    );
    expect(isAutomatic(message('Re: Absent-minded question'))).toBe(false);
  });

  it.each([
    'Re: On holiday plans',
    'On holiday plans',
    'Out of office move',
    'Re: Out of office',
    'Fwd: On holiday until Monday',
    'Absence of news',
    'Away from the office party: who is coming?',
  ])('takes "%s" for a person’s subject (issue 16)', (subject) => {
    expect(isAutomatic(message(subject))).toBe(false);
  });

  it.each([
    'Read: A small favour, Ana?',
    'Not read: A small favour, Ana?',
    'Gelesen: A small favour, Ana?',
    'Nicht gelesen: A small favour, Ana?',
    'Lu\u00a0: A small favour, Ana?',
    'Non lu : A small favour, Ana?',
    'Leído: A small favour, Ana?',
    'Letto: A small favour, Ana?',
    'Accepted: Open house at 14 Elm Road',
    'Tentative: Open house at 14 Elm Road',
    'Declined: Open house at 14 Elm Road',
    'Angenommen: Open house at 14 Elm Road',
    'Recall: A small favour, Ana?',
    'Message Recall Success: A small favour, Ana?',
    'Ticket Received - Re: A small favour, Leo?',
    'We have received your request REQ0019427 - Re: News from the harbour',
    'Re: A small favour, Ana? [Verification Required]',
    'Re: A small favour, Ana? (Action Required)',
    'Delivered: A small favour, Ana?',
    'Relayed: A small favour, Ana?',
    'Delivery Status Notification (Success)',
  ])('knows the receipt, meeting response, recall or acknowledgement "%s" (issue 16)', (subject) => {
    expect(isAutomatic(message(subject))).toBe(true);
  });

  it.each([
    'Re: Accepted: Open house at 14 Elm Road',
    'Accepted offer on Elm Road?',
    'Read this before Saturday',
    'Reading list for the new house',
    'Recalling our chat at the open house',
    'Lunch on Friday?',
    'Request received, thanks',
    'Delivered the keys to the agent today',
  ])('takes "%s" for a person’s subject (issue 16)', (subject) => {
    expect(isAutomatic(message(subject))).toBe(false);
  });

  it.each([
    ['German', 'Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihre E-Mail. Ich bin bis einschließlich 13. November außer Haus.'],
    ['Spanish', 'Hola:\n\nGracias por su mensaje. Estaré fuera de la oficina hasta el lunes 16 de noviembre.'],
    ['French', 'Bonjour,\n\nMerci pour votre message. Je suis absente du bureau jusqu’au 16 novembre.'],
    ['Italian', 'Grazie per il messaggio. Sono in ferie fino al 16 novembre.'],
    ['Dutch', 'Bedankt voor uw bericht. Ik ben tot 16 november afwezig.'],
    ['a helpdesk', 'Your request (48213) has been received and is being reviewed by our support staff.'],
    ['a helpdesk', "Thanks for getting in touch! We've received your message and one of the team will get back to you."],
    ['a challenge', 'To confirm that you are a human and not a spam robot, please reply to this message.'],
    ['a challenge', 'Your message about "A small favour" to ana.ruiz@example.com has been waitlisted.'],
    ['a recall', 'Ana Ruiz would like to recall the message, "A small favour, Ana?".'],
    ['a moved mailbox', 'Thank you for your email. Leo Novak has left the company and this mailbox is no longer monitored.'],
    ['a moved mailbox', 'Please note that my email address has changed. My new address is tom@harris-home.example.'],
  ])('knows %s notice by its words (issue 16)', (_, words) => {
    expect(isAutomatic(message('Re: A small favour, Ana?', words))).toBe(true);
  });

  it.each([
    "Thank you for your message, I'm back from holiday now and happy to help — here's my testimonial.",
    'I have received your email and will reply within a few days with a few words.',
    "We've received your message about the valuation and will get back to you as soon as we've spoken to the bank.",
    'Bonjour Maya,\n\nJe suis ravie de vous aider, même si j’étais absente le jour de la signature.',
    'Ich bin sehr froh, dass Sie uns geholfen haben: wir waren im Urlaub und alles lief.',
    'Hi Maya,\n\nSorry about the automatic reply: I have left the company and only read this account now.',
    'Our old address is no longer ours, but do send the card to the new house.',
    "I'm travelling until 9 November, but here's my testimonial: Maya was brilliant.",
    'Nothing urgent: happy to write something on my return.',
  ])('takes "%s" for a person’s words (issue 16)', (words) => {
    expect(isAutomatic(message('Re: A small favour, Ana?', words))).toBe(false);
  });

  it('knows what an Exchange mailbox rule or a mail system sent, and the stock sentences of an out-of-office', () => {
    expect(isAutomatic(message('Re: A small favour, Ana?', 'Back soon.', { 'x-ms-exchange-inbox-rules-loop': 'ana@example.com' }))).toBe(
      true,
    );
    const notice = "I'm travelling with limited signal until 9 November. For anything urgent please ring the office.";
    expect(isAutomatic(message('Re: A small favour, Ana?', notice))).toBe(true);
    expect(isAutomatic(message('Your message', 'Delivered.', { from: 'MAILER-DAEMON@mail.patel.example (Mail Delivery System)' }))).toBe(
      true,
    );
  });

  it('takes Outlook’s X-Auto-Response-Suppress for no sign of a program: people’s mail carries it too', () => {
    expect(isAutomatic(message('Re: A small favour, Ana?', 'Happy to help!', { 'x-auto-response-suppress': 'All' }))).toBe(false);
  });

  it('reads the new address a notice gives, but not one already known', () => {
    expect(newAddressIn('For Leo, please write to his new address: leo@novak-kitchen.example\nThanks', [])).toBe(
      'leo@novak-kitchen.example',
    );
    expect(newAddressIn('My new address is tom@harris-home.example; this one closes.', [])).toBe('tom@harris-home.example');
    expect(newAddressIn('My new address is tom@harris-home.example.', ['tom@harris-home.example'])).toBeUndefined();
    expect(newAddressIn('My new address is 4 Mill Lane, Bristol.', [])).toBeUndefined();
  });
});
