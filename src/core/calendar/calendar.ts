/**
 * Calendar days as whole numbers (days since 1970-01-01) for the planner's inner loops, where a
 * `Temporal.PlainDate` per comparison would cost too much. Conversions follow Howard Hinnant's
 * civil-date algorithms (http://howardhinnant.github.io/date_algorithms.html); months clamp the
 * way `Temporal.PlainDate#add` does.
 */

/** Days since 1970-01-01 (negative before it). */
export type Day = number;

export type Civil = { year: number; month: number; day: number };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : LENGTHS[month - 1];
}

/** The day number of a real civil date. */
export function dayOf(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The day number of year-month-day, a day past the month's end falling on its last day. */
export function clampedDayOf(year: number, month: number, day: number): Day {
  return dayOf(year, month, Math.min(day, daysInMonth(year, month)));
}

export function civilOf(n: Day): Civil {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `months` months after day `n`, on the same day of the month or the month's last day. */
export function addMonths(n: Day, months: number): Day {
  const { year, month, day } = civilOf(n);
  const index = year * 12 + (month - 1) + months;
  return clampedDayOf(Math.floor(index / 12), (index % 12) + 1, day);
}

/** Whole months from the month of `a` to the month of `b` (days of the month ignored). */
export function monthsBetween(a: Day, b: Day): number {
  const x = civilOf(a);
  const y = civilOf(b);
  return (y.year - x.year) * 12 + (y.month - x.month);
}

/** Reads `YYYY-MM-DD`. The schema has already checked that the day exists. */
export function parseDay(iso: string): Day {
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatDay(n: Day): string {
  const { year, month, day } = civilOf(n);
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function dayOfPlainDate(date: Temporal.PlainDate): Day {
  return dayOf(date.year, date.month, date.day);
}

/** Turns day numbers back into `Temporal.PlainDate`s, one shared (immutable) value per day. */
export function plainDates(): (n: Day) => Temporal.PlainDate {
  const cache = new Map<Day, Temporal.PlainDate>();
  return (n) => {
    let date = cache.get(n);
    if (!date) {
      const { year, month, day } = civilOf(n);
      date = new Temporal.PlainDate(year, month, day);
      cache.set(n, date);
    }
    return date;
  };
}
