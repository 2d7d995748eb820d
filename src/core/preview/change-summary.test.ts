import { describe, expect, it } from 'vitest';
import { summarizeChange, type PlannedRow } from './change-summary.ts';

describe('summarizeChange', () => {
  it('groups emails by subject and tasks by channel', () => {
    const rows: PlannedRow[] = [
      { date: '2026-12-01', contact: 'ana-ruiz', plan: 'monthly-newsletter', step: 'send', channel: 'email', subject: 'Winter | tips' },
      { date: '2026-12-01', contact: 'tom-byrne', plan: 'monthly-newsletter', step: 'send', channel: 'email', subject: 'Winter | tips' },
      { date: '2026-12-03', contact: 'ana-ruiz', plan: 'birthday', step: 'email', channel: 'email', subject: 'Happy birthday, Ana' },
      { date: '2026-12-02', contact: 'ana-ruiz', plan: 'quarterly-call', step: 'call', channel: 'call' },
    ];
    expect(summarizeChange(rows, { days: 14, previews: 3 })).toMatchInlineSnapshot(`
      "<!-- referable-change-summary -->
      ### What this branch will send in the next 14 days

      **3** emails and **1** personal touch.

      | first day | subject | plan | recipients |
      | --- | --- | --- | ---: |
      | 2026-12-01 | Winter \\| tips | monthly-newsletter | 2 |
      | 2026-12-03 | Happy birthday, Ana | birthday | 1 |

      | channel | tasks | first day |
      | --- | ---: | --- |
      | call | 1 | 2026-12-02 |

      Busiest day: 2026-12-01 with 2 touches.

      3 rendered emails are in the **email-previews** artifact of this run."
    `);
  });

  it('says when nothing is due', () => {
    expect(summarizeChange([], { days: 14, previews: 0 })).toContain('Nothing is due.');
  });
});
