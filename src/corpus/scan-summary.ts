import type { Kb } from '../kb/index.js';
import { meets, threshold } from '../kb/index.js';
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
  threshold: { id: string; passRateMin: number; passRate: number };
  verdict: 'pass' | 'fail';
  sources: Array<{ source: string; records: number; flagged: number; rate: number; overThreshold: boolean }>;
  sourceThreshold: { id: string; max: number };
}

/**
 * The sample, its Wilson interval, the verdict against the KB pass-rate minimum and the sources
 * over the illegal-rate maximum. An empty sample proves nothing: it fails rather than passes.
 */
export function summariseTally(
  kb: Kb,
  total: AuditTally,
  opts: { fraction: number; seed: number; topKeywords: number },
): TallySummary {
  const passMin = threshold(kb, 'corpus.technical.pass-rate.min');
  const srcMax = threshold(kb, 'source.illegal-rate.max');
  const rate = total.sample.size ? total.sample.flagged / total.sample.size : 0;
  const passRate = 1 - rate;
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
    threshold: { id: passMin.id, passRateMin: passMin.value, passRate },
    verdict: total.sample.size > 0 && meets(passMin, passRate) ? 'pass' : 'fail',
    sources: Object.entries(total.bySource)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([source, s]) => {
        const r = s.records ? s.flagged / s.records : 0;
        return { source, records: s.records, flagged: s.flagged, rate: r, overThreshold: !meets(srcMax, r) };
      }),
    sourceThreshold: { id: srcMax.id, max: srcMax.value },
  };
}
