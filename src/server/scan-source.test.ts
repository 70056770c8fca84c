import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../app/scan.js';
import { scanSummary } from './scan-source.js';

/** The dashboard summary of a stored scan holding only the fields it reads (`over` replaces some). */
const summaryOf = (over: Record<string, unknown>) =>
  scanSummary(
    { id: 's1', created_at: '2026-11-25T00:00:00Z' },
    {
      threshold: { id: 'corpus.technical.pass-rate.min', passRateMin: 0.98, passRate: 0.99 },
      sourceThreshold: { id: 'source.illegal-rate.max', max: 0.05 },
      sources: [],
      ...over,
    } as unknown as ScanReport,
    'en',
  );

describe('scan results on the dashboard', () => {
  it('charts the full-scan pass rate and each source against their KB thresholds', () => {
    const s = summaryOf({
      threshold: { id: 'corpus.technical.pass-rate.min', passRateMin: 0.98, passRate: 0.97 },
      sources: [{ source: 'forum', records: 10, flagged: 6, rate: 0.6, overThreshold: true }],
    });
    expect(s.metrics[0]).toEqual({
      label: 'pass rate (full scan)',
      value: 0.97,
      threshold: 0.98,
      comparator: '>=',
    });
    expect(s.metrics[1]?.value).toBeCloseTo(0.4);
    expect(s.metrics[1]?.threshold).toBeCloseTo(0.95);
  });

  it('charts the recorded manual review against its KB minimum', () => {
    const s = summaryOf({
      manualReview: { size: 4000, passed: 3800, passRate: 0.95, passRateMin: { value: 0.96 } },
    });
    expect(s.metrics[1]).toEqual({
      label: 'manual review pass rate (4000 items)',
      value: 0.95,
      threshold: 0.96,
      comparator: '>=',
    });
  });
});
