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

const item = (
  id: string,
  kind: KbItemKind,
  title: Bilingual,
  body: Bilingual,
  citations: readonly Citation[],
  facts: KbItem['facts'] = {},
): KbItem => ({ id, kind, title, body, citations, facts });

/** Flattens the KB into items with stable ids. Pure. */
export function kbItems(kb: Kb): KbItem[] {
  const items: KbItem[] = [];
  for (const r of kb.regulations)
    items.push(
      item(r.id, 'regulation', r.title, r.summary, [{ source: r.id, confidence: r.confidence }], {
        type: r.type,
        code: r.code ?? null,
        effective: r.effective ?? null,
        published: r.published ?? null,
        status: r.status,
        supersededBy: r.supersededBy ?? null,
      }),
    );
  for (const k of kb.filingKinds) {
    const of = { filingKind: k.id };
    items.push(
      item(k.id, 'filing-kind', k.title, k.scope, k.legalBasis, {
        minMonths: k.timeline.minMonths,
        maxMonths: k.timeline.maxMonths,
      }),
      ...k.requirements.map((r, i) =>
        item(`${k.id}/requirement/${i + 1}`, 'requirement', r.text, empty, r.citations, of),
      ),
      ...k.steps.map((s) =>
        item(`${k.id}/step/${s.id}`, 'step', s.title, s.description, s.citations, {
          ...of,
          workingDays: s.duration?.workingDays ?? null,
        }),
      ),
      ...k.materials.map((m) =>
        item(`${k.id}/material/${m.id}`, 'material', m.title, m.description, m.citations, of),
      ),
      ...k.consequences.map((c, i) =>
        item(`${k.id}/consequence/${i + 1}`, 'consequence', c.text, empty, c.citations, of),
      ),
    );
  }
  for (const t of kb.algorithmTypes)
    items.push(item(t.id, 'algorithm-type', t.title, t.description, t.citations));
  for (const c of kb.riskCategories)
    items.push(
      item(c.id, 'risk-category', c.title, empty, c.citations, { core: c.core ? 'A.1/A.2' : 'other' }),
    );
  for (const r of kb.risks)
    items.push(item(r.id, 'risk', r.title, empty, r.citations, { category: r.category }));
  for (const t of kb.thresholds)
    items.push(
      item(t.id, 'threshold', t.title, empty, t.citations, {
        comparator: t.comparator,
        value: t.value,
        valueMax: t.valueMax ?? null,
        unit: t.unit,
        standard: t.standard,
      }),
    );
  for (const d of kb.duties)
    items.push(
      item(d.id, 'duty', d.title, d.text, d.citations, {
        algorithmTypes: d.appliesTo.algorithmTypes?.join(', ') ?? null,
        filingKinds: d.appliesTo.filingKinds?.join(', ') ?? null,
      }),
    );
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
