import { dueRule, type NewsletterIssue, type RuleDue } from './rule.ts';

/** Each newsletter goes out on its send date to its own audience. */
export const newsletter = dueRule({
  name: 'newsletter',
  shape: {},
  rank: 0,
  dueDays(_rule, ctx, start, end) {
    const found: RuleDue[] = [];
    // Two newsletters on one day would share a touch id: the later one (by id) goes a day later.
    let previous: NewsletterIssue | undefined;
    let previousDue = -Infinity;
    for (const issue of ctx.newsletters) {
      const due = Math.max(issue.sendDay, previousDue + 1);
      const after = due > issue.sendDay && previous ? `, a day after "${previous.id}"` : '';
      if (due >= start && due <= end) {
        found.push({ due, reason: `newsletter "${issue.id}" of ${issue.sendDate}${after}`, newsletter: issue.id, subject: issue.subject });
      }
      previous = issue;
      previousDue = due;
    }
    return found;
  },
});
