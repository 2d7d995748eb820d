/**
 * The kinds of message intake knows, one file each, in the order they are asked: the first that
 * recognises a message applies it. A spam complaint and a delivery report are read as such even
 * from a program; an automatic reply is never taken as a request; an unsubscribe wins over
 * anything else a person wrote; the last kind takes whatever is left. Adding a kind is one file and one line here.
 */
import { autoReply } from './auto-reply.ts';
import { complaint } from './complaint.ts';
import { deliveryReport } from './delivery-report.ts';
import { introduction } from './introduction.ts';
import { otherMessage } from './other.ts';
import type { MessageKind } from '../run.ts';
import { siteReview } from './site-review.ts';
import { testimonialReply } from './testimonial-reply.ts';
import { unsubscribe } from './unsubscribe.ts';

export const MESSAGE_KINDS: readonly MessageKind[] = [
  complaint,
  deliveryReport,
  autoReply,
  unsubscribe,
  testimonialReply,
  siteReview,
  introduction,
  otherMessage,
];
