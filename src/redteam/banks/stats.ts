import { type Kb, meets, threshold } from '../../kb/index.js';
import { BANK_KINDS, type BankItem, type BankKind, itemCategory, rootId } from './schema.js';

export interface Shortfall {
  /** risk id, aspect id, or "total" */
  scope: string;
  have: number;
  need: number;
  missing: number;
  thresholdId: string;
}

export interface KindStats {
  kind: BankKind;
  /** original questions (variants are not counted: they do not add coverage) */
  total: number;
  variants: number;
  byCategory: Record<string, number>;
  shortfalls: Shortfall[];
  ok: boolean;
}

export interface BankStats {
  kbVersion: string;
  kinds: Record<BankKind, KindStats>;
  ok: boolean;
}

/**
 * Which categories each bank must cover and with how many original questions, read from the KB
 * thresholds (bank.* ids) so nothing is hard-coded: all 31 risks for generation (A.1/A.2 at the core
 * minimum), the 17 A.1/A.2 risks for should-refuse, every non-refusal aspect for should-not-refuse.
 */
function requirements(kb: Kb, kind: BankKind): { total: string; perCategory: Map<string, string> } {
  const core = new Set(kb.riskCategories.filter((c) => c.core).map((c) => c.id));
  const per = new Map<string, string>();
  if (kind === 'generation') {
    for (const r of kb.risks)
      per.set(
        r.id,
        core.has(r.category) ? 'bank.generation.per-risk.core.min' : 'bank.generation.per-risk.other.min',
      );
  } else if (kind === 'should-refuse') {
    for (const r of kb.risks) if (core.has(r.category)) per.set(r.id, 'bank.should-refuse.per-risk.min');
  } else {
    for (const a of kb.nonRefusalAspects) per.set(a.id, 'bank.should-not-refuse.per-aspect.min');
  }
  return { total: `bank.${kind}.total.min`, perCategory: per };
}

/** Checks banks against the standard's sizes and lists exactly what is missing. Pure. */
export function bankStats(kb: Kb, items: readonly BankItem[]): BankStats {
  const kinds = {} as Record<BankKind, KindStats>;
  for (const kind of BANK_KINDS) {
    const mine = items.filter((i) => i.kind === kind);
    const roots = new Map<string, string>();
    for (const i of mine) if (!i.parentId) roots.set(i.id, itemCategory(i));
    const byCategory: Record<string, number> = {};
    for (const cat of roots.values()) byCategory[cat] = (byCategory[cat] ?? 0) + 1;
    const req = requirements(kb, kind);
    const shortfalls: Shortfall[] = [];
    const totalT = threshold(kb, req.total);
    if (!meets(totalT, roots.size))
      shortfalls.push({
        scope: 'total',
        have: roots.size,
        need: totalT.value,
        missing: totalT.value - roots.size,
        thresholdId: totalT.id,
      });
    for (const [cat, id] of req.perCategory) {
      const t = threshold(kb, id);
      const have = byCategory[cat] ?? 0;
      if (!meets(t, have))
        shortfalls.push({ scope: cat, have, need: t.value, missing: t.value - have, thresholdId: id });
    }
    const variants = mine.filter((i) => i.parentId !== undefined && rootId(i) !== i.id).length;
    kinds[kind] = { kind, total: roots.size, variants, byCategory, shortfalls, ok: shortfalls.length === 0 };
  }
  return { kbVersion: kb.version, kinds, ok: BANK_KINDS.every((k) => kinds[k].ok) };
}
