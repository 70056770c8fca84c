import type { Rng } from './rng.js';
import { benjaminiHochberg, Moments, percentileInterval, twoSidedP } from './stats.js';
import type { Flag } from './types.js';

/**
 * Price discrimination: for the same item within the same time window, do groups pay different
 * prices? Rows are aggregated as they stream (Welford moments per item × window × group), so memory
 * grows with the number of cells, never with the number of rows. Everything after aggregation is
 * pure and seeded.
 */
export interface PriceParams {
  alpha: number;
  fdrQ: number;
  minEffect: number;
  minCells: number;
  bootstrap: number;
  permutations: number;
  ciLevel: number;
}

interface Cell {
  item: string;
  window: number;
  /** moments by group index (see PriceAccumulator.groupIndex) */
  moments: (Moments | undefined)[];
}

export class PriceAccumulator {
  /** item → window → cell: numeric window keys and no per-row key strings keep the hot path cheap */
  private readonly byItem = new Map<string, Map<number, Cell>>();
  readonly groupIndex = new Map<string, number>();
  /** overall moments by group index */
  readonly totals: Moments[] = [];
  rows = 0;

  /** @param windowMs the window length; undefined when the log has no time column (one window) */
  constructor(readonly windowMs?: number) {}

  add(item: string, price: number, group: string, timeMs?: number): void {
    const window = this.windowMs && timeMs !== undefined ? Math.floor(timeMs / this.windowMs) : 0;
    let windows = this.byItem.get(item);
    if (!windows) {
      windows = new Map();
      this.byItem.set(item, windows);
    }
    let cell = windows.get(window);
    if (!cell) {
      cell = { item, window, moments: [] };
      windows.set(window, cell);
    }
    let gi = this.groupIndex.get(group);
    if (gi === undefined) {
      gi = this.totals.length;
      this.groupIndex.set(group, gi);
      this.totals.push(new Moments());
    }
    let m = cell.moments[gi];
    if (!m) {
      m = new Moments();
      cell.moments[gi] = m;
    }
    m.add(price);
    this.totals[gi]!.add(price);
    this.rows += 1;
  }

  *cells(): Generator<Cell> {
    for (const windows of this.byItem.values()) yield* windows.values();
  }

  get cellCount(): number {
    let n = 0;
    for (const w of this.byItem.values()) n += w.size;
    return n;
  }

  /** group name → overall moments */
  get groups(): Map<string, Moments> {
    return new Map([...this.groupIndex].map(([g, i]) => [g, this.totals[i]!]));
  }
}

export interface PriceWindow {
  /** ISO start of the window, or null when there is no time column */
  start: string | null;
  effect: number;
  n: [number, number];
}

export interface PriceDriver {
  item: string;
  effect: number;
  pValue: number;
  qValue: number;
  cells: number;
  windows: PriceWindow[];
}

export interface PriceComparison {
  group: string;
  reference: string;
  /** item × window cells where both groups bought */
  cells: number;
  /** stratified relative price difference: 0.1 = the group pays 10% more than the reference */
  effect: number;
  ci: [number, number];
  pValue: number;
  test: 'sign-flip' | 'stratified-normal';
  /** the Bonferroni level this comparison was tested at (alpha / comparisons) */
  level: number;
  flagged: boolean;
  itemsTested: number;
  drivers: PriceDriver[];
}

export interface PriceAnalysis {
  reference: string;
  groups: { group: string; n: number; meanPrice: number }[];
  comparisons: PriceComparison[];
  flags: Flag[];
}

interface Paired {
  r: Float64Array;
  w: Float64Array;
  v: Float64Array;
  item: Int32Array;
  n: [number, number][];
  cells: Cell[];
  items: string[];
}

/** Builds the per-cell relative differences of `group` against `reference`. */
function pair(acc: PriceAccumulator, group: string, reference: string): Paired {
  const kept: { cell: Cell; g: Moments; ref: Moments }[] = [];
  const gi = acc.groupIndex.get(group);
  const ri = acc.groupIndex.get(reference);
  for (const cell of acc.cells()) {
    const g = gi === undefined ? undefined : cell.moments[gi];
    const ref = ri === undefined ? undefined : cell.moments[ri];
    if (g && ref && ref.mean > 0) kept.push({ cell, g, ref });
  }
  // pooled within-group variance per item, in units of the reference price: many degrees of
  // freedom even when each cell holds a handful of rows
  const itemIndex = new Map<string, number>();
  const ss: number[] = [];
  const df: number[] = [];
  for (const { cell, g, ref } of kept) {
    let i = itemIndex.get(cell.item);
    if (i === undefined) {
      i = itemIndex.size;
      itemIndex.set(cell.item, i);
      ss.push(0);
      df.push(0);
    }
    ss[i]! += (g.m2 + ref.m2) / (ref.mean * ref.mean);
    df[i]! += g.n + ref.n - 2;
  }
  const totalSs = ss.reduce((a, b) => a + b, 0);
  const totalDf = df.reduce((a, b) => a + b, 0);
  const globalVar = totalDf > 0 ? totalSs / totalDf : 0;
  const n = kept.length;
  const out: Paired = {
    r: new Float64Array(n),
    w: new Float64Array(n),
    v: new Float64Array(n),
    item: new Int32Array(n),
    n: kept.map((k) => [k.g.n, k.ref.n]),
    cells: kept.map((k) => k.cell),
    items: [...itemIndex.keys()],
  };
  kept.forEach(({ cell, g, ref }, c) => {
    const i = itemIndex.get(cell.item)!;
    const s2 = df[i]! > 0 ? ss[i]! / df[i]! : globalVar;
    out.r[c] = g.mean / ref.mean - 1;
    out.w[c] = (g.n * ref.n) / (g.n + ref.n);
    out.v[c] = s2 * (1 / g.n + 1 / ref.n);
    out.item[c] = i;
  });
  return out;
}

function weightedMean(r: Float64Array, w: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let c = 0; c < r.length; c++) {
    num += w[c]! * r[c]!;
    den += w[c]!;
  }
  return den > 0 ? num / den : 0;
}

/** z-based p-value of a weighted mean whose cells have variances v. */
function stratifiedP(r: Float64Array, w: Float64Array, v: Float64Array, idx?: readonly number[]): number {
  let num = 0;
  let den = 0;
  let var_ = 0;
  for (const c of idx ?? r.keys()) {
    num += w[c]! * r[c]!;
    den += w[c]!;
    var_ += w[c]! * w[c]! * v[c]!;
  }
  if (den === 0) return 1;
  const est = num / den;
  const se = Math.sqrt(var_) / den;
  if (se === 0) return est === 0 ? 1 : 0;
  return twoSidedP(est / se);
}

/**
 * Randomisation test: under "no price difference" each cell's difference is as likely positive as
 * negative, so flipping signs at random gives the null distribution of the weighted mean.
 */
function signFlipP(p: Paired, observed: number, rng: Rng, permutations: number): number {
  const { r, w } = p;
  let den = 0;
  for (let c = 0; c < w.length; c++) den += w[c]!;
  let extreme = 0;
  const abs = Math.abs(observed) - 1e-12;
  const wr = new Float64Array(r.length);
  for (let c = 0; c < r.length; c++) wr[c] = w[c]! * r[c]!;
  for (let b = 0; b < permutations; b++) {
    let num = 0;
    let bits = 0;
    // one 32-bit draw gives 32 signs
    for (let c = 0; c < wr.length; c++) {
      if ((c & 31) === 0) bits = (rng.next() * 4294967296) >>> 0;
      num += bits & 1 ? wr[c]! : -wr[c]!;
      bits >>>= 1;
    }
    if (Math.abs(num / den) >= abs) extreme += 1;
  }
  return (extreme + 1) / (permutations + 1);
}

/** Percentile bootstrap: cells resampled with replacement, or (few cells) each cell redrawn from its variance. */
function bootstrapCi(p: Paired, rng: Rng, params: PriceParams): [number, number] {
  const { r, w, v } = p;
  const n = r.length;
  const reps = new Float64Array(params.bootstrap);
  const cluster = n >= params.minCells;
  for (let b = 0; b < params.bootstrap; b++) {
    let num = 0;
    let den = 0;
    for (let k = 0; k < n; k++) {
      if (cluster) {
        const c = rng.int(n);
        num += w[c]! * r[c]!;
        den += w[c]!;
      } else {
        num += w[k]! * (r[k]! + Math.sqrt(v[k]!) * rng.normal());
        den += w[k]!;
      }
    }
    reps[b] = den > 0 ? num / den : 0;
  }
  return percentileInterval(reps, params.ciLevel);
}

function drivers(
  p: Paired,
  sign: number,
  params: PriceParams,
  windowMs?: number,
): { tested: number; list: PriceDriver[] } {
  const byItem: number[][] = p.items.map(() => []);
  for (let c = 0; c < p.r.length; c++) byItem[p.item[c]!]!.push(c);
  const pValues = byItem.map((idx) => stratifiedP(p.r, p.w, p.v, idx));
  const { rejected, adjusted } = benjaminiHochberg(pValues, params.fdrQ);
  const list: PriceDriver[] = [];
  byItem.forEach((idx, i) => {
    if (!rejected[i]) return;
    const sub = (arr: Float64Array) => Float64Array.from(idx, (c) => arr[c]!);
    const effect = weightedMean(sub(p.r), sub(p.w));
    if (Math.sign(effect) !== sign) return;
    const windows = idx
      .map((c) => ({ c, z: p.r[c]! / Math.sqrt(p.v[c]! || Number.MIN_VALUE) }))
      .sort((a, b) => sign * (b.z - a.z))
      .slice(0, 3)
      .map(({ c }) => {
        const cell = p.cells[c]!;
        return {
          start: windowMs ? new Date(cell.window * windowMs).toISOString() : null,
          effect: p.r[c]!,
          n: p.n[c]!,
        };
      });
    list.push({
      item: p.items[i]!,
      effect,
      pValue: pValues[i]!,
      qValue: adjusted[i]!,
      cells: idx.length,
      windows,
    });
  });
  list.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  return { tested: p.items.length, list };
}

/**
 * Compares every group with the reference: a global test per comparison (Bonferroni over the
 * comparisons), then — only when it is significant — Benjamini–Hochberg over items to name the
 * items that drive it. A flag needs both significance and a material effect (`minEffect`).
 */
export function analysePrice(
  acc: PriceAccumulator,
  params: PriceParams,
  options: { attribute: string; rng: Rng; reference?: string },
): PriceAnalysis {
  const groups = [...acc.groups.entries()]
    .map(([group, m]) => ({ group, n: m.n, meanPrice: m.mean }))
    .sort((a, b) => b.n - a.n || a.group.localeCompare(b.group));
  const reference = options.reference ?? groups[0]?.group ?? '';
  const others = groups.filter((g) => g.group !== reference);
  const level = params.alpha / Math.max(1, others.length);
  const comparisons: PriceComparison[] = [];
  const flags: Flag[] = [];
  for (const { group } of others) {
    const p = pair(acc, group, reference);
    const cells = p.r.length;
    if (cells === 0) {
      comparisons.push({
        group,
        reference,
        cells,
        effect: 0,
        ci: [0, 0],
        pValue: 1,
        test: 'stratified-normal',
        level,
        flagged: false,
        itemsTested: 0,
        drivers: [],
      });
      continue;
    }
    const effect = weightedMean(p.r, p.w);
    const test = cells >= params.minCells ? 'sign-flip' : 'stratified-normal';
    const pValue =
      test === 'sign-flip'
        ? signFlipP(p, effect, options.rng, params.permutations)
        : stratifiedP(p.r, p.w, p.v);
    const ci = bootstrapCi(p, options.rng, params);
    const significant = pValue < level;
    const flagged = significant && Math.abs(effect) >= params.minEffect;
    const found = significant ? drivers(p, Math.sign(effect), params, acc.windowMs) : { tested: 0, list: [] };
    comparisons.push({
      group,
      reference,
      cells,
      effect,
      ci,
      pValue,
      test,
      level,
      flagged,
      itemsTested: found.tested,
      drivers: found.list,
    });
    if (flagged)
      flags.push({
        metric: 'price-difference',
        attribute: options.attribute,
        group,
        reference,
        value: effect,
        ci,
        pValue,
      });
  }
  return { reference, groups, comparisons, flags };
}
