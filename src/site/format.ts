/** How dates and lists read on the site. */

// One formatter per locale, and each day formatted once: a formatter per call (as
// `toLocaleString` makes) cost seconds in a build with thousands of cards, most of them on few days.
const formatters = new Map<string, { format: Intl.DateTimeFormat; days: Map<string, string> }>();

/** `2026-01-05` as the locale writes it: "5 January 2026" in en-GB, "January 5, 2026" in en-US. */
export function formatDate(day: string, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = { format: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }), days: new Map() };
    formatters.set(locale, formatter);
  }
  let text = formatter.days.get(day);
  if (text === undefined) formatter.days.set(day, (text = formatter.format.format(Temporal.PlainDate.from(day))));
  return text;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the locale writes it: 1250.5 as "1,250.5" in en-GB, "1.250,5" in de-DE. */
export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

/** Open Graph's form of a locale: `en-GB` as `en_GB`. */
export function ogLocale(locale: string): string {
  return locale.replace('-', '_');
}

/** Up to two initials from a business name: "Harbour & Hill" gives "HH". */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) => word[0].toUpperCase())
    .join('');
}

/** `09:30` as the locale writes a time of day: "09:30" in en-GB, "9:30 AM" in en-US. */
export function formatTime(hhmm: string, locale: string): string {
  return Temporal.PlainTime.from(hhmm).toLocaleString(locale, { hour: 'numeric', minute: '2-digit' });
}

const WEEK = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Days of the week in the locale's words, runs joined: "Monday to Friday", "Monday, Wednesday". */
export function dayRange(days: readonly string[], locale: string): string {
  // 2024-01-01 was a Monday: day n of the week is that day plus n - 1.
  const name = (day: string) =>
    Temporal.PlainDate.from('2024-01-01')
      .add({ days: WEEK.indexOf(day) })
      .toLocaleString(locale, { weekday: 'long' });
  const sorted = [...new Set(days)].sort((a, b) => WEEK.indexOf(a) - WEEK.indexOf(b));
  const runs: string[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && WEEK.indexOf(day) === WEEK.indexOf(run.at(-1)!) + 1) run.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length > 2 ? `${name(run[0])} to ${name(run.at(-1)!)}` : run.map(name).join(', '))).join(', ');
}
