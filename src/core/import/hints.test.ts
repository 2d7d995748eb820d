import { describe, expect, it } from 'vitest';
import { importHints } from './hints.ts';

describe('importHints', () => {
  it.each([
    ['en-GB', { dateOrder: 'DMY' }],
    ['en-US', { dateOrder: 'MDY' }],
    ['de-DE', { dateOrder: 'DMY' }],
    ['pl-PL', { dateOrder: 'DMY', encoding: 'windows-1250' }],
    ['cs', { dateOrder: 'DMY', encoding: 'windows-1250' }],
    ['uk-UA', { dateOrder: 'DMY', encoding: 'windows-1251' }],
    ['el-GR', { dateOrder: 'DMY', encoding: 'windows-1253' }],
    ['tr-TR', { dateOrder: 'DMY', encoding: 'windows-1254' }],
    ['sr-Latn-RS', { dateOrder: 'DMY', encoding: 'windows-1250' }],
    ['sr-RS', { dateOrder: 'DMY', encoding: 'windows-1251' }],
    // Year first: such a locale's files never swap day and month, so they give no order.
    ['ja-JP', { encoding: 'shift_jis' }],
    ['hu-HU', { encoding: 'windows-1250' }],
    ['zh-TW', { encoding: 'big5' }],
    ['zh-CN', { encoding: 'gbk' }],
  ])("takes %s's date order and Windows code page", (locale, hints) => {
    expect(importHints({ timeZone: 'Europe/London', site: { locale } })).toEqual({ timeZone: 'Europe/London', ...hints });
  });

  it("lets dateOrder override the locale's, and takes nothing the owner did not write or that is not a locale", () => {
    expect(importHints({ dateOrder: 'MDY', site: { locale: 'en-GB' } })).toEqual({ dateOrder: 'MDY' });
    expect(importHints({ dateOrder: 'YMD', site: { locale: 'en-GB' } })).toEqual({ dateOrder: 'DMY' });
    expect(importHints({ site: { url: 'https://example.com' } })).toEqual({});
    expect(importHints({ site: { locale: 'not a locale!' } })).toEqual({});
    expect(importHints({ site: { locale: 42 } })).toEqual({});
    expect(importHints(undefined)).toEqual({});
    expect(importHints('settings')).toEqual({});
  });
});
