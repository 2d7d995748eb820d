/**
 * Days: calendar rules (months, anniversaries, business days) and the business day of a moment.
 */
export { businessDate, businessDayOf, outsideSendWindow } from './business-day.ts';
export {
  addMonths,
  civilOf,
  clampedDayOf,
  dayOf,
  dayOfPlainDate,
  formatDay,
  monthsBetween,
  parseDay,
  plainDates,
  type Day,
} from './calendar.ts';
