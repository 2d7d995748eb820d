import { describe, expect, it } from 'vitest';
import { isAutomatic } from './automatic.ts';

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
});
