/**
 * Colours from settings made readable: text drawn in a brand colour, or on it, keeps the WCAG AA
 * contrast ratio of 4.5:1 whatever colours the owner picks.
 */

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance, WCAG 2.x. */
function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour darkened toward black just enough to reach `ratio` against `background`. */
function readableOn(colour: string, background = '#ffffff', ratio = 4.5): string {
  const start = rgb(colour);
  for (let step = 0; step <= 20; step++) {
    const mixed = hex(start.map((c) => c * (1 - step / 20)) as Rgb);
    if (contrast(mixed, background) >= ratio) return mixed;
  }
  return '#000000';
}

/** White or near-black, whichever reads better on `background`. */
export function inkOn(background: string): string {
  return contrast('#ffffff', background) >= contrast('#14181a', background) ? '#ffffff' : '#14181a';
}

// Every page's <html> carries the same style: worked out once per pair of colours.
const themes = new Map<string, string>();

/** The CSS custom properties the stylesheet uses, from the two brand colours. */
export function themeStyle(colours: { primary: string; accent: string }): string {
  const key = `${colours.primary} ${colours.accent}`;
  let style = themes.get(key);
  if (style === undefined) themes.set(key, (style = customProperties(colours)));
  return style;
}

function customProperties(colours: { primary: string; accent: string }): string {
  const primary = readableOn(colours.primary);
  const accent = readableOn(colours.accent);
  return [
    `--primary:${primary}`,
    `--on-primary:${inkOn(primary)}`,
    `--accent:${accent}`,
    `--on-accent:${inkOn(accent)}`,
    `--accent-soft:${colours.accent}1f`,
    `--primary-soft:${colours.primary}14`,
  ].join(';');
}
