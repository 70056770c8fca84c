/**
 * Opt-out invariance: with personalisation switched off, every profile must get the same results.
 * Pure overlap measures between the lists returned for different profiles.
 */

/** |A ∩ B| / |A ∪ B|; two empty lists are identical (1). */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter += 1;
  const union = sa.size + sb.size - inter;
  return union === 0 ? 1 : inter / union;
}

/**
 * Rank-biased overlap, extrapolated (Webber et al. 2010, eq. 32) to the depth of the shorter list:
 * 1 for identical rankings, 0 for disjoint ones, top positions weighing most (persistence p).
 */
export function rbo(a: readonly string[], b: readonly string[], p: number): number {
  const k = Math.min(a.length, b.length);
  if (k === 0) return a.length === b.length ? 1 : 0;
  const seenA = new Set<string>();
  const seenB = new Set<string>();
  let overlap = 0;
  let sum = 0;
  let weight = 1;
  for (let d = 1; d <= k; d++) {
    const x = a[d - 1]!;
    const y = b[d - 1]!;
    if (x === y) overlap += 1;
    else {
      if (seenB.has(x)) overlap += 1;
      if (seenA.has(y)) overlap += 1;
    }
    seenA.add(x);
    seenB.add(y);
    weight *= p;
    sum += (overlap / d) * weight;
  }
  return (overlap / k) * weight + ((1 - p) / p) * sum;
}

/** Kendall's tau-a over the items both lists contain; null below two shared items. */
export function kendall(a: readonly string[], b: readonly string[]): number | null {
  const posB = new Map(b.map((x, i) => [x, i]));
  const shared = a.filter((x) => posB.has(x));
  const n = shared.length;
  if (n < 2) return null;
  let s = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) s += Math.sign(posB.get(shared[j]!)! - posB.get(shared[i]!)!);
  return s / ((n * (n - 1)) / 2);
}

export interface PairResult {
  a: number;
  b: number;
  jaccard: number;
  rbo: number;
  kendall: number | null;
}

export interface OptoutSummary {
  profiles: number;
  pairs: number;
  jaccard: { min: number; mean: number };
  rbo: { min: number; mean: number };
  kendall: { mean: number | null };
  /** the least similar pairs (indices into the profile list) */
  worst: PairResult[];
  bound: number;
  passed: boolean;
}

/** Which pairs to compare: all of them up to ~20,000, otherwise each profile with its next neighbours. */
export function pairIndices(n: number, budget = 20_000): [number, number][] {
  const out: [number, number][] = [];
  if ((n * (n - 1)) / 2 <= budget) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
    return out;
  }
  const k = Math.max(1, Math.floor(budget / n));
  for (let i = 0; i < n; i++) for (let s = 1; s <= k; s++) out.push([i, (i + s) % n]);
  return out;
}

export function summariseOptout(
  lists: readonly (readonly string[])[],
  options: { p: number; bound: number },
): OptoutSummary {
  const pairs = pairIndices(lists.length).map(([a, b]) => {
    const x = lists[a]!;
    const y = lists[b]!;
    return { a, b, jaccard: jaccard(x, y), rbo: rbo(x, y, options.p), kendall: kendall(x, y) };
  });
  const mean = (xs: number[]) => (xs.length === 0 ? 1 : xs.reduce((s, v) => s + v, 0) / xs.length);
  const js = pairs.map((p) => p.jaccard);
  const rs = pairs.map((p) => p.rbo);
  const ks = pairs.map((p) => p.kendall).filter((k): k is number => k !== null);
  const minJ = js.length === 0 ? 1 : Math.min(...js);
  return {
    profiles: lists.length,
    pairs: pairs.length,
    jaccard: { min: minJ, mean: mean(js) },
    rbo: { min: rs.length === 0 ? 1 : Math.min(...rs), mean: mean(rs) },
    kendall: { mean: ks.length === 0 ? null : mean(ks) },
    worst: [...pairs].sort((x, y) => x.jaccard - y.jaccard || x.rbo - y.rbo).slice(0, 5),
    bound: options.bound,
    passed: minJ >= options.bound,
  };
}
