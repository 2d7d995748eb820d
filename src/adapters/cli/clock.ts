/** The one place the real clock is read. */
import { businessDate } from '../../core/calendar/index.ts';

/** Today in the business's time zone. */
export function todayIn(timeZone: string): Temporal.PlainDate {
  return businessDate(Temporal.Now.instant(), timeZone);
}

/**
 * A clock giving ISO 8601 moments. With `date` (a `--date` rehearsal) it runs on that day at the
 * current time of day, so history written by the run agrees with the day it planned for.
 */
export function clockOn(date: Temporal.PlainDate | undefined, timeZone: string): () => string {
  if (!date) return () => Temporal.Now.instant().toString();
  const offset = date.since(todayIn(timeZone));
  return () => Temporal.Now.zonedDateTimeISO(timeZone).add(offset).toInstant().toString();
}
