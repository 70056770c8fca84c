import { h, type SafeHtml } from '../html.js';

/**
 * Inline SVG bar chart (no scripts, so it passes the strict CSP): one bar per item with its value
 * as a ratio 0–1 and an optional threshold line from the KB.
 */
export function barChart(
  items: readonly { label: string; value: number; threshold?: number | undefined }[],
): SafeHtml {
  const rowH = 18;
  const w = 420;
  const labelW = 140;
  const height = items.length * rowH + 4;
  const bars = items.map((it, i) => {
    const y = i * rowH + 2;
    const v = Math.max(0, Math.min(1, it.value));
    const bw = Math.round((w - labelW - 50) * v);
    const tx = it.threshold === undefined ? undefined : labelW + Math.round((w - labelW - 50) * it.threshold);
    return h`<text x="0" y="${y + 12}">${it.label}</text><rect x="${labelW}" y="${y}" width="${bw}" height="${rowH - 4}" fill="${
      it.threshold !== undefined && v < it.threshold ? '#c0392b' : '#2e7d32'
    }"></rect><text x="${labelW + bw + 4}" y="${y + 12}">${(v * 100).toFixed(1)}%</text>${
      tx === undefined
        ? ''
        : h`<line x1="${tx}" x2="${tx}" y1="${y}" y2="${y + rowH - 4}" stroke="#000" stroke-dasharray="2"></line>`
    }`;
  });
  return h`<svg role="img" width="${w}" height="${height}" viewBox="0 0 ${w} ${height}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}
