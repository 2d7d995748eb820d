/** How dates and lists read on the site. */

// One formatter for the site, and each day formatted once: a formatter per call (as
// `toLocaleString` makes) cost seconds in a build with thousands of cards, most of them on few days.
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const formatted = new Map<string, string>();

/** `2026-01-05` as "5 January 2026". */
export function formatDate(day: string): string {
  let text = formatted.get(day);
  if (text === undefined) formatted.set(day, (text = DAY.format(Temporal.PlainDate.from(day))));
  return text;
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
