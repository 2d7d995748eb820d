/** The business's calendar day at a moment: the day its owner would write on a letter. */
export function businessDate(instant: Temporal.Instant, timeZone: string): Temporal.PlainDate {
  return instant.toZonedDateTimeISO(timeZone).toPlainDate();
}

/** The business day, `YYYY-MM-DD`, of an ISO 8601 moment with offset (`2026-11-25T09:00:00Z`). */
export function businessDayOf(moment: string, timeZone: string): string {
  return businessDate(Temporal.Instant.from(moment), timeZone).toString();
}
