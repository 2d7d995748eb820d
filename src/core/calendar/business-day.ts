import { because } from '../reasons/index.ts';

/** The business's calendar day at a moment: the day its owner would write on a letter. */
export function businessDate(instant: Temporal.Instant, timeZone: string): Temporal.PlainDate {
  return instant.toZonedDateTimeISO(timeZone).toPlainDate();
}

/** The business day, `YYYY-MM-DD`, of an ISO 8601 moment with offset (`2026-11-25T09:00:00Z`). */
export function businessDayOf(moment: string, timeZone: string): string {
  return businessDate(Temporal.Instant.from(moment), timeZone).toString();
}

/**
 * Why emails must wait at `instant`, or undefined inside the business's send window (`start`
 * inclusive, `end` exclusive, both `HH:MM` on the business's clock).
 */
export function outsideSendWindow(window: { start: string; end: string }, instant: Temporal.Instant, timeZone: string): string | undefined {
  const time = instant.toZonedDateTimeISO(timeZone).toPlainTime();
  const start = Temporal.PlainTime.from(window.start);
  const end = Temporal.PlainTime.from(window.end);
  const open = Temporal.PlainTime.compare(start, time) <= 0 && Temporal.PlainTime.compare(time, end) < 0;
  if (open) return undefined;
  return because('OutsideSendWindow', { time: time.toString({ smallestUnit: 'minute' }), timeZone, ...window }).reason;
}
