import { createAddress } from '../detectors/address.js';
import { createPersonName } from '../detectors/person-name.js';
import type { PiiDictionaries } from '../dictionaries.js';
import type { PiiType } from '../types.js';
import {
  type FeatureResources,
  positionFeatures,
  type SentenceContext,
  sentenceContext,
} from './features.js';

/** BIO tags over the two span types the model learns. */
export const TAGS = ['O', 'B-person-name', 'I-person-name', 'B-address', 'I-address'] as const;
export type Tag = (typeof TAGS)[number];
export type ModelType = Extract<PiiType, 'person-name' | 'address'>;

export interface SequenceModel {
  /** feature → one weight per tag */
  weights: Map<string, Float64Array>;
}

export interface TrainingSentence {
  text: string;
  /** end exclusive */
  spans: Array<{ type: ModelType; start: number; end: number }>;
}

/** The rule detectors and dictionaries the features read (built once per model user). */
export const featureResources = (d: PiiDictionaries): FeatureResources => ({
  dicts: d,
  surnames: new Set(d.surnames),
  person: createPersonName(d),
  address: createAddress(d),
});

function goldTags(s: TrainingSentence): number[] {
  const tags = new Array<number>(s.text.length).fill(0);
  for (const sp of s.spans) {
    const b = sp.type === 'person-name' ? 1 : 3;
    for (let i = sp.start; i < sp.end && i < tags.length; i++) tags[i] = i === sp.start ? b : b + 1;
  }
  return tags;
}

/** Tags allowed after `prev`: an I- tag only continues its own span. */
const allowed = (prev: number, t: number): boolean =>
  !(t === 2 && prev !== 1 && prev !== 2) && !(t === 4 && prev !== 3 && prev !== 4);

/** Greedy left-to-right decoding; returns the tags and, per position, the margin over the runner-up. */
export function decode(
  m: SequenceModel,
  text: string,
  r: FeatureResources,
  ctx: SentenceContext = sentenceContext(text, r),
): { tags: number[]; margins: number[] } {
  const tags: number[] = [];
  const margins: number[] = [];
  const score = new Float64Array(TAGS.length);
  let prev = 0;
  for (let i = 0; i < text.length; i++) {
    score.fill(0);
    const feats = positionFeatures(text, i, r, ctx);
    feats.push(`t${prev}`, `t${prev}${text[i]}`);
    for (const f of feats) {
      const w = m.weights.get(f);
      if (w) for (let t = 0; t < TAGS.length; t++) score[t] = (score[t] ?? 0) + (w[t] ?? 0);
    }
    let best = -1;
    let second = -Infinity;
    for (let t = 0; t < TAGS.length; t++) {
      if (!allowed(prev, t)) continue;
      const v = score[t] ?? 0;
      if (best < 0 || v > (score[best] ?? 0)) {
        if (best >= 0) second = Math.max(second, score[best] ?? 0);
        best = t;
      } else second = Math.max(second, v);
    }
    tags.push(best);
    margins.push((score[best] ?? 0) - second);
    prev = best;
  }
  return { tags, margins };
}

/**
 * Averaged perceptron (Collins 2002) over the features above, greedy decoding with the previous
 * tag as a feature. Deterministic: sentences are visited in a fixed shuffled order per epoch.
 */
export function train(
  sentences: readonly TrainingSentence[],
  d: PiiDictionaries,
  opts: { epochs?: number; onEpoch?: (epoch: number, errors: number) => void } = {},
): SequenceModel {
  const epochs = opts.epochs ?? 5;
  const res = featureResources(d);
  const contexts = sentences.map((s) => sentenceContext(s.text, res));
  const w = new Map<string, Float64Array>();
  const total = new Map<string, Float64Array>();
  const stamp = new Map<string, Float64Array>();
  let step = 1;
  const update = (f: string, t: number, delta: number) => {
    let wf = w.get(f);
    let tf = total.get(f);
    let sf = stamp.get(f);
    if (!wf || !tf || !sf) {
      wf = new Float64Array(TAGS.length);
      tf = new Float64Array(TAGS.length);
      sf = new Float64Array(TAGS.length);
      w.set(f, wf);
      total.set(f, tf);
      stamp.set(f, sf);
    }
    tf[t] = (tf[t] ?? 0) + (step - (sf[t] ?? 0)) * (wf[t] ?? 0);
    sf[t] = step;
    wf[t] = (wf[t] ?? 0) + delta;
  };
  const order = sentences.map((_, i) => i);
  let seed = 7;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const model: SequenceModel = { weights: w };
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let errors = 0;
    for (const k of order) {
      const s = sentences[k] as TrainingSentence;
      const gold = goldTags(s);
      const ctx = contexts[k] as SentenceContext;
      const { tags } = decode(model, s.text, res, ctx);
      for (let i = 0; i < s.text.length; i++) {
        const g = gold[i] ?? 0;
        const p = tags[i] ?? 0;
        if (g !== p || (tags[i - 1] ?? 0) !== (gold[i - 1] ?? 0)) {
          const feats = positionFeatures(s.text, i, res, ctx);
          const gp = gold[i - 1] ?? 0;
          const pp = tags[i - 1] ?? 0;
          for (const f of [...feats, `t${gp}`, `t${gp}${s.text[i]}`]) update(f, g, 1);
          for (const f of [...feats, `t${pp}`, `t${pp}${s.text[i]}`]) update(f, p, -1);
          if (g !== p) errors++;
        }
        step++;
      }
    }
    opts.onEpoch?.(e + 1, errors);
  }
  // average: each weight's running total over all steps
  const avg = new Map<string, Float64Array>();
  for (const [f, wf] of w) {
    const tf = total.get(f) as Float64Array;
    const sf = stamp.get(f) as Float64Array;
    const out = new Float64Array(TAGS.length);
    let any = false;
    for (let t = 0; t < TAGS.length; t++) {
      const v = ((tf[t] ?? 0) + (step - (sf[t] ?? 0)) * (wf[t] ?? 0)) / step;
      out[t] = Math.round(v * 1e4) / 1e4;
      if (out[t] !== 0) any = true;
    }
    if (any) avg.set(f, out);
  }
  return { weights: avg };
}
