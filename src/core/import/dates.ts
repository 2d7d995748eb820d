/**
 * Days as exports write them: ISO (`1980-04-03`), numeric with slashes or dashes in the owner's
 * order (`03/04/1980`), German and Dutch dots (`3.4.1980`, always day first), and year first
 * (`1980/4/3`, as Japanese programs write). Pure.
 */
import { isCalendarDate, isMonthDay, type DateOrder } from '../model/index.ts';

/** A day read from a cell: the day, a blank, or why it could not be read. */
export type ReadDay = { day: string } | { blank: true } | { ambiguous: [string, string] } | { invalid: true };

const NUMERIC = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;
// A birthday without its year, as Mailchimp writes one: `05/12`.
const NO_YEAR = /^(\d{1,2})\/(\d{1,2})$/;
const DOTTED = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
// Outlook writes an empty date as 0/0/00 (0.0.00 in German).
const BLANK = /^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/;

/**
 * The order a file's numeric dates must be in, from the dates themselves: `03/25/1980` can only be
 * month first. Undefined when no date says, or when the file says both.
 */
export function dateOrderOf(values: Iterable<string>): DateOrder | undefined {
  let dmy = false;
  let mdy = false;
  for (const value of values) {
    const m = NUMERIC.exec(value.trim());
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) dmy = true;
    if (b > 12 && a <= 12) mdy = true;
  }
  return dmy === mdy ? undefined : dmy ? 'DMY' : 'MDY';
}

/**
 * A day as `YYYY-MM-DD` (or `MM-DD` for a birthday without a year). A numeric date whose day and
 * month could be swapped is read in `order`, and is ambiguous when no order is known.
 */
export function readDay(value: string, order: DateOrder | undefined, birthday: boolean): ReadDay {
  const text = value.trim();
  if (!text || BLANK.test(text)) return { blank: true };
  const iso = text.replace(/^--/, '');
  if (isCalendarDate(iso) || (birthday && /^\d{2}-\d{2}$/.test(iso) && isMonthDay(iso))) return { day: iso };
  const monthDay = birthday ? NO_YEAR.exec(text) : null;
  if (monthDay) return inOrder(monthDayOf(monthDay[2], monthDay[1]), monthDayOf(monthDay[1], monthDay[2]), order);
  const ymd = YEAR_FIRST.exec(text);
  if (ymd) return dayOf(ymd[1], ymd[2], ymd[3]);
  const dotted = DOTTED.exec(text);
  if (dotted) return dayOf(dotted[3], dotted[2], dotted[1]);
  const m = NUMERIC.exec(text);
  if (!m) return { invalid: true };
  return inOrder(dayOf(m[3], m[2], m[1]), dayOf(m[3], m[1], m[2]), order);
}

/** The day first reading or the month first one: whichever is a real day, else the one `order` says. */
function inOrder(dmy: ReadDay, mdy: ReadDay, order: DateOrder | undefined): ReadDay {
  if (!('day' in dmy)) return mdy;
  if (!('day' in mdy) || dmy.day === mdy.day) return dmy;
  if (order) return order === 'DMY' ? dmy : mdy;
  return { ambiguous: [dmy.day, mdy.day] };
}

/**
 * A birthday written in parts (Thunderbird's three CSV columns, LDIF's birthyear, birthmonth and
 * birthday): the year may be missing; the month and day are numbers.
 */
export function birthdayOfParts(year: string | undefined, month: string | undefined, day: string | undefined): ReadDay {
  if (!month && !day) return { blank: true };
  if (!month || !day || !/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) return { invalid: true };
  if (!year) return monthDayOf(month, day);
  return /^\d{4}$/.test(year) ? dayOf(year, month, day) : { invalid: true };
}

function monthDayOf(month: string, day: string): ReadDay {
  const md = `${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isMonthDay(md) ? { day: md } : { invalid: true };
}

/**
 * The day of a time written `2024-03-01 10:05:00` (or ISO 8601's `T`), if the cell holds one. A
 * time written in UTC is given the day it was in `utcIn`, the business's time zone.
 */
export function dayOfTime(value: string, utcIn?: string): string | undefined {
  const [, day, time] = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)/.exec(value.trim()) ?? [];
  if (!day || !isCalendarDate(day)) return undefined;
  if (!utcIn) return day;
  try {
    return Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime('UTC').withTimeZone(utcIn).toPlainDate().toString();
  } catch {
    // A time of day past 23:59, or a zone this Node does not know: the day as written.
    return day;
  }
}

function dayOf(year: string, month: string, day: string): ReadDay {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? { day: iso } : { invalid: true };
}
