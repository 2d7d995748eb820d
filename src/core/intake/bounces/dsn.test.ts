import { describe, expect, it } from 'vitest';
import { parseDeliveryStatus } from './dsn.ts';

const brief = (text: string) => parseDeliveryStatus(text).map((r) => `${r.address} ${r.action} ${r.status} ${r.kind}`);

describe('parseDeliveryStatus (issue 16, point 1)', () => {
  it('reads each recipient, whether or not blank lines part the report’s fields from the recipients’', () => {
    const fields = ['Final-Recipient: rfc822; ana@example.com', 'Action: failed', 'Status: 5.1.1'];
    const other = [
      'Original-Recipient: rfc822;leo@example.net',
      'Final-Recipient: rfc822; leo@example.net',
      'Action: delayed',
      'Status: 4.4.1',
    ];
    const expected = ['ana@example.com failed 5.1.1 permanent', 'leo@example.net delayed 4.4.1 temporary'];
    expect(brief(['Reporting-MTA: dns; mx.example', '', ...fields, '', ...other].join('\n'))).toEqual(expected);
    expect(brief(['Reporting-MTA: dns; mx.example', ...fields, ...other].join('\n'))).toEqual(expected);
    expect(brief([...fields, ...other].join('\r\n'))).toEqual(expected);
  });

  it('takes the fields written before a recipient’s address as that recipient’s, as Facebook writes them', () => {
    const report = ['Reporting-MTA: dns; 10.0.0.1', '', 'Diagnostic-Code: SMTP; 550 5.1.1 RCP-P2', 'Status: 5.1.1'];
    const parsed = parseDeliveryStatus([...report, 'Final-Recipient: rfc822; ana@example.com', 'Action: failed'].join('\n'));
    expect(parsed).toEqual([
      { address: 'ana@example.com', action: 'failed', status: '5.1.1', diagnostic: 'SMTP; 550 5.1.1 RCP-P2', kind: 'permanent' },
    ]);
  });

  it('reads the address through a source route, brackets and comments, and never takes a pipe for one', () => {
    const report = (final: string, original?: string) =>
      brief(
        [
          'Reporting-MTA: dns; mx.example',
          '',
          ...(original ? [`Original-Recipient: ${original}`] : []),
          `Final-Recipient: ${final}`,
          'Action: failed',
          'Status: 5.0.0',
        ].join('\n'),
      );
    expect(report('rfc822; @smtp.example.net:Ana@Example.com')).toEqual(['ana@example.com failed 5.0.0 permanent']);
    expect(report('RFC822; <ana@example.com> (Ana Ruiz)')).toEqual(['ana@example.com failed 5.0.0 permanent']);
    expect(report('rfc822; |/usr/bin/procmail', 'rfc822; ana@example.com')).toEqual(['ana@example.com failed 5.0.0 permanent']);
    expect(report('x-unix; |/usr/bin/procmail')).toEqual([]);
  });
});
