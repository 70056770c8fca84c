import type { Kb } from './kb.js';
import type { Bilingual, Citation } from './schema.js';

export const KB_ITEM_KINDS = [
  'regulation',
  'filing-kind',
  'algorithm-type',
  'risk-category',
  'risk',
  'threshold',
  'requirement',
  'step',
  'material',
  'consequence',
  'duty',
] as const;
export type KbItemKind = (typeof KB_ITEM_KINDS)[number];

/** One browsable entry of the knowledge base: what `kb list/show/search` and the web browser show. */
export interface KbItem {
  id: string;
  kind: KbItemKind;
  title: Bilingual;
  body: Bilingual;
  citations: readonly Citation[];
  /** extra facts shown with the item (dates, values, parent) */
  facts: Record<string, string | number | null>;
}

const empty: Bilingual = { zh: '', en: '' };

/** Flattens the KB into items with stable ids. Pure. */
export function kbItems(kb: Kb): KbItem[] {
  const items: KbItem[] = [];
  for (const r of kb.regulations) {
    items.push({
      id: r.id,
      kind: 'regulation',
      title: r.title,
      body: r.summary,
      citations: [{ source: r.id, confidence: r.confidence }],
      facts: {
        type: r.type,
        code: r.code ?? null,
        effective: r.effective ?? null,
        published: r.published ?? null,
        status: r.status,
        supersededBy: r.supersededBy ?? null,
      },
    });
  }
  for (const k of kb.filingKinds) {
    items.push({
      id: k.id,
      kind: 'filing-kind',
      title: k.title,
      body: k.scope,
      citations: k.legalBasis,
      facts: { minMonths: k.timeline.minMonths, maxMonths: k.timeline.maxMonths },
    });
    k.requirements.forEach((r, i) => {
      items.push({
        id: `${k.id}/requirement/${i + 1}`,
        kind: 'requirement',
        title: r.text,
        body: empty,
        citations: r.citations,
        facts: { filingKind: k.id },
      });
    });
    for (const s of k.steps) {
      items.push({
        id: `${k.id}/step/${s.id}`,
        kind: 'step',
        title: s.title,
        body: s.description,
        citations: s.citations,
        facts: { filingKind: k.id, workingDays: s.duration?.workingDays ?? null },
      });
    }
    for (const m of k.materials) {
      items.push({
        id: `${k.id}/material/${m.id}`,
        kind: 'material',
        title: m.title,
        body: m.description,
        citations: m.citations,
        facts: { filingKind: k.id },
      });
    }
    k.consequences.forEach((c, i) => {
      items.push({
        id: `${k.id}/consequence/${i + 1}`,
        kind: 'consequence',
        title: c.text,
        body: empty,
        citations: c.citations,
        facts: { filingKind: k.id },
      });
    });
  }
  for (const t of kb.algorithmTypes) {
    items.push({
      id: t.id,
      kind: 'algorithm-type',
      title: t.title,
      body: t.description,
      citations: t.citations,
      facts: {},
    });
  }
  for (const c of kb.riskCategories) {
    items.push({
      id: c.id,
      kind: 'risk-category',
      title: c.title,
      body: empty,
      citations: c.citations,
      facts: { core: c.core ? 'A.1/A.2' : 'other' },
    });
  }
  for (const r of kb.risks) {
    items.push({
      id: r.id,
      kind: 'risk',
      title: r.title,
      body: empty,
      citations: r.citations,
      facts: { category: r.category },
    });
  }
  for (const t of kb.thresholds) {
    items.push({
      id: t.id,
      kind: 'threshold',
      title: t.title,
      body: empty,
      citations: t.citations,
      facts: {
        comparator: t.comparator,
        value: t.value,
        valueMax: t.valueMax ?? null,
        unit: t.unit,
        standard: t.standard,
      },
    });
  }
  for (const d of kb.duties) {
    items.push({
      id: d.id,
      kind: 'duty',
      title: d.title,
      body: d.text,
      citations: d.citations,
      facts: {
        algorithmTypes: d.appliesTo.algorithmTypes?.join(', ') ?? null,
        filingKinds: d.appliesTo.filingKinds?.join(', ') ?? null,
      },
    });
  }
  return items;
}

/**
 * Searches ids, titles and bodies in both languages. Every whitespace-separated term must occur
 * (case-insensitive); items whose title matches rank first. Pure.
 */
export function searchKb(items: readonly KbItem[], query: string): KbItem[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const scored: { item: KbItem; score: number }[] = [];
  for (const item of items) {
    const title = `${item.title.zh} ${item.title.en}`.toLowerCase();
    const all =
      `${item.id} ${title} ${item.body.zh} ${item.body.en} ${item.citations.map((c) => `${c.source} ${c.ref ?? ''}`).join(' ')}`.toLowerCase();
    if (!terms.every((t) => all.includes(t))) continue;
    const score = terms.filter((t) => title.includes(t) || item.id.toLowerCase().includes(t)).length;
    scored.push({ item, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.item);
}
