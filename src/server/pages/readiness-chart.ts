import { READINESS_PHASES, type ReadinessPhase, type ServiceReadiness } from '../../filings/readiness.js';
import type { Translate } from '../../i18n/index.js';
import { h, type SafeHtml } from '../html.js';
import { clipLabel, labelPx } from './svg-label.js';

/** Phase colours: done green, in review blue, in progress amber, to do grey, attention red. */
export const PHASE_COLOUR: Record<ReadinessPhase, string> = {
  done: '#2e7d32',
  'in-review': '#1f6fb2',
  'in-progress': '#e0a100',
  todo: '#b0b7c3',
  attention: '#c0392b',
};

/**
 * Readiness per service as an inline SVG (no script, so the strict CSP holds): one stacked bar per
 * service, a segment per phase sized by its filings, the share done and the overdue count at the
 * end; labels are sized to fit (long names end in "…" with the full name as the tooltip).
 */
export function readinessChart(t: Translate, rows: readonly ServiceReadiness[]): SafeHtml {
  const rowH = 22;
  const names = rows.map((r) => r.serviceName);
  const labelW = Math.min(260, Math.max(80, ...names.map(labelPx))) + 8;
  const barW = 360;
  const tailW = 260;
  const w = labelW + barW + tailW;
  const height = rows.length * rowH + 8;
  const max = Math.max(1, ...rows.map((r) => r.filings));
  const clip = (s: string) => clipLabel(s, labelW - 8);
  const bars = rows.map((r, i) => {
    const y = i * rowH + 4;
    let x = labelW;
    const segs = READINESS_PHASES.filter((ph) => r.phases[ph] > 0).map((ph) => {
      const sw = Math.max(2, Math.round((barW * r.phases[ph]) / max));
      const seg = h`<rect x="${x}" y="${y}" width="${sw}" height="${rowH - 8}" fill="${PHASE_COLOUR[ph]}"><title>${t(`web.readiness.${ph}`)}: ${r.phases[ph]}</title></rect>`;
      x += sw;
      return seg;
    });
    const tail = [
      `${Math.round(r.ready * 100)}% ${t('web.readiness.done')}`,
      ...(r.overdue ? [t('web.readiness.overdue', { n: r.overdue })] : []),
      ...(r.withoutEvidence ? [t('web.readiness.noEvidence', { n: r.withoutEvidence })] : []),
    ].join(' · ');
    return h`<g data-service="${r.serviceId}"><a href="/services/${encodeURIComponent(r.serviceId)}"><text x="0" y="${y + 11}"><title>${r.serviceName}</title>${clip(r.serviceName)}</text></a>${segs}<text x="${x + 6}" y="${y + 11}"${r.overdue ? h` fill="#c0392b"` : ''}>${tail}</text></g>`;
  });
  const legend = READINESS_PHASES.map(
    (ph) =>
      // presentation attributes, not style="": the CSP allows no inline styles
      h`<span class="legend"><svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${PHASE_COLOUR[ph]}"></rect></svg> ${t(`web.readiness.${ph}`)}</span>`,
  );
  return h`<figure id="readiness"><svg role="img" aria-label="${t('web.readiness.heading')}" width="${w}" height="${height}" viewBox="0 0 ${w} ${height}" xmlns="http://www.w3.org/2000/svg" font-size="12">${bars}</svg><figcaption>${legend}</figcaption></figure>`;
}

/** All filings by phase as one 100% bar with counts. */
export function readinessTotal(t: Translate, total: Record<ReadinessPhase, number>): SafeHtml {
  const n = READINESS_PHASES.reduce((a, ph) => a + total[ph], 0) || 1;
  const w = 720;
  let x = 0;
  const segs = READINESS_PHASES.filter((ph) => total[ph] > 0).map((ph) => {
    const sw = Math.round((w * total[ph]) / n);
    const seg = h`<rect x="${x}" y="0" width="${sw}" height="26" fill="${PHASE_COLOUR[ph]}"><title>${t(`web.readiness.${ph}`)}: ${total[ph]}</title></rect>${sw > 60 ? h`<text x="${x + 6}" y="17" fill="#fff">${t(`web.readiness.${ph}`)} ${total[ph]}</text>` : ''}`;
    x += sw;
    return seg;
  });
  return h`<svg id="readiness-total" role="img" aria-label="${t('web.readiness.total')}" width="${w}" height="26" viewBox="0 0 ${w} 26" xmlns="http://www.w3.org/2000/svg" font-size="12">${segs}</svg>`;
}
