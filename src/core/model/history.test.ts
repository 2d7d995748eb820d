import { describe, expect, it } from 'vitest';
import { HistoryEntrySchema } from './history.ts';

const touch = {
  at: '2026-12-01T09:00:00Z',
  touch: 'ana-ruiz.monthly-newsletter.send.2026-12-01',
  contact: 'ana-ruiz',
  plan: 'monthly-newsletter',
  step: 'send',
  due: '2026-12-01',
  channel: 'email',
};

describe('HistoryEntrySchema', () => {
  it('keeps a reason code beside the words, and reads entries written before codes existed', () => {
    const coded = { event: 'skipped', ...touch, reason: 'unsubscribed on 2026-09-14', code: 'Unsubscribed' };
    expect(HistoryEntrySchema.parse(coded)).toEqual(coded);
    const old = { event: 'missed', ...touch, reason: 'not planned within the 5-day grace window after its due day' };
    expect(HistoryEntrySchema.parse(old)).toEqual(old);
  });

  it('reads a note beside a touch (issue 16, point 2), which must say why and from which message', () => {
    const noted = {
      event: 'noted',
      ...touch,
      reason: "the recipient's mailbox was full: 552 5.2.2 Mailbox full",
      code: 'MailboxFull',
      evidence: 'email <b1@mx.example> of 2026-12-02',
    };
    expect(HistoryEntrySchema.parse(noted)).toEqual(noted);
    const { code: _, evidence: __, ...bare } = noted;
    const result = HistoryEntrySchema.safeParse(bare);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.code}`)).toEqual(['code: invalid_value', 'evidence: invalid_type']);
  });

  it('refuses a code the catalogue does not hold', () => {
    const result = HistoryEntrySchema.safeParse({ event: 'failed', ...touch, reason: '550', code: 'Bounced', temporary: false });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.code}`)).toEqual(['code: invalid_value']);
  });
});
