/** What `check` points out without failing: content that is valid but waits for the owner. */
import { problem, type Problem } from '../problems/index.ts';
import type { Content } from '../model/index.ts';

/** Open referral drafts (introductions taken in from the site), oldest first. */
export function contentWarnings(content: Content): Problem[] {
  return content.referralDrafts
    .toSorted((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id))
    .map((r) =>
      problem(
        'OpenReferralDraft',
        r.file,
        { line: 0, column: 0 },
        'draft',
        `${r.data.referrer} introduced ${r.data.draft?.name ?? r.data.referred} on ${r.data.date}: still a draft to complete`,
      ),
    );
}
