/** Inline SVG charts for the HTML report: no script, no font or image from another host. */

/** Escapes text for HTML and SVG. */
export function escapeHtml(text: string | number): string {
  return String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

export type Bar = {
  label: string;
  value: number /** Part of the value drawn darker ("of which clients"). */;
  part?: number;
  note?: string;
  /** This bar's own colour, instead of the chart's. */
  colour?: string;
};

// Drawn no wider than its own width, so text keeps its size on a wide screen and shrinks no more
// than it must on a phone.
const svgOpen = (id: string, title: string, width: number, height: number, desc: string) =>
  `<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="100%" style="max-width: ${width}px" preserveAspectRatio="xMinYMin meet">` +
  `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>`;

const describe = (bars: readonly Bar[]) =>
  bars.map((b) => `${b.label}: ${b.value}${b.part !== undefined ? ` (${b.part} ${b.note ?? ''})` : ''}`).join('; ');

/** Vertical bars, one a column (referrals by month). */
export function columnChart(id: string, title: string, bars: readonly Bar[], colour: string): string {
  const width = 420;
  const height = 200;
  const top = 20;
  const bottom = 32;
  const left = 8;
  const slot = (width - left * 2) / Math.max(1, bars.length);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const scale = (height - top - bottom) / max;
  const parts = bars.map((b, i) => {
    const x = left + i * slot + slot * 0.18;
    const w = slot * 0.64;
    const h = b.value * scale;
    const y = height - bottom - h;
    const label = `<text class="axis" x="${x + w / 2}" y="${height - 12}" text-anchor="middle">${escapeHtml(b.label)}</text>`;
    const value = b.value ? `<text class="value" x="${x + w / 2}" y="${y - 5}" text-anchor="middle">${b.value}</text>` : '';
    const bar = `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${Math.max(h, 0).toFixed(1)}" rx="3" fill="${colour}"><title>${escapeHtml(`${b.label}: ${b.value}`)}</title></rect>`;
    return bar + value + label;
  });
  const base = `<line x1="${left}" x2="${width - left}" y1="${height - bottom}" y2="${height - bottom}" class="base"/>`;
  return `${svgOpen(id, title, width, height, describe(bars))}${base}${parts.join('')}</svg>`;
}

/** Horizontal bars, one a row, with an optional darker part (referrers and the clients they brought). */
export function barChart(id: string, title: string, bars: readonly Bar[], colours: { bar: string; part: string }): string {
  const row = 30;
  // Room for the longest label at about 7.6 px a character; longer ones are cut with an ellipsis.
  const shown = (label: string) => (label.length > 30 ? `${label.slice(0, 29)}…` : label);
  const labelWidth = Math.min(250, Math.max(110, 16 + 7.6 * Math.max(0, ...bars.map((b) => shown(b.label).length))));
  // Room for the bars beside the labels, and no more: a narrow chart stays legible on a phone.
  const width = labelWidth + 230;
  const height = Math.max(1, bars.length) * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const scale = (width - labelWidth - 48) / max;
  const rows = bars.map((b, i) => {
    const y = 4 + i * row;
    const w = b.value * scale;
    const partWidth = (b.part ?? 0) * scale;
    const tip = `${b.label}: ${b.value}${b.part !== undefined ? `, ${b.part} ${b.note ?? ''}` : ''}`;
    return (
      `<text class="label" x="${labelWidth - 10}" y="${y + row / 2 + 4}" text-anchor="end">${escapeHtml(shown(b.label))}</text>` +
      `<rect x="${labelWidth}" y="${y + 5}" width="${w.toFixed(1)}" height="${row - 10}" rx="3" fill="${b.colour ?? colours.bar}"><title>${escapeHtml(tip)}</title></rect>` +
      (partWidth
        ? `<rect x="${labelWidth}" y="${y + 5}" width="${partWidth.toFixed(1)}" height="${row - 10}" rx="3" fill="${colours.part}"><title>${escapeHtml(tip)}</title></rect>`
        : '') +
      `<text class="value" x="${labelWidth + w + 6}" y="${y + row / 2 + 4}">${b.value}</text>`
    );
  });
  const empty = bars.length ? '' : `<text class="label" x="8" y="20">Nothing yet</text>`;
  return `${svgOpen(id, title, width, height, describe(bars) || 'nothing yet')}${rows.join('')}${empty}</svg>`;
}

/** One bar split into shares, with a legend below (how referrals turned out). */
export function shareChart(id: string, title: string, bars: readonly (Bar & { colour: string })[]): string {
  const width = 420;
  const height = 104;
  const total = bars.reduce((n, b) => n + b.value, 0);
  let x = 0;
  const segments = bars
    .filter((b) => b.value > 0)
    .map((b) => {
      const w = (b.value / total) * width;
      const rect = `<rect x="${x.toFixed(1)}" y="4" width="${w.toFixed(1)}" height="34" fill="${b.colour}"><title>${escapeHtml(`${b.label}: ${b.value} of ${total}`)}</title></rect>`;
      const text = w > 28 ? `<text class="inside" x="${(x + w / 2).toFixed(1)}" y="26" text-anchor="middle">${b.value}</text>` : '';
      x += w;
      return rect + text;
    });
  // The legend, two a row.
  const slot = width / 2;
  const legend = bars.map((b, i) => {
    const [x, y] = [(i % 2) * slot, 52 + Math.floor(i / 2) * 24];
    return (
      `<rect x="${x.toFixed(1)}" y="${y}" width="12" height="12" rx="2" fill="${b.colour}"/>` +
      `<text class="axis" x="${(x + 18).toFixed(1)}" y="${y + 10}">${escapeHtml(`${b.label} (${b.value})`)}</text>`
    );
  });
  const empty = total ? '' : `<rect x="0" y="4" width="${width}" height="34" class="empty"/>`;
  return `${svgOpen(id, title, width, height, describe(bars))}${empty}${segments.join('')}${legend.join('')}</svg>`;
}
