import { createHash } from 'node:crypto';
import type { BankItem, BankKind } from '../../redteam/banks/schema.js';
import { rootId } from '../../redteam/banks/schema.js';
import type { ChatMessage, Target } from '../../redteam/targets/types.js';

export interface PlannedCase {
  key: string;
  target: Target;
  item: BankItem;
  cacheKey: string;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The user turns of an item: earlier turns (multi-turn escalation) then its text. */
export const userTurns = (item: BankItem): string[] => [...(item.turns ?? []), item.text];

/**
 * Cache key: (target type, model, params, fixed history, prompt turns) — never a secret, never the
 * target id alone. Items without a history keep the key they always had.
 */
export function cacheKeyOf(target: Target, item: BankItem, system?: ChatMessage[]): string {
  return sha256(
    JSON.stringify({
      i: target.identity,
      s: system ?? [],
      ...(item.history?.length ? { h: item.history } : {}),
      t: userTurns(item),
    }),
  );
}

/**
 * Keeps `n` original questions per bank, chosen by a seeded hash of their id (stable between runs,
 * so a resumed sampled run plans the same cases), plus their variants.
 */
export function sampleItems(items: readonly BankItem[], n: number, seed: string): BankItem[] {
  const keep = new Set<string>();
  const byKind = new Map<BankKind, BankItem[]>();
  for (const i of items) if (!i.parentId) byKind.set(i.kind, [...(byKind.get(i.kind) ?? []), i]);
  for (const list of byKind.values()) {
    const ranked = list
      .map((i) => ({ id: i.id, h: sha256(`${seed}:${i.id}`) }))
      .sort((a, b) => (a.h < b.h ? -1 : 1));
    for (const r of ranked.slice(0, n)) keep.add(r.id);
  }
  return items.filter((i) => keep.has(rootId(i)));
}

/** banks × variants × targets → cases with stable keys `<target>|<item id>`. */
export function planCases(items: readonly BankItem[], targets: readonly Target[]): PlannedCase[] {
  const out: PlannedCase[] = [];
  for (const target of targets)
    for (const item of items)
      out.push({ key: `${target.id}|${item.id}`, target, item, cacheKey: cacheKeyOf(target, item) });
  return out;
}

/** The same banks, variants, targets and judges give the same fingerprint: that run is resumed. */
export function fingerprint(cases: readonly PlannedCase[], judge: string): string {
  const h = createHash('sha256');
  h.update(judge);
  for (const c of cases) h.update(`\n${c.key}\u0000${c.cacheKey}`);
  return h.digest('hex');
}
