import type { PiiDictionaries } from '../dictionaries.js';
import { type Detector, type Finding, finding, type PiiType } from '../types.js';
import type { FeatureResources } from './features.js';
import { decode, featureResources, type ModelType, type SequenceModel, TAGS } from './perceptron.js';
import { maxMarginals } from './viterbi.js';

export interface SequenceDetectorOptions {
  /** keep only spans whose every character won by at least this margin (default 0: all) */
  minMargin?: number;
  /** the margin that earns a span the model's top score (0.84, still below `high`) */
  fullMargin?: number;
  /** taken off the model's score for "no span" at every character: more spans, less precision */
  outsideBias?: number;
  /** report address spans only when they name a street, a building, a door or a village (default true) */
  streetLevel?: boolean;
}

/** A model span: its tags' least margin over the runner-up reading (max-marginals). */
export interface ModelSpan {
  type: ModelType;
  start: number;
  end: number;
  margin: number;
}

/**
 * The spans the model tags in a text, each with its margin: how much lower the best reading is
 * that gives any of its characters another tag (or lets the span run on past its end).
 */
export function modelSpans(
  m: SequenceModel,
  text: string,
  r: FeatureResources,
  outsideBias = 0,
): ModelSpan[] {
  const out: ModelSpan[] = [];
  const n = text.length;
  if (n === 0) return out;
  const { path, lattice } = decode(m, text, r, outsideBias);
  let spanAt = -1;
  for (let i = 0; i < n; i++) if (path[i] === 1 || path[i] === 3) spanAt = i;
  if (spanAt < 0) return out;
  const T = TAGS.length;
  const mm = maxMarginals(lattice);
  const margin = (i: number): number => {
    const own = path[i] as number;
    const best = mm[i * T + own] as number;
    let other = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < T; t++) if (t !== own) other = Math.max(other, mm[i * T + t] as number);
    return best - other;
  };
  for (let i = 0; i < n; i++) {
    const tag = path[i] as number;
    if (tag !== 1 && tag !== 3) continue;
    let j = i + 1;
    while (j < n && path[j] === tag + 1) j++;
    let least = Number.POSITIVE_INFINITY;
    for (let k = i; k < j; k++) least = Math.min(least, margin(k));
    if (j < n) least = Math.min(least, margin(j));
    out.push({ type: tag === 1 ? 'person-name' : 'address', start: i, end: j, margin: least });
    i = j - 1;
  }
  return out;
}

/**
 * The words that make an address street-level, as docs/pii.md defines it (a street, a door number,
 * a building or a village): the street and door suffixes of data/pii/address.yaml without those that
 * also end regions, landmarks and institutions (城, 中心, 园, 桥, 楼, 层 …).
 */
const STREET_LEVEL = [
  '路',
  '街',
  '巷',
  '弄',
  '胡同',
  '大道',
  '小区',
  '村',
  '室',
  '单元',
  '栋',
  '幢',
  '大厦',
  '公寓',
  '花园',
  '广场',
];
const streetLevelWords = (d: PiiDictionaries): readonly string[] => {
  const known = new Set([...d.address['street-suffix'], ...d.address['detail-suffix']]);
  return STREET_LEVEL.filter((w) => known.has(w) || w.length === 1);
};

/**
 * Whether an address span names more than a region: a street, building or door word inside it, or
 * a number before 号. A region alone (北京市朝阳区) identifies nobody; the rules do not report it either.
 */
export function isStreetLevel(span: string, words: readonly string[]): boolean {
  if (/[0-9０-９一二三四五六七八九十百]号/.test(span)) return true;
  for (const w of words) if (span.includes(w)) return true;
  return false;
}

/**
 * Detectors for both types from one model: the text is decoded once for both (the last text is
 * remembered by this pair of detectors, not by the module). A span scores 0.55–0.84 by its margin:
 * a model span never reaches `high` on its own (a reviewer should look).
 */
export function createSequenceDetectors(
  m: SequenceModel,
  d: PiiDictionaries,
  opts: SequenceDetectorOptions = {},
): Detector[] {
  const minMargin = opts.minMargin ?? 0;
  const full = opts.fullMargin ?? 8;
  const bias = opts.outsideBias ?? 0;
  const streetWords = opts.streetLevel === false ? undefined : streetLevelWords(d);
  const res = featureResources(d);
  let lastText: string | undefined;
  let lastSpans: ModelSpan[] = [];
  const spansOf = (text: string): ModelSpan[] => {
    if (text !== lastText) {
      lastSpans = modelSpans(m, text, res, bias);
      lastText = text;
    }
    return lastSpans;
  };
  const detector = (type: ModelType): Detector => ({
    type,
    detect(text: string): Finding[] {
      const out: Finding[] = [];
      for (const s of spansOf(text)) {
        if (s.type !== type || s.margin < minMargin) continue;
        if (type === 'person-name' ? s.end - s.start < 2 : s.end - s.start < 3) continue;
        if (type === 'address' && streetWords && !isStreetLevel(text.slice(s.start, s.end), streetWords))
          continue;
        out.push(finding(type as PiiType, text, s.start, s.end, 0.55 + 0.29 * Math.min(1, s.margin / full)));
      }
      return out;
    },
  });
  return [detector('person-name'), detector('address')];
}

/** One type's detector from a model. */
export const createSequenceDetector = (
  m: SequenceModel,
  d: PiiDictionaries,
  type: ModelType,
  opts: SequenceDetectorOptions = {},
): Detector => createSequenceDetectors(m, d, opts)[type === 'person-name' ? 0 : 1] as Detector;
