import type { PiiDictionaries } from '../dictionaries.js';
import { type Detector, type Finding, finding, type PiiType } from '../types.js';
import type { FeatureResources } from './features.js';
import { decodeSpans, featureResources, type ModelType, type SequenceModel } from './perceptron.js';

export interface SequenceDetectorOptions {
  /**
   * keep only spans whose every character won by at least this margin, in units of the model's
   * median span margin on its training data: both types (default: nameMargin, addressMargin)
   */
  minMargin?: number;
  /**
   * the same for person-name spans alone (default 0.25) and for address spans alone (default
   * 0.35): chosen on the dev split (session 8; docs/pii.md): there the names the model won by 0.08–0.25
   * were right a third of the time
   */
  nameMargin?: number;
  addressMargin?: number;
  /** the margin (same unit) that earns a span the model's top score (default 0.2) */
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

/** The spans the model tags in a text, each with its margin in the model's own unit (marginScale = 1). */
export function modelSpans(
  m: SequenceModel,
  text: string,
  r: FeatureResources,
  outsideBias = 0,
): ModelSpan[] {
  return decodeSpans(m, text, r, outsideBias).map((s) => ({
    type: s.tag === 1 ? 'person-name' : 'address',
    start: s.start,
    end: s.end,
    margin: s.margin / m.marginScale,
  }));
}

/**
 * The words that make an address street-level, as docs/pii.md defines it (a street, a door number,
 * a building or a village): the street and door suffixes of data/pii/address.yaml without those that
 * also end regions, landmarks and institutions (城, 中心, 园, 桥, 楼, 层 …).
 */
export const STREET_LEVEL: readonly string[] = [
  ...'路街巷弄村室栋幢',
  '胡同',
  '大道',
  '小区',
  '单元',
  '大厦',
  '公寓',
  '花园',
  '广场',
];

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
 * Whether text[start, end) holds a letter: a Han character, a Latin letter or any other character
 * that is no digit, punctuation, space or symbol (classes 1, 2, 3 and 7 of charClass: kana,
 * Hangul, full-width letters, rarer Han planes).
 */
export function hasLetter(text: string, cls: Uint8Array, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) {
    const k = cls[text.charCodeAt(i)] as number;
    if ((k >= 1 && k <= 3) || k === 7) return true;
  }
  return false;
}

/**
 * A model span scores 0.50–0.55 (by its margin): always `possible`, and where it overlaps a rule
 * finding of 0.55 or more the rule's span wins (on the dev split, letting the model override the
 * rules' spans cost precision and bought nothing). Redaction covers `possible` by default.
 */
const MODEL_SCORE = 0.55;

/**
 * Detectors for both types from one model: the text is decoded once for both (the last text is
 * remembered by this pair of detectors, not by the module). A model span is never more than
 * `possible` on its own (a reviewer should look).
 */
export function createSequenceDetectors(
  m: SequenceModel,
  d: PiiDictionaries,
  opts: SequenceDetectorOptions = {},
): Detector[] {
  const nameMargin = opts.nameMargin ?? opts.minMargin ?? 0.25;
  const addressMargin = opts.addressMargin ?? opts.minMargin ?? 0.35;
  const full = opts.fullMargin ?? 0.2;
  const bias = opts.outsideBias ?? 0;
  const streetWords = opts.streetLevel === false ? undefined : STREET_LEVEL;
  const res = featureResources(d, m.stacked);
  let lastText: string | undefined;
  let lastSpans: ModelSpan[] = [];
  const spansOf = (text: string): ModelSpan[] => {
    if (text !== lastText) {
      // the prefilter: a text with no letter at all (only digits, punctuation, spaces, symbols)
      // can hold no span this detector reports (a span must hold one, below), so it is not tagged
      lastSpans = hasLetter(text, res.cls) ? modelSpans(m, text, res, bias) : [];
      lastText = text;
    }
    return lastSpans;
  };
  const detector = (type: ModelType): Detector => ({
    type,
    detect(text: string): Finding[] {
      const out: Finding[] = [];
      const least = type === 'person-name' ? nameMargin : addressMargin;
      for (const s of spansOf(text)) {
        if (s.type !== type || s.margin < least) continue;
        if (type === 'person-name' ? s.end - s.start < 2 : s.end - s.start < 3) continue;
        if (!hasLetter(text, res.cls, s.start, s.end)) continue;
        if (type === 'address' && streetWords && !isStreetLevel(text.slice(s.start, s.end), streetWords))
          continue;
        out.push(
          finding(
            type as PiiType,
            text,
            s.start,
            s.end,
            MODEL_SCORE - 0.05 * (1 - Math.min(1, s.margin / full)),
          ),
        );
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
