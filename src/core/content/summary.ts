import type { Content } from '../model/index.ts';

/** A few lines on what a content folder holds, for the end of `check`. */
export function summarizeContent(content: Content): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const bySegment = new Map<string, number>();
  for (const c of content.contacts) bySegment.set(c.data.segment, (bySegment.get(c.data.segment) ?? 0) + 1);
  const segments = [...bySegment]
    .sort()
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  const top = content.contacts.filter((c) => c.data.tier === 'top').length;
  const name = content.settings?.business.name ?? 'This content';
  return [
    `${name}: all content is valid.`,
    `  ${count(content.contacts.length, 'contact')} (${segments || 'none'}; ${top} top tier)`,
    `  ${count(content.plans.length, 'touch plan')}, ${count(content.newsletters.length, 'newsletter')}, ${count(content.results.length, 'result')}`,
    `  ${count(content.referrals.length, 'referral')}${content.referralDrafts.length ? ` (and ${count(content.referralDrafts.length, 'draft')})` : ''}, ${count(content.testimonials.length, 'testimonial')}, ${count(content.history.length, 'history entry', 'history entries')}`,
  ].join('\n');
}
