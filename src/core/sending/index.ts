/**
 * Sending: what a failed send means (one touch's failure, or a fault that stops the run), through
 * SMTP or Amazon SES, and the breaker that decides when the send loop stops.
 */
export { classifySendFailure, type SendError } from './classify.ts';
export { classifySesFailure, SES_FIX, type SesError } from './classify-ses.ts';
export { nextBreaker, type Breaker, type SendingStop } from './breaker.ts';
