import type { ScanReport } from '../app/scan.js';
import { type Lang, translator } from '../i18n/index.js';
import type { Store } from '../store/index.js';
import { recentScans } from '../store/repos/scans.js';
import type { ScanSource, ScanSummary } from './deps.js';

/** Maps one stored scan report to the measurements the dashboard charts, with their KB thresholds. */
export function scanSummary(
  row: { id: string; created_at: string },
  report: ScanReport,
  lang: Lang,
): ScanSummary {
  const t = translator(lang);
  return {
    id: row.id,
    createdAt: row.created_at,
    kind: 'corpus-scan',
    metrics: [
      {
        label: t('web.scan.passRate'),
        value: report.threshold.passRate,
        threshold: report.threshold.passRateMin,
        comparator: '>=',
      },
      ...(report.manualReview && report.manualReview.size > 0
        ? [
            {
              label: t('web.scan.manualPassRate', { size: report.manualReview.size }),
              value: report.manualReview.passRate,
              threshold: report.manualReview.passRateMin.value,
              comparator: '>=' as const,
            },
          ]
        : []),
      ...report.sources.map((s) => ({
        label: t('web.scan.source', { source: s.source }),
        value: 1 - s.rate,
        threshold: 1 - report.sourceThreshold.max,
        comparator: '>=' as const,
      })),
    ],
  };
}

/**
 * Corpus scans from the store. A scan audits training corpora, not one service, so every service
 * page shows the organisation's newest scans.
 */
export function scanDashboardSource(store: Store, lang: Lang, limit = 5): ScanSource {
  return {
    async listScans() {
      const rows = await recentScans(store, limit);
      return rows.map((r) => scanSummary(r, JSON.parse(r.report_json) as ScanReport, lang));
    },
  };
}
