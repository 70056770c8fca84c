import { h, type SafeHtml } from '../html.js';
import { clipLabel, labelPx } from './svg-label.js';

/**
 * Inline SVG bar chart (no scripts, so it passes the strict CSP): one bar per item with its value
 * as a ratio 0–1 and an optional threshold line from the KB.
 */
export function barChart(
  items: readonly { label: string; value: number; threshold?: number | undefined }[],
): SafeHtml {
  const rowH = 18;
  // Labels (risk names are long) get the room they need, up to a limit; longer ones end in "…"
  // with the full text as the tooltip, so nothing is cut off mid-character at the chart's edge.
  const labelW = Math.min(320, Math.max(140, ...items.map((it) => labelPx(it.label) + 8)));
  const clip = (s: string) => clipLabel(s, labelW - 8);
  const w = labelW + 330;
  const height = items.length * rowH + 4;
  const bars = items.map((it, i) => {
    const y = i * rowH + 2;
    const v = Math.max(0, Math.min(1, it.value));
    const bw = Math.round((w - labelW - 50) * v);
    const tx = it.threshold === undefined ? undefined : labelW + Math.round((w - labelW - 50) * it.threshold);
    return h`<text x="0" y="${y + 12}"><title>${it.label}</title>${clip(it.label)}</text><rect x="${labelW}" y="${y}" width="${bw}" height="${rowH - 4}" fill="${
      it.threshold !== undefined && v < it.threshold ? '#c0392b' : '#2e7d32'
    }"></rect><text x="${labelW + bw + 4}" y="${y + 12}">${(v * 100).toFixed(1)}%</text>${
      tx === undefined
        ? ''
        : h`<line x1="${tx}" x2="${tx}" y1="${y}" y2="${y + rowH - 4}" stroke="#000" stroke-dasharray="2"></line>`
    }`;
  });
  return h`<svg role="img" width="${w}" height="${height}" viewBox="0 0 ${w} ${height}" xmlns="http://www.w3.org/2000/svg" font-size="12">${bars}</svg>`;
}
