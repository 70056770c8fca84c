import type { Kb } from '../../kb/index.js';
import { type CategoryMaps, normaliseLabel, resolveLabels } from './category-map.js';

export interface Suggestion {
  target: string;
  /** 0..1, how alike the label and the evidence are */
  score: number;
  reason: string;
}

export interface LabelProposal {
  /** the unknown label path, `parent/child` when the record has both */
  label: string;
  rows: number;
  suggestion?: Suggestion;
  alternatives: Suggestion[];
}

const grams = (s: string): Set<string> => {
  const n = normaliseLabel(s).replace(/[、，,。.\s()（）'’-]/g, '');
  const out = new Set<string>();
  // CJK text: character bigrams; Latin words: the words themselves, crudely de-pluralised
  if (/[\u3400-\u9fff]/.test(n)) {
    const cjk = n.replace(/[^\u3400-\u9fff]/g, '');
    for (let i = 0; i + 1 < cjk.length; i++) {
      const g = cjk.slice(i, i + 2);
      if (!CJK_STOP.has(g)) out.add(g);
    }
    if (cjk.length === 1) out.add(cjk);
  }
  for (const w of normaliseLabel(s).match(/[a-z]{3,}/g) ?? [])
    if (!STOP.has(w)) out.add(w.replace(/(ies|es|s)$/, (m) => (m === 'ies' ? 'y' : '')));
  return out;
};
/** bigrams every other risk title shares: they say nothing about which risk */
const CJK_STOP = new Set(['他人', '侵害', '侵犯', '内容', '其他', '方面', '行为', '宣扬']);
const STOP = new Set(['and', 'the', 'for', 'other', 'others', 'content', 'with', 'through', 'not']);

const dice = (a: Set<string>, b: Set<string>): number => {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const g of a) if (b.has(g)) common++;
  return (2 * common) / (a.size + b.size);
};

const GENERIC = new Set(['其他', '其它', 'other', 'others', 'misc', '未分类']);

interface Evidence {
  text: string;
  target: string;
  why: string;
  grams: Set<string>;
}

function evidence(kb: Kb, maps: CategoryMaps): Evidence[] {
  const out: Evidence[] = [];
  for (const r of kb.risks)
    for (const t of [r.title.zh, r.title.en])
      out.push({ text: t, target: r.id, why: `risk title ${r.id} "${t}"`, grams: grams(t) });
  // a category's title stands for its catch-all risk (A.2 歧视性内容 → A.2.9 其他方面歧视内容)
  for (const c of kb.riskCategories) {
    const catchAll = kb.risks.filter((r) => r.category === c.id).at(-1);
    if (!catchAll) continue;
    for (const t of [c.title.zh, c.title.en])
      out.push({
        text: t,
        target: catchAll.id,
        why: `category ${c.id} "${t}" (its catch-all ${catchAll.id})`,
        grams: grams(t),
      });
  }
  for (const [label, e] of maps.entries) {
    const leaf = label.includes('/') ? label.slice(label.lastIndexOf('/') + 1) : label;
    if (leaf === '其他' || leaf === 'other') continue;
    out.push({
      text: label,
      target: e.target,
      why: `known label "${label}" → ${e.target} (map ${e.mapId})`,
      grams: grams(leaf),
    });
  }
  return out;
}

/**
 * Proposes a mapping for every label path no map resolves, for a human to confirm: the most
 * alike risk title or known label (character bigrams for Chinese, words for English), else what
 * the parent label resolves to. Pure; never applied automatically.
 */
export function suggestMappings(
  kb: Kb,
  maps: CategoryMaps,
  unknown: ReadonlyMap<string, { labels: readonly string[]; rows: number; fallback?: string }>,
): LabelProposal[] {
  const ev = evidence(kb, maps);
  const similar = (label: string): Suggestion[] => {
    const g = grams(label);
    const best = new Map<string, Suggestion>();
    for (const e of ev) {
      const score = dice(g, e.grams);
      if (score < 0.25) continue;
      const prev = best.get(e.target);
      if (!prev || prev.score < score)
        best.set(e.target, {
          target: e.target,
          score: Math.round(score * 100) / 100,
          reason: `"${label}" is like ${e.why}`,
        });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.target.localeCompare(b.target));
  };
  const out: LabelProposal[] = [];
  for (const [label, { labels, rows }] of unknown) {
    const leaf = labels[labels.length - 1] ?? label;
    let ranked = similar(leaf);
    // the parent label's risk is a candidate too: the only one for a generic leaf such as 其他
    if (labels.length > 1) {
      const parentPath = labels.slice(0, -1).join('/');
      const resolved = resolveLabels(kb, maps, labels.slice(0, -1));
      const parent: Suggestion | undefined = resolved
        ? {
            target: resolved.kind === 'aspect' ? `aspect:${resolved.target}` : resolved.target,
            score: 0.4,
            reason: `its parent "${parentPath}" resolves by ${resolved.via}`,
          }
        : similar(labels[labels.length - 2] ?? '').map((s) => ({
            ...s,
            score: Math.min(s.score, 0.4),
            reason: `its parent ${s.reason}`,
          }))[0];
      const generic = GENERIC.has(normaliseLabel(leaf)) || grams(leaf).size === 0;
      if (parent && generic)
        ranked = [
          { ...parent, score: 1, reason: `"${leaf}" says nothing more than its parent: ${parent.reason}` },
        ];
      else if (parent && !ranked.some((r) => r.target === parent.target && r.score >= parent.score))
        ranked = [...ranked.filter((r) => r.target !== parent.target), parent].sort(
          (a, b) => b.score - a.score,
        );
    }
    const [first, ...rest] = ranked;
    out.push({ label, rows, ...(first ? { suggestion: first } : {}), alternatives: rest.slice(0, 2) });
  }
  return out.sort((a, b) => b.rows - a.rows || a.label.localeCompare(b.label));
}

/** A map file a user can review, edit and pass back with --map. */
export function proposalsToYaml(proposals: readonly LabelProposal[], source: string, date: string): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    `# Proposed by beian redteam bank import --suggest-map: review every line before use.`,
    `id: my-map`,
    `source: ${q(source)}`,
    `version: ${q(date)}`,
    `labels:`,
  ];
  for (const p of proposals) {
    if (p.suggestion) {
      lines.push(`  # ${p.rows} rows; ${p.suggestion.reason} (score ${p.suggestion.score})`);
      for (const a of p.alternatives) lines.push(`  #   or ${a.target}: ${a.reason} (score ${a.score})`);
      lines.push(`  ${q(p.label)}: ${p.suggestion.target}`);
    } else lines.push(`  # ${p.rows} rows; no proposal: fill in a risk id`, `  # ${q(p.label)}: A.x.y`);
  }
  return `${lines.join('\n')}\n`;
}
