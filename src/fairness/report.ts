import type { DisparityAnalysis, DisparityParams } from './disparity.js';
import type { PriceAnalysis, PriceParams } from './price.js';
import type { Flag, Malformed } from './types.js';

/** At most this many malformed rows are listed; `malformedCount` always has the total. */
export const MAX_MALFORMED_LISTED = 1000;

/**
 * The `--json` document of `beian audit price|disparity` (issue #7 §4): `rows`, `malformed`,
 * `flags` are the stable contract; the rest is detail for humans, the HTML report and the materials.
 */
export interface LogAuditReport<K extends 'price' | 'disparity', D, P> {
  kind: K;
  file: string;
  /** data rows read (header excluded) */
  rows: number;
  /** rows that entered the statistics */
  validRows: number;
  malformed: Malformed[];
  malformedCount: number;
  flags: Flag[];
  mapping: Record<string, string | string[] | undefined>;
  seed: number;
  dataVersion: string;
  /** the statistical parameters used, from data/kb/fairness.yaml */
  params: P;
  details: D;
}

export type PriceReport = LogAuditReport<'price', PriceAnalysis & { windowMs: number | null }, PriceParams>;
export type DisparityReport = LogAuditReport<'disparity', DisparityAnalysis, DisparityParams>;

/** Collects malformed rows: every one is counted, the first MAX_MALFORMED_LISTED are listed. */
export class MalformedLog {
  readonly listed: Malformed[] = [];
  count = 0;
  add(m: Malformed): void {
    this.count += 1;
    if (this.listed.length < MAX_MALFORMED_LISTED) this.listed.push(m);
  }
}
