/** How dates and lists read on the site. */

/** `2026-01-05` as "5 January 2026". */
export function formatDate(day: string): string {
  return Temporal.PlainDate.from(day).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
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
