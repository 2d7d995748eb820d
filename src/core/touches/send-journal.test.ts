import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../model/index.ts';
import { claimEntry, emailsClaimedOn, heldByHistory, outcomeEntry, resolveOpenClaims, skippedEntry } from './send-journal.ts';
import type { DueTouch } from './touch.ts';

const day = Temporal.PlainDate.from('2026-11-03');
const touch: DueTouch = {
  id: 'ana-ruiz.news.send.2026-11-03',
  contact: 'ana-ruiz',
  plan: 'news',
  step: 'send',
  channel: 'email',
  due: day,
  date: day,
  priority: 1,
  reason: 'r',
};
const at = '2026-11-03T09:00:00Z';
const ids = { touch: touch.id, contact: 'ana-ruiz', plan: 'news', step: 'send', due: '2026-11-03', channel: 'email' } as const;

describe('the send journal', () => {
  it('writes a claim, then one outcome for each way a send can end', () => {
    expect(claimEntry(touch, at)).toEqual({ event: 'claimed', at, ...ids });
    expect(outcomeEntry(touch, { status: 'sent', messageId: '<m@x>', response: '250 Ok' }, at)).toEqual({
      event: 'sent',
      at,
      ...ids,
      messageId: '<m@x>',
      response: '250 Ok',
    });
    expect(outcomeEntry(touch, { status: 'failed', temporary: true, reason: '451 busy' }, at)).toEqual({
      event: 'failed',
      at,
      ...ids,
      reason: '451 busy',
      code: 'SendFailedTemporarily',
      temporary: true,
    });
    expect(outcomeEntry(touch, { status: 'unknown', reason: 'dropped after DATA' }, at)).toEqual({
      event: 'unknown',
      at,
      ...ids,
      reason: 'dropped after DATA',
      code: 'SendOutcomeUnknown',
    });
  });

  // Issue 15 point 7: history never records an email address, even inside a server's reply.
  it('writes server replies and reasons without email addresses, keeping the touch’s own Message-ID', () => {
    const messageId = '<ana-ruiz.news.send.2026-11-03@harbourhill.example>';
    const written = [
      outcomeEntry(touch, { status: 'sent', messageId, response: `250 2.0.0 OK <Ana.Ruiz@example.com> queued as ${messageId}` }, at),
      outcomeEntry(touch, { status: 'failed', temporary: false, reason: 'EENVELOPE 550 5.1.1 <x@y>: user unknown' }, at),
      outcomeEntry(touch, { status: 'unknown', reason: 'connection lost after the message was handed over (to ana@example.com.)' }, at),
      outcomeEntry(touch, { status: 'not-sent', reason: '553 sender maya@harbourhill.example refused' }, at),
      skippedEntry(
        { ...touch, code: 'EveryAddressBounced', reason: 'every email address bounced (the last, ana@example.com, on 2026-10-01: 550)' },
        'skipped',
        at,
      ),
    ];
    expect(written.map((e) => ('response' in e ? e.response : 'reason' in e ? e.reason : ''))).toEqual([
      `250 2.0.0 OK <[address]> queued as ${messageId}`,
      'EENVELOPE 550 5.1.1 <[address]>: user unknown',
      'connection lost after the message was handed over (to [address].)',
      '553 sender [address] refused',
      'every email address bounced (the last, [address], on 2026-10-01: 550)',
    ]);
  });

  it('turns a claim with no outcome into unknown, and leaves settled touches alone', () => {
    const other = { ...ids, touch: 'tom.news.send.2026-11-03', contact: 'tom' };
    const history: HistoryEntry[] = [
      { event: 'claimed', at, ...ids },
      { event: 'claimed', at, ...other },
      { event: 'sent', at, ...other, messageId: '<m@x>' },
    ];
    expect(resolveOpenClaims(history, '2026-11-04T09:00:00Z')).toEqual([
      {
        event: 'unknown',
        at: '2026-11-04T09:00:00Z',
        ...ids,
        code: 'ClaimWithoutOutcome',
        reason: 'claimed by an earlier run that ended before recording the outcome; check with the contact before sending again',
      },
    ]);
  });

  const unknown = { code: 'EarlierOutcomeUnknown', reason: 'an earlier send has no known outcome: never sent again automatically' };
  it.each<[HistoryEntry | undefined, object | undefined]>([
    [undefined, undefined],
    [{ event: 'failed', at, ...ids, reason: '451', temporary: true }, undefined],
    [
      { event: 'failed', at, ...ids, reason: '550 no such user', temporary: false },
      { code: 'EarlierPermanentFailure', reason: 'failed permanently earlier: 550 no such user' },
    ],
    [{ event: 'claimed', at, ...ids }, unknown],
    [{ event: 'unknown', at, ...ids, reason: 'x' }, unknown],
    [
      { event: 'sent', at, ...ids },
      { code: 'AlreadyRecorded', reason: 'already sent' },
    ],
  ])('history %j holds the touch back: %j', (last, why) => {
    expect(heldByHistory(last)).toEqual(why);
  });

  it('counts emails claimed on a business day in its time zone', () => {
    const history: HistoryEntry[] = [
      { event: 'claimed', at: '2026-11-02T23:30:00Z', ...ids },
      { event: 'claimed', at: '2026-11-04T03:00:00Z', ...ids },
      { event: 'claimed', at: '2026-11-03T23:30:00Z', ...ids },
      { event: 'claimed', at: '2026-11-03T10:00:00Z', ...ids, channel: 'call' },
    ];
    expect(emailsClaimedOn(history, day, 'Europe/London')).toBe(1);
    expect(emailsClaimedOn(history, day, 'Asia/Tokyo')).toBe(1);
    expect(emailsClaimedOn(history, day, 'America/New_York')).toBe(2);
  });
});
