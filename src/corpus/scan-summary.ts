import { type Kb, meets, threshold } from '../kb/query.js';
import { type AuditTally, wilson } from './audit.js';
import type { MalformedEntry } from './types.js';

/** The part of the scan report decided from the merged tally and the KB thresholds (pure). */
export interface TallySummary {
  records: number;
  bytes: number;
  malformed: MalformedEntry[];
  flagged: number;
  flaggedRate: number;
  byCategory: Record<string, number>;
  topKeywords: Array<{ keyword: string; hits: number }>;
  sample: {
    size: number;
    flagged: number;
    rate: number;
    ci: [number, number];
    fraction: number;
    seed: number;
  };
  /** the technical check: pass rate of the FULL scan (not of a sample) */
  threshold: { id: string; passRateMin: number; passRate: number };
  /** pass: the full scan's pass rate meets the threshold and no source is over its maximum */
  verdict: 'pass' | 'fail';
  /** why the verdict failed: `empty` (no records), `pass-rate` and/or `source:<name>` */
  verdictReasons: string[];
  sources: Array<{ source: string; records: number; flagged: number; rate: number; overThreshold: boolean }>;
  sourceThreshold: { id: string; max: number };
}

/**
 * The verdict of the technical check, decided by the FULL scan (every record was audited, so a
 * sample would only add noise) and every source: pass when the full pass rate meets the KB minimum
 * and no source is over the illegal-rate maximum. No records proves nothing: `empty` (the CLI reports
 * it as bad input). The sample and its Wilson interval are reported for information.
 */
export function summariseTally(
  kb: Kb,
  total: AuditTally,
  opts: { fraction: number; seed: number; topKeywords: number },
): TallySummary {
  const passMin = threshold(kb, 'corpus.technical.pass-rate.min');
  const srcMax = threshold(kb, 'source.illegal-rate.max');
  const rate = total.sample.size ? total.sample.flagged / total.sample.size : 0;
  const fullPassRate = total.records ? 1 - total.flagged / total.records : 0;
  const sources = Object.entries(total.bySource)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, s]) => {
      const r = s.records ? s.flagged / s.records : 0;
      return { source, records: s.records, flagged: s.flagged, rate: r, overThreshold: !meets(srcMax, r) };
    });
  const verdictReasons = [
    ...(total.records === 0 ? ['empty'] : meets(passMin, fullPassRate) ? [] : ['pass-rate']),
    ...sources.filter((x) => x.overThreshold).map((x) => `source:${x.source}`),
  ];
  return {
    records: total.records,
    bytes: total.bytes,
    malformed: total.malformed,
    flagged: total.flagged,
    flaggedRate: total.records ? total.flagged / total.records : 0,
    byCategory: Object.fromEntries(Object.entries(total.byCategory).sort(([a], [b]) => a.localeCompare(b))),
    topKeywords: Object.entries(total.byKeyword)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, opts.topKeywords)
      .map(([keyword, hits]) => ({ keyword, hits })),
    sample: {
      size: total.sample.size,
      flagged: total.sample.flagged,
      rate,
      ci: wilson(total.sample.flagged, total.sample.size),
      fraction: opts.fraction,
      seed: opts.seed,
    },
    threshold: { id: passMin.id, passRateMin: passMin.value, passRate: fullPassRate },
    verdict: verdictReasons.length ? 'fail' : 'pass',
    verdictReasons,
    sources,
    sourceThreshold: { id: srcMax.id, max: srcMax.value },
  };
}
