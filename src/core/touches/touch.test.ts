import { describe, expect, it } from 'vitest';
import { parseTouchId, touchId, touchMessageId, touchOfMessageId } from './touch.ts';

describe('touch ids', () => {
  it('are made of contact, plan, step and due day, and read back into them', () => {
    const id = touchId('ana-ruiz', 'check-in', 'call', Temporal.PlainDate.from('2026-12-01'));
    expect(id).toBe('ana-ruiz.check-in.call.2026-12-01');
    expect(parseTouchId(id)).toEqual({ contact: 'ana-ruiz', plan: 'check-in', step: 'call', due: '2026-12-01' });
    expect([parseTouchId('ana-ruiz.check-in.call'), parseTouchId('Ana.check-in.call.2026-12-01')]).toEqual([undefined, undefined]);
  });
});

describe('touchMessageId', () => {
  it('is stable for a touch and keeps only characters allowed in a Message-ID', () => {
    expect(touchMessageId('a.b c<d>', 'x@mail.example')).toBe('<a.b-c-d-@mail.example>');
  });
});

describe('touchOfMessageId', () => {
  it("reads the touch back from a Message-ID the daily job made, only for the sender's domain", () => {
    const id = 'ana-ruiz.testimonial-request.ask.2026-11-02';
    expect(touchOfMessageId(touchMessageId(id, 'maya@harbourhill.example'), 'maya@harbourhill.example')).toEqual({
      contact: 'ana-ruiz',
      plan: 'testimonial-request',
      step: 'ask',
      due: '2026-11-02',
    });
    expect(touchOfMessageId(`<${id}@elsewhere.example>`, 'maya@harbourhill.example')).toBeUndefined();
    expect(touchOfMessageId('<CAF=abc@mail.gmail.com>', 'maya@harbourhill.example')).toBeUndefined();
  });
});
