/**
 * The private report: who is overdue, touches sent, referrals by source and what preceded them.
 */
export { reportHtml } from './html.ts';
export { reportMarkdown } from './markdown.ts';
export { buildReport } from './report.ts';
