// The KB's lookups, apart from its validation (kb.ts, zod): what a command that only reads the
// build's snapshot needs (`beian scan` loads no zod: snapshot.ts, scripts/bundle-scan.mjs).
import { BeianError } from '../errors.js';
import type { AlgorithmType, Duty, FilingKind, Regulation, Risk, RiskCategory, Threshold } from './schema.js';

/** The parsed knowledge base: every list, plus lookups by id. Immutable once built. */
export interface Kb {
  /** the newest version among the data files: printed in reports */
  readonly version: string;
  readonly regulations: readonly Regulation[];
  readonly algorithmTypes: readonly AlgorithmType[];
  readonly riskCategories: readonly RiskCategory[];
  readonly risks: readonly Risk[];
  readonly nonRefusalAspects: readonly { id: string; title: { zh: string; en: string } }[];
  readonly thresholds: readonly Threshold[];
  readonly filingKinds: readonly FilingKind[];
  readonly duties: readonly Duty[];
}

export function threshold(kb: Kb, id: string): Threshold {
  const t = kb.thresholds.find((x) => x.id === id);
  if (!t) throw BeianError.of('INTERNAL', 'kb.unknownThreshold', { id });
  return t;
}

export function regulation(kb: Kb, id: string): Regulation | undefined {
  return kb.regulations.find((r) => r.id === id);
}

/** True when a measured value satisfies a threshold (`info` thresholds are always satisfied). */
export function meets(t: Threshold, measured: number): boolean {
  if (t.comparator === '>=') return measured >= t.value;
  if (t.comparator === '<=') return measured <= t.value;
  return true;
}
