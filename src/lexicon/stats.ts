import { type Kb, meets, threshold } from '../kb/index.js';
import type { LexiconEntry } from './types.js';

export interface CoverageRequirement {
  /** threshold id in the knowledge base */
  threshold: string;
  /** the risk (or `total`) it applies to */
  scope: string;
  required: number;
  actual: number;
  missing: number;
  ok: boolean;
}

export interface LexiconStats {
  total: number;
  perRisk: Record<string, number>;
  /** entries per provenance (`beian`, a source list, or `unspecified`) */
  bySource: Record<string, number>;
  requirements: CoverageRequirement[];
  /** true when every requirement is met */
  ok: boolean;
}

/**
 * Coverage of a library against the standard, every number read from the KB: the total size
 * (lexicon.total.min), and per risk of the core categories (lexicon.per-risk.a1.min / a2.min).
 */
export function lexiconStats(entries: readonly LexiconEntry[], kb: Kb): LexiconStats {
  const perRisk: Record<string, number> = Object.fromEntries(kb.risks.map((r) => [r.id, 0]));
  const bySource: Record<string, number> = {};
  for (const e of entries) {
    perRisk[e.category] = (perRisk[e.category] ?? 0) + 1;
    const src = e.source ?? 'unspecified';
    bySource[src] = (bySource[src] ?? 0) + 1;
  }
  const req = (id: string, scope: string, actual: number): CoverageRequirement => {
    const t = threshold(kb, id);
    return {
      threshold: id,
      scope,
      required: t.value,
      actual,
      missing: Math.max(0, Math.ceil(t.value - actual)),
      ok: meets(t, actual),
    };
  };
  const requirements = [req('lexicon.total.min', 'total', entries.length)];
  for (const r of kb.risks) {
    const cat = r.category.toLowerCase().replace('.', ''); // A.1 → a1
    const id = `lexicon.per-risk.${cat}.min`;
    if (kb.thresholds.some((t) => t.id === id)) requirements.push(req(id, r.id, perRisk[r.id] ?? 0));
  }
  return { total: entries.length, perRisk, bySource, requirements, ok: requirements.every((r) => r.ok) };
}
