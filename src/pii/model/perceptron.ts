import { createAddress } from '../detectors/address.js';
import { createPersonName } from '../detectors/person-name.js';
import type { PiiDictionaries } from '../dictionaries.js';
import type { PiiType } from '../types.js';
import {
  FEATURE_COUNT,
  type FeatureResources,
  positionFeatures,
  featureResources as resourcesOf,
  sentenceFacts,
  sentenceFeatures,
} from './features.js';
import { type Lattice, maxMarginals, viterbi } from './viterbi.js';

/** BIO tags over the two span types the model learns. */
export const TAGS = ['O', 'B-person-name', 'I-person-name', 'B-address', 'I-address'] as const;
export type Tag = (typeof TAGS)[number];
export type ModelType = Extract<PiiType, 'person-name' | 'address'>;
const T = TAGS.length;

/** Hash buckets per tag: 2^18 by default (5 MB of weights in memory; 2^20–2^22 scored the same on the dev split). */
export const DEFAULT_BITS = 18;

export interface SequenceModel {
  /** feature indices are hashed into [0, 2^bits) */
  bits: number;
  /**
   * whether what the rules found is among the features (stacking). Off by default: the rules were
   * written against the data a user would also train on, so a stacked model learns to trust them
   * more than they deserve on new text; unstacked, model and rules err independently.
   */
  stacked: boolean;
  /**
   * the median margin of the spans the model tags in (up to 2,000 of) its training sentences: the
   * unit its detectors' margin thresholds are given in, so they mean the same for any data size
   */
  marginScale: number;
  /** emission weights, bucket × tag (row-major) */
  weights: Float32Array;
  /** tag transition weights, from × to */
  trans: Float32Array;
  /** weights of the first tag */
  start: Float32Array;
}

export interface TrainingSentence {
  text: string;
  /** end exclusive */
  spans: Array<{ type: ModelType; start: number; end: number }>;
}

/** BIO constraints: an I- tag only continues its own span and never starts a sentence. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array(T * T).fill(1);
  for (let p = 0; p < T; p++) {
    if (p !== 1 && p !== 2) a[p * T + 2] = 0;
    if (p !== 3 && p !== 4) a[p * T + 4] = 0;
  }
  return a;
})();
export const ALLOWED_START: Uint8Array = Uint8Array.from([1, 1, 0, 1, 0]);

/**
 * The dictionaries (and, for a stacked model, the rule detectors) the features read, built once
 * per model user.
 */
export const featureResources = (d: PiiDictionaries, stacked = false): FeatureResources =>
  stacked ? resourcesOf(d, createPersonName(d), createAddress(d)) : resourcesOf(d, undefined, undefined);

export function goldTags(s: TrainingSentence): Int32Array {
  const tags = new Int32Array(s.text.length);
  for (const sp of s.spans) {
    const b = sp.type === 'person-name' ? 1 : 3;
    for (let i = sp.start; i < sp.end && i < tags.length; i++) tags[i] = i === sp.start ? b : b + 1;
  }
  return tags;
}

/**
 * Writes position i's emission scores (T of them) into em: the sum of w's rows for the
 * FEATURE_COUNT feature buckets at feats[o..]. One loop over the five tags' sums keeps the order of
 * additions fixed, so every caller gets the same scores to the bit.
 */
function emitPosition(w: ArrayLike<number>, feats: Int32Array, o: number, em: Float64Array, i: number): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let k = 0; k < FEATURE_COUNT; k++) {
    const b = (feats[o + k] as number) * T;
    s0 += w[b] as number;
    s1 += w[b + 1] as number;
    s2 += w[b + 2] as number;
    s3 += w[b + 3] as number;
    s4 += w[b + 4] as number;
  }
  em[i * T] = s0;
  em[i * T + 1] = s1;
  em[i * T + 2] = s2;
  em[i * T + 3] = s3;
  em[i * T + 4] = s4;
}

/** Emission scores (n × T) of a sentence's features under weights w. */
export function emissions(w: ArrayLike<number>, feats: Int32Array, n: number): Float64Array {
  const em = new Float64Array(n * T);
  for (let i = 0; i < n; i++) emitPosition(w, feats, i * FEATURE_COUNT, em, i);
  return em;
}

/**
 * The same emission scores straight from a text: each position's features are hashed into a
 * scratch row and summed at once (no n × FEATURE_COUNT array; the facts arrays are reused).
 */
export function textEmissions(
  w: ArrayLike<number>,
  text: string,
  r: FeatureResources,
  bits: number,
): Float64Array {
  const n = text.length;
  const f = sentenceFacts(text, r, true);
  const row = new Int32Array(FEATURE_COUNT);
  const em = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    positionFeatures(f, i, r, bits, row, 0);
    emitPosition(w, row, 0, em, i);
  }
  return em;
}

export const lattice = (
  m: { trans: ArrayLike<number>; start: ArrayLike<number> },
  em: Float64Array,
  n: number,
): Lattice => ({
  n,
  tags: T,
  em,
  trans: m.trans,
  start: m.start,
  allowed: ALLOWED,
  allowedStart: ALLOWED_START,
});

export interface TrainOptions {
  epochs?: number;
  bits?: number;
  /** the order sentences are visited in, per epoch (default 7) */
  seed?: number;
  /** what the rules found as features (default false, see SequenceModel.stacked) */
  stacked?: boolean;
  /** train this many models, each visiting the sentences in its own order, and average them (default 1) */
  ensemble?: number;
  onEpoch?: (epoch: number, errors: number) => void;
}

/**
 * Structured averaged perceptron (Collins 2002) with first-order Viterbi decoding, over hashed
 * features. Deterministic: features are hashed without a seed, sentences are visited in an order
 * shuffled by `seed`, and the average is exact (lazy: w − u/c, Daumé's trick).
 */
export function train(
  sentences: readonly TrainingSentence[],
  d: PiiDictionaries,
  opts: TrainOptions = {},
): SequenceModel {
  const bits = opts.bits ?? DEFAULT_BITS;
  const stacked = opts.stacked ?? false;
  const res = featureResources(d, stacked);
  const feats = sentences.map((s) => sentenceFeatures(s.text, res, bits));
  const golds = sentences.map(goldTags);
  const k = Math.max(1, opts.ensemble ?? 1);
  const first = trainOne(feats, golds, bits, stacked, opts, opts.seed ?? 7);
  for (let e = 1; e < k; e++) {
    const next = trainOne(feats, golds, bits, stacked, opts, (opts.seed ?? 7) + 1000 * e);
    for (const key of ['weights', 'trans', 'start'] as const) {
      const a = first[key];
      const b = next[key];
      for (let x = 0; x < a.length; x++) a[x] = (a[x] as number) + (b[x] as number);
    }
  }
  if (k > 1)
    for (const key of ['weights', 'trans', 'start'] as const) {
      const a = first[key];
      for (let x = 0; x < a.length; x++) a[x] = (a[x] as number) / k;
    }
  const margins: number[] = [];
  const step = Math.max(1, Math.floor(sentences.length / 2000));
  for (let i = 0; i < sentences.length; i += step)
    for (const sp of spanMargins(first, feats[i] as Int32Array, golds[i]?.length ?? 0)) margins.push(sp);
  margins.sort((a, b) => a - b);
  first.marginScale = margins.length ? Math.max(1e-6, margins[margins.length >> 1] as number) : 1;
  return first;
}

/**
 * The tagged spans of a sentence (from its features) with their margins: the gap between the
 * best reading and the best one that gives any of the span's characters, or the one after it,
 * another tag (max-marginals).
 */
export function spansWithMargins(
  m: SequenceModel,
  feats: Int32Array,
  n: number,
  outsideBias = 0,
): Array<{ tag: number; start: number; end: number; margin: number }> {
  if (n === 0) return [];
  return spansOfEmissions(m, emissions(m.weights, feats, n), n, outsideBias);
}

/** spansWithMargins from emission scores (changed in place by outsideBias). */
export function spansOfEmissions(
  m: SequenceModel,
  em: Float64Array,
  n: number,
  outsideBias = 0,
): Array<{ tag: number; start: number; end: number; margin: number }> {
  const out: Array<{ tag: number; start: number; end: number; margin: number }> = [];
  if (n === 0) return out;
  if (outsideBias !== 0) for (let i = 0; i < n; i++) em[i * T] = (em[i * T] as number) - outsideBias;
  const l = lattice(m, em, n);
  const { path } = viterbi(l);
  let any = false;
  for (let i = 0; i < n && !any; i++) any = path[i] === 1 || path[i] === 3;
  if (!any) return out;
  const mm = maxMarginals(l);
  const margin = (i: number): number => {
    const own = path[i] as number;
    let other = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < T; t++) if (t !== own) other = Math.max(other, mm[i * T + t] as number);
    return (mm[i * T + own] as number) - other;
  };
  for (let i = 0; i < n; i++) {
    const tag = path[i] as number;
    if (tag !== 1 && tag !== 3) continue;
    let j = i + 1;
    while (j < n && path[j] === tag + 1) j++;
    let least = Number.POSITIVE_INFINITY;
    for (let k = i; k <= j && k < n; k++) least = Math.min(least, margin(k));
    out.push({ tag, start: i, end: j, margin: least });
    i = j - 1;
  }
  return out;
}

const spanMargins = (m: SequenceModel, feats: Int32Array, n: number): number[] =>
  spansWithMargins(m, feats, n).map((s) => s.margin);

function trainOne(
  feats: readonly Int32Array[],
  golds: readonly Int32Array[],
  bits: number,
  stacked: boolean,
  opts: TrainOptions,
  firstSeed: number,
): SequenceModel {
  const epochs = opts.epochs ?? 8;
  const size = (1 << bits) * T;
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const trans = new Float64Array(T * T);
  const transU = new Float64Array(T * T);
  const start = new Float64Array(T);
  const startU = new Float64Array(T);
  let c = 1;
  const order = golds.map((_, i) => i);
  let seed = firstSeed;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const bump = (fs: Int32Array, i: number, tag: number, delta: number) => {
    const o = i * FEATURE_COUNT;
    for (let k = 0; k < FEATURE_COUNT; k++) {
      const b = (fs[o + k] as number) * T + tag;
      w[b] = (w[b] as number) + delta;
      u[b] = (u[b] as number) + c * delta;
    }
  };
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let errors = 0;
    for (const k of order) {
      const fs = feats[k] as Int32Array;
      const gold = golds[k] as Int32Array;
      const n = gold.length;
      if (n === 0) continue;
      const { path } = viterbi(lattice({ trans, start }, emissions(w, fs, n), n));
      for (let i = 0; i < n; i++) {
        const g = gold[i] as number;
        const p = path[i] as number;
        if (g !== p) {
          errors++;
          bump(fs, i, g, 1);
          bump(fs, i, p, -1);
        }
        if (i === 0) {
          if (g !== p) {
            start[g] = (start[g] as number) + 1;
            startU[g] = (startU[g] as number) + c;
            start[p] = (start[p] as number) - 1;
            startU[p] = (startU[p] as number) - c;
          }
        } else {
          const gp = (gold[i - 1] as number) * T + g;
          const pp = (path[i - 1] as number) * T + p;
          if (gp !== pp) {
            trans[gp] = (trans[gp] as number) + 1;
            transU[gp] = (transU[gp] as number) + c;
            trans[pp] = (trans[pp] as number) - 1;
            transU[pp] = (transU[pp] as number) - c;
          }
        }
      }
      c++;
    }
    opts.onEpoch?.(e + 1, errors);
  }
  const avg = (x: ArrayLike<number>, ux: ArrayLike<number>, out: Float32Array) => {
    for (let k = 0; k < out.length; k++) {
      const v = (x[k] as number) - (ux[k] as number) / c;
      out[k] = Math.abs(v) < 1e-4 ? 0 : v;
    }
    return out;
  };
  return {
    bits,
    stacked,
    marginScale: 1,
    weights: avg(w, u, new Float32Array(size)),
    trans: avg(trans, transU, new Float32Array(T * T)),
    start: avg(start, startU, new Float32Array(T)),
  };
}

/** The spans the model tags in a text, with their margins (see spansWithMargins). */
export const decodeSpans = (m: SequenceModel, text: string, r: FeatureResources, outsideBias = 0) =>
  spansOfEmissions(m, textEmissions(m.weights, text, r, m.bits), text.length, outsideBias);
