/**
 * The private report: who is overdue, touches that reached people, referrals by source and what
 * preceded them, and one contact's timeline.
 */
export { reportHtml } from './html.ts';
export { reportMarkdown } from './markdown.ts';
export { buildReport } from './report.ts';
export { contactTimeline, formatTimeline } from './timeline.ts';
