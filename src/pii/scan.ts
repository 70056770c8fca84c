import { profileText } from './profile.js';
import type { DetectorRegistry } from './registry.js';
import {
  CONFIDENCE_ORDER,
  type Confidence,
  type Detector,
  type Finding,
  PII_TYPES,
  type PiiType,
} from './types.js';

export interface ScanOptions {
  /** only these types (default: all) */
  types?: readonly PiiType[];
  /** drop findings below this level (default: possible, i.e. keep all) */
  minConfidence?: Confidence;
  /** more detectors run besides the registry's (a user-trained sequence model) */
  extra?: readonly Detector[];
}

/**
 * Runs the detectors over one text and resolves overlaps: where two findings overlap, the higher
 * score wins, then the longer span, then the earlier type in PII_TYPES (the more specific one).
 * Returns non-overlapping findings in text order. Pure.
 */
export function scanText(text: string, detectors: DetectorRegistry, options: ScanOptions = {}): Finding[] {
  if (text.length === 0) return [];
  const types = options.types ?? PII_TYPES;
  const min = CONFIDENCE_ORDER[options.minConfidence ?? 'possible'];
  const all: Finding[] = [];
  const profile = profileText(text);
  for (const t of types) {
    const d = detectors[t];
    if (d.applies && !d.applies(profile)) continue;
    for (const f of d.detect(text)) if (CONFIDENCE_ORDER[f.confidence] >= min) all.push(f);
  }
  for (const d of options.extra ?? [])
    if (types.includes(d.type))
      for (const f of d.detect(text)) if (CONFIDENCE_ORDER[f.confidence] >= min) all.push(f);
  if (all.length <= 1) return all;
  const rank = (t: PiiType) => PII_TYPES.indexOf(t);
  all.sort(
    (a, b) =>
      b.score - a.score ||
      b.end - b.start - (a.end - a.start) ||
      rank(a.type) - rank(b.type) ||
      a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const f of all) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}
