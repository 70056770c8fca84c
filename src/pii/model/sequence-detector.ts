import type { PiiDictionaries } from '../dictionaries.js';
import { type Detector, type Finding, finding, type PiiType } from '../types.js';
import { decode, featureResources, type ModelType, type SequenceModel } from './perceptron.js';

/**
 * A detector from a trained model, for one type. Spans whose characters the model chose by a
 * wide margin score higher; a model span never reaches `high` on its own (a reviewer should look).
 */
export function createSequenceDetector(
  m: SequenceModel,
  d: PiiDictionaries,
  type: ModelType,
  opts: { minMargin?: number } = {},
): Detector {
  const minMargin = opts.minMargin ?? 0;
  const res = featureResources(d);
  const begin = type === 'person-name' ? 1 : 3;
  return {
    type,
    detect(text: string): Finding[] {
      const out: Finding[] = [];
      if (text.length === 0) return out;
      const { tags, margins } = decode(m, text, res);
      for (let i = 0; i < tags.length; i++) {
        if (tags[i] !== begin) continue;
        let j = i + 1;
        while (j < tags.length && tags[j] === begin + 1) j++;
        let sum = 0;
        let least = Number.POSITIVE_INFINITY;
        for (let k = i; k < j; k++) {
          sum += margins[k] ?? 0;
          least = Math.min(least, margins[k] ?? 0);
        }
        const avg = sum / (j - i);
        const len = j - i;
        // every character of the span chosen by at least minMargin over the runner-up tag
        if ((type === 'person-name' ? len >= 2 : len >= 3) && least >= minMargin)
          out.push(finding(type as PiiType, text, i, j, 0.55 + 0.29 * Math.min(1, avg / 8)));
        i = j - 1;
      }
      return out;
    },
  };
}

/** Both types from one model. */
export const createSequenceDetectors = (
  m: SequenceModel,
  d: PiiDictionaries,
  opts: { minMargin?: number } = {},
): Detector[] => [
  createSequenceDetector(m, d, 'person-name', opts),
  createSequenceDetector(m, d, 'address', opts),
];
